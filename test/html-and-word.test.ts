// HTML pages and Word documents read as Markdown is: one document written three ways
// (Markdown, a web page with real site furniture, a Word file made by the docx library)
// must give the same element statuses and the same findings.
import { describe, expect, it } from 'vitest';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { bundledLinter } from '../src/engine/resources.js';
import { parseHtml } from '../src/parse/html.js';
import { parseConverted } from '../src/parse/document.js';
import { inferDocument } from '../src/extract/inference/infer.js';
import type { DocumentResult, LintOptions } from '../src/types.js';

const OPTIONS: LintOptions = { asOf: '2026-11-23' };
const linter = bundledLinter();

type Item = { h: number; text: string } | { p: string } | { ul: string[] };

const CONTENT: Item[] = [
  { h: 1, text: 'Ashvale Safeguarding Children Partnership: multi-agency safeguarding arrangements' },
  { p: 'Published: 12 March 2025' },
  { h: 2, text: 'Our safeguarding partners' },
  { p: 'The three statutory partners are Ashvale County Council, NHS Ashvale Integrated Care Board and Ashvale Police.' },
  { h: 2, text: 'Funding' },
  { h: 3, text: 'Contributions' },
  { p: 'The partners fund the arrangements through a pooled budget. Each partner contributes an equitable and proportionate share.' },
  { h: 2, text: 'Independent scrutiny' },
  { p: 'TBC' },
  { h: 2, text: 'Hearing from children and families' },
  { ul: ['Our youth forum gives us the views of young people on every priority.', 'Parents and carers are consulted on each new policy.'] },
  { h: 2, text: 'Training' },
  { p: 'Multi-agency training is offered to practitioners in every partner agency, and its impact on practice is evaluated each year.' },
  { h: 2, text: 'Resolving disagreements' },
  { p: 'Practitioners follow the escalation procedure to resolve professional disagreements about a child.' },
  { p: 'These arrangements follow Working Together 2023.' },
];

const FRONT_MATTER = 'kind: arrangements\narea: Ashvale Safeguarding Children Partnership\nedition: 2023\npublished: 2025-03-12\n';

