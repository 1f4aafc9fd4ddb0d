// PDFs (issue 13): structure recovered from layouts made here with pdf-lib, asserted exactly;
// broken and hostile PDFs asserted to give their finding; pages carried into the reports.
import { describe, expect, it } from 'vitest';
import { readPdf } from '../src/parse/pdf.js';
import { parseMessageText } from '../src/reserved.js';
import { layoutPdf, type PdfLayout } from '../src/parse/pdf-layout.js';
import { bundledLinter } from '../src/engine/resources.js';
import { pdfReader } from '../src/engine/pdf-reader.js';
import { reporters } from '../src/report/index.js';
import { makePdf, encryptedPdf, deeplyNestedPdf, compressionBombPdf, CONTENTS, type PdfSpec } from './helpers/pdf.js';
import { AS_OF } from './helpers.js';
import { expectGolden } from './helpers/golden.js';
import { contextFor } from './helpers/results-fixture.js';
import { sarifSchemaErrors } from './helpers/sarif-schema.js';

async function layout(spec: PdfSpec): Promise<PdfLayout> {
  const read = await readPdf(await makePdf(spec), { maxPages: 100 });
  if (!read.ok) throw new Error(parseMessageText(read));
  return layoutPdf(read.content);
}

/** Headings of the recovered tree: level and text. */
function headings(result: PdfLayout): [number, string][] {
  return result.root.children.flatMap((node) =>
    node.type === 'heading' ? [[node.depth, node.children.map((c) => ('value' in c ? c.value : '')).join('')] as [number, string]] : [],
  );
}

describe('structure recovered from the layout', () => {
  it('a contents page with dot leaders: left out of the body, its titles confirm the headings; running header, footer and page numbers dropped', async () => {
    const result = await layout(CONTENTS);
    expect(result.headingsFrom).toBe('layout');
    expect(result.contents.map((e) => [e.number, e.title, e.page, e.leaders])).toEqual([
      ['1', 'Independent scrutiny', 2, true],
      ['2', 'Funding', 2, true],
      ['3', 'Working with schools', 3, true],
    ]);
    expect(headings(result)).toEqual([
      [1, 'Brookfield Safeguarding Children Partnership'],
      [2, 'Multi-agency safeguarding arrangements'],
      [3, '1. Independent scrutiny'],
      [3, '2. Funding'],
      [3, '3. Working with schools'],
      [3, 'Schools Forum Funding'],
    ]);
    expect(result.lines).toEqual([
      'Brookfield Safeguarding Children Partnership',
      'Multi-agency safeguarding arrangements',
      '1. Independent scrutiny',
      'An independent scrutineer reviews the work of the part-',
      'ners every year and reports to the three leaders.',
      'Her report is published on our website.',
      '2. Funding',
      'The three partners share the budget in equal thirds, agreed each spring.',
      '3. Working with schools',
      'Every school and college is a relevant agency. Each one:',
      '• names a designated safeguarding lead;',
      '• takes part in the yearly safeguarding audit of multi-',
      'agency practice.',
      'Schools Forum Funding',
      'The forum meets each term.',
    ]);
    expect(result.linePages).toEqual([1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3]);
  });

  it('joins a paragraph\'s lines and a word hyphenated at a line end, keeps "multi-agency", and keeps list items as a list', async () => {
    const result = await layout(CONTENTS);
    const parts = result.root.children.map((node) => [node.type, text(node)]);
    expect(parts).toContainEqual([
      'paragraph',
      'An independent scrutineer reviews the work of the partners every year and reports to the three leaders. Her report is published on our website.',
    ]);
    expect(parts).toContainEqual([
      'list',
      'names a designated safeguarding lead;takes part in the yearly safeguarding audit of multi-agency practice.',
    ]);
  });

  it('headings from the outline (bookmarks) when the layout gives none', async () => {
    const body = (y: number) => ({ text: 'The partners met four times and agreed the priorities below in writing.', y });
    const result = await layout({
      outline: [
        { title: 'Annual report 2023 to 2024', depth: 1, page: 1 },
        { title: 'Our priorities', depth: 2, page: 1 },
        { title: 'Money and resources', depth: 2, page: 2 },
      ],
      pages: [
        { lines: [{ text: 'Annual report 2023 to 2024', y: 760 }, body(740), { text: 'Our priorities', y: 720 }, body(700)] },
        { lines: [{ text: 'Money and resources', y: 760 }, body(740)] },
      ],
    });
    expect(result.headingsFrom).toBe('outline');
    expect(headings(result)).toEqual([
      [1, 'Annual report 2023 to 2024'],
      [2, 'Our priorities'],
      [2, 'Money and resources'],
    ]);
  });

  it('reads a page set in two columns column by column, the title across the top first', async () => {
    const left = [
      'The partnership works across the county',
      'and its two cities, with every school and',
      'college taking part in the audit of their',
      'safeguarding arrangements each autumn,',
      'and the results reported to the leaders',
      'who agree what must change and by when,',
      'so that the children of the area are safe',
      'and their families know where to turn.',
    ];
    const right = [
      'Health partners join every review of a',
      'serious incident, bringing the records',
      'of the GP and the hospital to the table',
      'so that the learning is complete and is',
      'shared with every practitioner who needs',
      'it, through briefings, training sessions',
      'and the newsletter sent to all partners',
      'at the end of every quarter of the year.',
    ];
    const lines = [
      { text: 'How we work together', y: 780, size: 18, bold: true },
      ...left.map((text, i) => ({ text, x: 56, y: 740 - i * 14 })),
      ...right.map((text, i) => ({ text, x: 312, y: 740 - i * 14 })),
    ];
    const result = await layout({ pages: [{ lines }] });
    expect(result.lines).toEqual(['How we work together', ...left, ...right]);
    expect(result.root.children.map((n) => n.type)).toEqual(['heading', 'paragraph', 'paragraph']);
  });

  it('keeps table rows as rows, cells apart', async () => {
    const row = (y: number, a: string, b: string) => [
      { text: a, x: 56, y },
      { text: b, x: 300, y },
    ];
    const result = await layout({
      pages: [
        {
          lines: [
            { text: 'Funding', y: 780, size: 16, bold: true },
            ...row(750, 'Partner', 'Contribution'),
            ...row(736, 'Local authority', '£120,000'),
            ...row(722, 'Police', '£60,000'),
          ],
        },
      ],
    });
    expect(result.lines).toEqual(['Funding', 'Partner | Contribution', 'Local authority | £120,000', 'Police | £60,000']);
    expect(result.root.children.map((n) => n.type)).toEqual(['heading', 'table']);
  });
});

function text(node: object): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  return 'children' in node && Array.isArray(node.children) ? node.children.map(text).join('') : '';
}

const linter = bundledLinter();
const SIDECAR = {
  path: 'arrangements.pdf.yaml',
  text: 'kind: arrangements\narea: Brookfield Safeguarding Children Partnership\nedition: 2023\npublished: 2024-11-29\n',
};

describe('checking a PDF', () => {
  it('places findings and evidence on the recovered lines, with their page', async () => {
    const result = await linter.lintFileBytes('arrangements.pdf', await makePdf(CONTENTS), { asOf: AS_OF, sidecar: SIDECAR });
    expect(result.kind).toBe('arrangements');
    expect(result.evidence['independent-scrutiny']?.[0]).toMatchObject({
      via: 'heading',
      line: 3,
      page: 2,
      text: '1. Independent scrutiny',
    });
    expect(result.findings.every((f) => f.page !== undefined)).toBe(true);
    const ctx = contextFor({ asOf: AS_OF, version: '0.0.0', rules: [], results: [result] } as never);
    for (const [format, extension] of [
      ['stylish', 'txt'],
      ['json', 'json'],
      ['sarif', 'sarif'],
    ] as const)
      expectGolden(`pdf/arrangements.${extension}`, (await reporters[format]())([result], ctx));
    // The page is a result property in SARIF; the log stays valid.
    const sarif = JSON.parse((await reporters.sarif())([result], ctx));
    expect(sarifSchemaErrors(sarif) ?? []).toEqual([]);
    expect(sarif.runs[0].results[0].properties).toEqual({ page: 1 });
  });

  it('a partly addressed element names the page of its evidence', async () => {
    const pdf = await makePdf({
      pages: [
        {
          lines: [
            { text: 'Brookfield arrangements', y: 760, size: 20, bold: true },
            { text: 'These arrangements cover the county of Brookfield and its two cities, and every', y: 730 },
            { text: 'school, college and nursery in them, from the first of December 2024.', y: 716 },
          ],
        },
        {
          lines: [
            { text: 'Independent scrutiny', y: 760, size: 14, bold: true },
            { text: 'TBC', y: 736 },
          ],
        },
      ],
    });
    const result = await linter.lintFileBytes('arrangements.pdf', pdf, { asOf: AS_OF, sidecar: SIDECAR });
    const finding = result.findings.find((f) => f.element === 'independent-scrutiny')!;
    expect([finding.messageId, finding.line, finding.page]).toEqual(['partial', 4, 2]);
    expect(finding.message).toBe(
      'Independent scrutiny is only partly addressed: the "Independent scrutiny" section at line 4 (p. 2) is empty',
    );
  });

  it('without a sidecar: metadata from the text, and the PDF Title and creation date only as hints, said so', async () => {
    const result = await linter.lintFileBytes('brookfield.pdf', await makePdf(CONTENTS), { asOf: AS_OF });
    expect(result.findings.filter((f) => f.ruleId === 'document-metadata').map((f) => [f.messageId, f.message])).toEqual([
      [
        'inferred-unsure',
        'Inferred from the text: kind arrangements from a line at its top "Multi-agency safeguarding arrangements" (line 2); edition 2023: nothing in the text dates it, so the edition in force on 2026-11-23 is assumed; ' +
          "published 2024-11-29 from the PDF's creation date; area Brookfield Safeguarding Children Partnership (line 1). " +
          "Unsure: it gives no date, citation or era terms; chose 2023, the edition in force on the as-of date 2026-11-23; the text gives no publication date; the PDF's creation date 2024-11-29 is only a hint. State the values in a sidecar (brookfield.pdf.yaml) to be sure.",
      ],
    ]);
    expect(result.kind).toBe('arrangements');
  });
});