function toMarkdown(items: Item[]): string {
  const body = items.map((item) =>
    'h' in item ? `${'#'.repeat(item.h)} ${item.text}` : 'p' in item ? item.p : item.ul.map((li) => `- ${li}`).join('\n'),
  );
  return `---\n${FRONT_MATTER}---\n\n${body.join('\n\n')}\n`;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The content inside the furniture of a typical council site. */
function toHtml(items: Item[]): string {
  const [title, ...rest] = items as [{ h: number; text: string }, ...Item[]];
  const body = rest.map((item) =>
    'h' in item
      ? `<h${item.h}>${esc(item.text)}</h${item.h}>`
      : 'p' in item
        ? `<p>${esc(item.p)}</p>`
        : `<ul>\n${item.ul.map((li) => `  <li>${esc(li)}</li>`).join('\n')}\n</ul>`,
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>Safeguarding arrangements | Ashvale</title>',
    '<style>.cookie-banner { position: fixed; }</style>',
    '<script>window.dataLayer = [{ page: "Annual report 2018-19" }];</script></head>',
    '<body>',
    '<div class="cookie-banner" id="global-cookie-message"><p>We use cookies to make this site work. Our training partners may set cookies.</p><button>Accept cookies</button></div>',
    '<a class="skip-link" href="#content">Skip to main content</a>',
    '<header class="site-header"><a href="/">Ashvale County Council</a>',
    '<nav aria-label="Main"><ul><li><a href="/funding">Funding</a></li><li><a href="/training">Training for practitioners</a></li></ul></nav></header>',
    '<ol class="breadcrumbs"><li><a href="/">Home</a></li><li>Safeguarding arrangements</li></ol>',
    '<main id="content"><article>',
    `<header><h1>${esc(title.text)}</h1></header>`,
    ...body,
    '</article>',
    '<aside><h2>Related</h2><p>Independent scrutiny reports are published by the independent scrutineer.</p></aside>',
    '</main>',
    '<footer><p>Published by Ashvale County Council under Working Together 2018. Published: 1 January 2019.</p></footer>',
    '<script src="/analytics.js"></script>',
    '</body></html>',
  ].join('\n');
}

async function toDocx(items: Item[]): Promise<Uint8Array> {
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  const children = items.flatMap((item) =>
    'h' in item
      ? [new Paragraph({ text: item.text, heading: levels[item.h - 1] })]
      : 'p' in item
        ? [new Paragraph({ text: item.p })]
        : item.ul.map((li) => new Paragraph({ text: li, bullet: { level: 0 } })),
  );
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

const enc = (text: string) => new TextEncoder().encode(text);
const SIDECAR = (path: string) => ({ path, text: FRONT_MATTER });
const ids = (r: DocumentResult) => r.findings.map((f) => `${f.ruleId} ${f.messageId} ${f.severity}`).sort();

const EXPECTED_ELEMENTS = {
  'safeguarding-partners': 'present',
  'lead-and-delegates': 'missing',
  'partnership-chair': 'missing',
  'lead-sign-off': 'missing',
  geography: 'present', // the partnership named by its area (a mention: no section on the area)
  'relevant-agencies': 'missing',
  education: 'missing',
  'independent-scrutiny': 'partial',
  funding: 'present',
  'information-sharing': 'missing',
  threshold: 'missing',
  'practice-reviews': 'missing',
  'yearly-report': 'missing',
  'child-voice': 'present',
  'dispute-resolution': 'present',
  training: 'present',
  vcse: 'missing',
  'child-death-review': 'missing',
};

describe('one document as Markdown, HTML and Word', async () => {
  const markdown = linter.lint({ path: 'ashvale.md', text: toMarkdown(CONTENT) }, OPTIONS);
  const html = await linter.lintFileBytes('ashvale.html', enc(toHtml(CONTENT)), { ...OPTIONS, sidecar: SIDECAR('ashvale.html.yaml') });
  const docx = await linter.lintFileBytes('ashvale.docx', await toDocx(CONTENT), { ...OPTIONS, sidecar: SIDECAR('ashvale.docx.yaml') });

  it('gives the same element statuses', () => {
    expect(markdown.elements).toEqual(EXPECTED_ELEMENTS);
    expect(html.elements).toEqual(EXPECTED_ELEMENTS);
    expect(docx.elements).toEqual(EXPECTED_ELEMENTS);
  });

  it('gives the same findings and metadata', () => {
    expect(ids(html)).toEqual(ids(markdown));
    expect(ids(docx)).toEqual(ids(markdown));
    for (const r of [markdown, html, docx])
      expect([r.kind, r.edition, r.area]).toEqual(['arrangements', '2023', 'Ashvale Safeguarding Children Partnership']);
  });

  it('places HTML evidence on the line of the page, with its heading path', () => {
    expect(html.evidence.funding).toEqual([
      { via: 'heading', text: 'Funding', line: 17, column: 1 },
      { via: 'heading', text: 'Contributions', line: 18, column: 1, section: 'Funding › Contributions' },
      {
        via: 'sentence',
        text: 'The partners fund the arrangements through a pooled budget.',
        line: 19,
        column: 4,
        section: 'Funding › Contributions',
      },
    ]);
    expect(html.evidence['child-voice']).toEqual([
      {
        via: 'list-item',
        text: 'Our youth forum gives us the views of young people on every priority.',
        line: 24,
        column: 7,
        section: 'Hearing from children and families',
      },
      {
        via: 'list-item',
        text: 'Parents and carers are consulted on each new policy.',
        line: 25,
        column: 7,
        section: 'Hearing from children and families',
      },
    ]);
    const partial = html.findings.find((f) => f.ruleId === 'wt2023/independent-scrutiny')!;
    expect([partial.line, partial.column, partial.message]).toEqual([
      20,
      1,
      'Independent scrutiny is only partly addressed: the "Independent scrutiny" section at line 20 holds only a placeholder',
    ]);
  });

  it('places Word evidence on the paragraph number, column 1', () => {
    expect(docx.evidence.funding).toEqual([
      { via: 'heading', text: 'Funding', line: 5, column: 1 },
      { via: 'heading', text: 'Contributions', line: 6, column: 1, section: 'Funding › Contributions' },
      {
        via: 'sentence',
        text: 'The partners fund the arrangements through a pooled budget.',
        line: 7,
        column: 1,
        section: 'Funding › Contributions',
      },
    ]);
    expect(docx.evidence['dispute-resolution']).toEqual([
      { via: 'heading', text: 'Resolving disagreements', line: 15, column: 1 },
      {
        via: 'sentence',
        text: 'Practitioners follow the escalation procedure to resolve professional disagreements about a child.',
        line: 16,
        column: 1,
        section: 'Resolving disagreements',
      },
    ]);
  });
});

describe('HTML conversion', () => {
  it('keeps headings, lists and tables and drops the site furniture', () => {
    const parts = parseHtml(
      toHtml(CONTENT.slice(0, 4)).replace(
        '</article>',
        '<table><tr><th>Partner</th><th>Share</th></tr>\n<tr><td>Police</td><td>20%</td></tr></table></article>',
      ),
    );
    expect(parts.blocks.map((b) => [b.kind, b.line, b.column, b.text])).toEqual([
      ['heading', 13, 9, 'Ashvale Safeguarding Children Partnership: multi-agency safeguarding arrangements'],
      ['paragraph', 14, 1, 'Published: 12 March 2025'],
      ['heading', 15, 1, 'Our safeguarding partners'],
      [
        'paragraph',
        16,
        1,
        'The three statutory partners are Ashvale County Council, NHS Ashvale Integrated Care Board and Ashvale Police.',
      ],
      ['table-row', 17, 8, 'Partner | Share'],
      ['table-row', 18, 1, 'Police | 20%'],
    ]);
    expect(parts.headings.map((h) => [h.depth, h.text, h.block, h.end])).toEqual([
      [1, 'Ashvale Safeguarding Children Partnership: multi-agency safeguarding arrangements', 0, 6],
      [2, 'Our safeguarding partners', 2, 6],
    ]);
  });

  it('drops furniture marked by role, hidden, aria-hidden, forms and page-level footers, and keeps a footer inside the content', () => {
    const page = [
      '<div role="navigation"><p>Menu</p></div><div role="banner"><p>Site name</p></div>',
      '<div role="complementary"><p>Related</p></div><div role="search"><p>Search</p></div>',
      '<p hidden>Hidden text</p><div aria-hidden="true"><p>Decoration</p></div>',
      '<form><p>Sign up to our newsletter</p><select><option>Yes</option></select></form>',
      '<div class="consent-manager"><p>Consent</p></div><noscript><p>Enable JavaScript</p></noscript><template><p>T</p></template>',
      '<section><h2>Scrutiny</h2><p>The scrutineer reports twice a year.</p><footer><p>Last reviewed March 2025.</p></footer></section>',
      '<footer><p>Site footer</p></footer>',
    ].join('\n');
    expect(parseHtml(page).blocks.map((b) => [b.kind, b.line, b.text])).toEqual([
      ['heading', 6, 'Scrutiny'],
      ['paragraph', 6, 'The scrutineer reports twice a year.'],
      ['paragraph', 6, 'Last reviewed March 2025.'],
    ]);
  });

  it('places each line of a paragraph wrapped in the page on its own line', () => {
    const parts = parseHtml('<p>The partners agreed a pooled budget\n   for the year. The police &amp; the\n council contribute.</p>');
    const block = parts.blocks[0]!;
    expect(block.text).toBe('The partners agreed a pooled budget for the year. The police & the council contribute.');
    expect(block.segments).toEqual([
      { offset: 0, line: 1, column: 4 },
      { offset: 36, line: 2, column: 4 },
      { offset: 67, line: 3, column: 2 },
    ]);
  });
});

describe('metadata without a sidecar', () => {
  const infer = (doc: ReturnType<typeof parseConverted>) =>
    inferDocument(doc, {
      editions: linter.packs.map((p) => ({ edition: p.edition, ...p.in_force })),
      asOf: OPTIONS.asOf,
      rules: linter.reference.inference,
    });

  it('is inferred from the text and said once, at info, with the words and lines it used', async () => {
    const result = await linter.lintFileBytes('ashvale.html', enc(toHtml(CONTENT)), OPTIONS);
    expect([result.kind, result.edition, result.area]).toEqual(['arrangements', '2023', 'Ashvale Safeguarding Children Partnership']);
    expect(result.elements).toEqual(EXPECTED_ELEMENTS);
    expect(
      result.findings.filter((f) => f.ruleId === 'document-metadata').map((f) => [f.line, f.column, f.severity, f.messageId, f.message]),
    ).toEqual([
      [
        13,
        13,
        'info',
        'inferred',
        'Inferred from the text: kind arrangements from its title "Ashvale Safeguarding Children Partnership: multi-agency safeguarding arrangements" (line 13), the text says "These arrangements" (line 31); ' +
          'edition 2023: cites "Working Together 2023" (line 31); is dated 2025-03-12 (from "Published: 12 March 2025" (line 14)); only the 2023 edition was in force then (2023-12-15 on); ' +
          'published 2025-03-12 from "Published: 12 March 2025" (line 14); area Ashvale Safeguarding Children Partnership (line 13).',
      ],
    ]);
  });

  it('reads the forms partnerships use', () => {
    const page = [
      '<h1>Northshire Safeguarding Children Partnership Annual Report 2023-24</h1>',
      '<p>Date of publication: 30/09/2024. This report follows Working Together to Safeguard Children 2018 and Working Together to Safeguard Children (2023).</p>',
    ].join('\n');
    const inference = infer(parseConverted('report.html', 'html', parseHtml(page)));
    expect([
      inference.kind?.value,
      inference.area?.value,
      inference.edition?.value,
      inference.period?.value,
      inference.published?.value.iso,
    ]).toEqual([
      'yearly-report',
      'Northshire Safeguarding Children Partnership',
      '2023',
      { start: '2023-04-01', end: '2024-03-31' },
      '2024-09-30',
    ]);
    expect(inference.published).toMatchObject({ how: 'published', quote: 'Date of publication: 30/09/2024', line: 2, column: 4 });
    expect(inference.edition).toMatchObject({ quote: 'Working Together to Safeguard Children (2023', line: 2, column: 105 });
  });

  it('reads nothing from text that does not say it, and takes no impossible date', () => {
    const inference = infer(
      parseConverted(
        'page.html',
        'html',
        parseHtml('<h2>About us</h2><p>Published: 31 February 2024. We work with the Safeguarding Children Partnership.</p>'),
      ),
    );
    expect([inference.area, inference.published, inference.period, inference.edition?.quote]).toEqual([null, null, null, null]);
  });
});

describe('sidecar metadata', () => {
  it('places findings about sidecar keys at the top of the document, naming the sidecar line', async () => {
    const sidecar = { path: 'ashvale.html.yaml', text: 'kind: arrangements\nedition: 2023\npublished: 2027-01-05\n' };
    const result = await linter.lintFileBytes('ashvale.html', enc(toHtml(CONTENT)), { ...OPTIONS, sidecar });
    const future = result.findings.filter((f) => f.ruleId === 'wt2023/dates');
    expect(future.map((f) => [f.line, f.column, f.message])).toEqual([
      [1, 1, '`published` is 2027-01-05, after the as-of date 2026-11-23 (in ashvale.html.yaml, line 3:1)'],
    ]);
    expect(result.findings.filter((f) => f.ruleId === 'document-metadata')).toEqual([]);
  });

  it('reports a broken sidecar as a parse error naming its line', async () => {
    const sidecar = { path: 'ashvale.html.yaml', text: 'kind: arrangements\nkind: arrangements\n' };
    const result = await linter.lintFileBytes('ashvale.html', enc(toHtml(CONTENT)), { ...OPTIONS, sidecar });
    expect(result.findings.filter((f) => f.ruleId === 'parse-error').map((f) => [f.line, f.column, f.messageId, f.message])).toEqual([
      [1, 1, 'yaml-syntax', 'YAML error (DUPLICATE_KEY): Map keys must be unique (in ashvale.html.yaml, line 2:1)'],
    ]);
  });
});

describe('inputs that cannot be read', () => {
  it('a file that is not a Word document is a parse error', async () => {
    const result = await linter.lintFileBytes('draft.docx', enc('not a zip'), OPTIONS);
    expect(result.findings.map((f) => [f.ruleId, f.messageId, f.line, f.column])).toEqual([['parse-error', 'not-docx', 1, 1]]);
  });

  it('a page with nothing but furniture is empty', async () => {
    const result = await linter.lintFileBytes('page.htm', enc('<nav><p>Home</p></nav><footer><p>Contact</p></footer>'), OPTIONS);
    expect(result.findings.map((f) => [f.ruleId, f.messageId])).toEqual([['parse-error', 'empty']]);
  });

  it('lint() on an HTML path says to use lintFileBytes', () => {
    const result = linter.lint({ path: 'page.html', text: '<p>x</p>' }, OPTIONS);
    expect(result.findings.map((f) => [f.ruleId, f.messageId])).toEqual([['parse-error', 'needs-conversion']]);
  });

  it('a Word table keeps one line per row, the number of its first paragraph', async () => {
    const table = new Table({
      rows: [
        new TableRow({
          children: [new TableCell({ children: [new Paragraph('Partner')] }), new TableCell({ children: [new Paragraph('Share')] })],
        }),
        new TableRow({
          children: [new TableCell({ children: [new Paragraph('Police')] }), new TableCell({ children: [new Paragraph('20%')] })],
        }),
      ],
    });
    const bytes = await Packer.toBuffer(
      new Document({
        sections: [{ children: [new Paragraph({ text: 'Funding', heading: HeadingLevel.HEADING_1 }), new Paragraph(''), table] }],
      }),
    );
    const { convertBody } = await import('../src/parse/convert/body.js');
    const converted = await convertBody('docx', new Uint8Array(bytes));
    expect(converted.ok && converted.parts.blocks.map((b) => [b.kind, b.line, b.column, b.text])).toEqual([
      ['heading', 1, 1, 'Funding'],
      ['table-row', 3, 1, 'Partner | Share'],
      ['table-row', 5, 1, 'Police | 20%'],
    ]);
  });
});