describe('broken and hostile PDFs are findings', () => {
  const lint = async (bytes: Uint8Array, limits = {}) => linter.lintFileBytes('doc.pdf', bytes, { asOf: AS_OF, sidecar: SIDECAR, limits });
  const parseErrors = (result: { findings: { ruleId: string; messageId: string; line: number; column: number }[] }) =>
    result.findings.filter((f) => f.ruleId === 'parse-error').map((f) => [f.messageId, f.line, f.column]);

  it('a scanned PDF (no text layer at all): no text to read, nothing else checked', async () => {
    const result = await lint(await makePdf({ pages: [{ lines: [] }, { lines: [] }] }));
    expect(result.findings.map((f) => [f.ruleId, f.messageId, f.message])).toEqual([
      [
        'parse-error',
        'pdf-no-text',
        'The PDF has no text to read (all 2 pages are pictures, as a scan is): ask the partnership for an accessible version (public bodies must publish accessible documents), or run OCR on it',
      ],
    ]);
  });

  it('some pages scanned: named, and the rest checked', async () => {
    const result = await lint(await makePdf({ pages: [CONTENTS.pages[1]!, { lines: [] }, { lines: [] }, { lines: [] }] }));
    const finding = result.findings.find((f) => f.messageId === 'pdf-image-pages')!;
    expect(finding.message).toBe(
      'Pages 2–4 have no text to read (pictures, as a scan is), so what they say was not checked: ask the partnership for an accessible version (public bodies must publish accessible documents), or run OCR on it',
    );
    expect(result.elements['independent-scrutiny']).toBe('present');
  });

  it('protected by a password', async () => {
    const result = await lint(encryptedPdf());
    expect(parseErrors(result)).toEqual([['pdf-encrypted', 1, 1]]);
    expect(result.findings[0]!.message).toMatch(/protected by a password.*unprotected, accessible version/);
  });

  it('truncated, or not a PDF at all', async () => {
    const whole = await makePdf(CONTENTS);
    for (const bytes of [whole.slice(0, 400), new TextEncoder().encode('this is not a PDF')]) {
      const result = await lint(bytes);
      expect(parseErrors(result)).toEqual([['pdf-corrupt', 1, 1]]);
      expect(result.findings[0]!.message).toMatch(/^Cannot read the PDF: .*truncated or damaged/);
    }
  });

  it('more pages than the limit (maxPages), and bigger than maxPdfBytes', async () => {
    const bytes = await makePdf(CONTENTS);
    const pages = await lint(bytes, { maxPages: 2 });
    expect(pages.findings.map((f) => [f.messageId, f.message])).toEqual([
      [
        'pdf-too-many-pages',
        'The PDF has 3 pages, over the limit of 2 (limit maxPages); raise the limit if this really is one partnership document',
      ],
    ]);
    const size = await lint(bytes, { maxPdfBytes: 100 });
    expect(size.findings.map((f) => f.messageId)).toEqual(['too-large']);
  });

  it('objects nested 100,000 deep: a finding, not a crash', async () => {
    const result = await lint(deeplyNestedPdf(100_000));
    expect(result.findings.map((f) => f.ruleId)).toContain('parse-error');
  });

  it('a compression bomb (2 KB inflating to 128 MB) is stopped at the time limit (maxSeconds) in the worker thread (needs npm run build)', async () => {
    const bomb = compressionBombPdf(128);
    expect(bomb.length).toBeLessThan(4096);
    // Warm the reading thread first, so the limit measures reading, not PDF.js loading.
    expect((await pdfReader()(await makePdf(CONTENTS), { maxPages: 100 })).ok).toBe(true);
    const started = performance.now();
    const read = await pdfReader({ maxSeconds: 0.5 })(bomb, { maxPages: 100 });
    expect(read).toMatchObject({ ok: false, messageId: 'pdf-too-slow' });
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reading past the time limit (maxSeconds) is stopped in the worker thread (needs npm run build)', async () => {
    const read = await pdfReader({ maxSeconds: 0.001 })(await makePdf(CONTENTS), { maxPages: 100 });
    expect(read).toMatchObject({ ok: false, messageId: 'pdf-too-slow' });
    // The next PDF gets a new thread.
    const next = await pdfReader()(await makePdf(CONTENTS), { maxPages: 100 });
    expect(next.ok).toBe(true);
  });
});
