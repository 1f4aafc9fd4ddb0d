// Issue 12, part 2: the HTML and Word paths fuzzed as the Markdown path is (test/robustness-fuzz.test.ts):
// generated pages and Word documents, however broken or deeply nested, give a well-formed result
// and never an internal error. `npm test` runs a seeded subset; `npm run fuzz` many more.
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Zip from 'jszip';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { expectWellFormed, tried } from './robustness/invariants.js';
import { linter, OPTIONS } from './robustness/helpers.js';

const RUNS = Number(process.env.WTLINT_FUZZ_RUNS ?? 30);
const params = (scale = 1): fc.Parameters<unknown> => ({
  numRuns: Math.max(1, Math.round(RUNS * scale)),
  ...(process.env.WTLINT_FUZZ_RUNS ? {} : { seed: 12 }),
});

afterAll(() => {
  if (process.env.WTLINT_FUZZ_RUNS) process.stdout.write(`\nwtlint fuzz (HTML and Word): ${tried.count} inputs tried\n`);
});

const encode = (text: string) => new TextEncoder().encode(text);
/** A small limit now and then, so the too-deep path is taken often, also at every place in a page. */
const limits = fc.oneof(fc.constant(undefined), fc.record({ maxElementDepth: fc.integer({ min: 1, max: 40 }) }));

// Pieces of HTML, well-formed or not: misnested formatting, implied ends, tables and lists
// (foster parenting), raw text elements, comments, entities, furniture, runs of nesting.
const HTML_PIECES = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<b>',
  '</b>',
  '<i>',
  '</i>',
  '<a href="x">',
  '</a>',
  '<ul>',
  '<ol>',
  '<li>',
  '</li>',
  '</ul>',
  '<table>',
  '<tr>',
  '<td>',
  '</td>',
  '</tr>',
  '</table>',
  '<th>',
  '<tbody>',
  '<blockquote>',
  '</blockquote>',
  '<h1>',
  '<h2>',
  '</h2>',
  '<h3>Funding</h3>',
  '<h2>Independent scrutiny</h2>',
  '<p>TBC</p>',
  '<p>The partners fund the arrangements.</p>',
  '<br>',
  '<hr>',
  '<img src=x onerror=1>',
  '<script>if (a < b) {}</script>',
  '<style>p{}</style>',
  '<!-- note -->',
  '<!--',
  '-->',
  '<template><p>t</p></template>',
  '<nav>menu</nav>',
  '<header>head</header>',
  '<footer>foot</footer>',
  '<main>',
  '</main>',
  '<svg><g><text>s</text></g></svg>',
  '<math><mi>x</mi></math>',
  '<select><option>o</select>',
  '<form><input></form>',
  '&amp;',
  '&lt;',
  '&#0;',
  '&#x1F600;',
  '&bogus;',
  '\n',
  '\r\n',
  '\r',
  ' ',
  'text',
  '£',
  '\u0000',
  '<',
  '>',
  '"',
  "'",
  '<p hidden>gone</p>',
  '<div class="cookie-banner">c</div>',
  '<frameset>',
  '<plaintext>',
  '<textarea>',
  '</html>',
  '<body>',
  '<!doctype html>',
];
const nestingRun = fc
  .tuple(fc.constantFrom('div', 'b', 'li', 'table', 'blockquote', 'span', 'td'), fc.integer({ min: 1, max: 400 }))
  .map(([tag, n]) => `<${tag}>`.repeat(n));
const htmlSoup = fc
  .array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...HTML_PIECES) },
      { weight: 1, arbitrary: nestingRun },
      { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    ),
    { maxLength: 80 },
  )
  .map((p) => p.join(''));

describe('fuzz: HTML pages', () => {
  it('any page gives a well-formed result with positions inside the page, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(htmlSoup, limits, async (html, limit) => {
        expectWellFormed(await linter.lintFileBytes('page.html', encode(html), { ...OPTIONS, limits: limit }), 'page.html', html);
      }),
      params(2),
    );
  });
});

// Word documents: built by `docx` (headings, paragraphs, tables nested a few deep), then their
// XML sometimes mutated: tables nested far deeper, cut short, or a random slice repeated.
type Block = { kind: 'heading' | 'paragraph'; text: string } | { kind: 'table'; depth: number; text: string };
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({
    kind: fc.constant('heading' as const),
    text: fc.oneof(fc.constantFrom('Funding', 'Independent scrutiny', 'Education'), fc.string({ maxLength: 20 })),
  }),
  fc.record({
    kind: fc.constant('paragraph' as const),
    text: fc.oneof(fc.constantFrom('TBC', 'The partners fund the arrangements.', ''), fc.string({ maxLength: 40 })),
  }),
  fc.record({ kind: fc.constant('table' as const), depth: fc.integer({ min: 1, max: 6 }), text: fc.string({ maxLength: 20 }) }),
);
type Mutation =
  { kind: 'none' } | { kind: 'nest'; levels: number } | { kind: 'cut'; at: number } | { kind: 'repeat'; at: number; times: number };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('nest' as const), levels: fc.integer({ min: 50, max: 3000 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    times: fc.integer({ min: 2, max: 200 }),
  }),
);

/** Strips characters XML 1.0 forbids, which `docx` would write as they are. */
const xmlSafe = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g, '');

function table(depth: number, text: string): Table {
  const inner = depth > 1 ? [table(depth - 1, text), new Paragraph('')] : [new Paragraph(xmlSafe(text))];
  return new Table({ rows: [new TableRow({ children: [new TableCell({ children: inner })] })] });
}

async function wordDocument(blocks: Block[], change: Mutation): Promise<Uint8Array> {
  const children = blocks.map((b) =>
    b.kind === 'table'
      ? table(b.depth, b.text)
      : new Paragraph({ text: xmlSafe(b.text), ...(b.kind === 'heading' ? { heading: HeadingLevel.HEADING_1 } : {}) }),
  );
  const zip = await new Zip().loadAsync(await Packer.toBuffer(new Document({ sections: [{ children }] })));
  let xml = await zip.file('word/document.xml')!.async('string');
  if (change.kind === 'nest') {
    const open = '<w:tbl><w:tr><w:tc>';
    xml = xml.replace('<w:body>', `<w:body>${open.repeat(change.levels)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(change.levels)}`);
  } else if (change.kind === 'cut') xml = xml.slice(0, Math.floor(change.at * xml.length));
  else if (change.kind === 'repeat') {
    const at = Math.floor(change.at * xml.length);
    xml = xml.slice(0, at) + xml.slice(at, at + 40).repeat(change.times) + xml.slice(at);
  }
  zip.file('word/document.xml', xml);
  return new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('fuzz: Word documents', () => {
  it('any Word document, built or mangled, gives a well-formed result, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(block, { maxLength: 12 }), mutation, limits, async (blocks, change, limit) => {
        const bytes = await wordDocument(blocks, change);
        expectWellFormed(await linter.lintFileBytes('doc.docx', bytes, { ...OPTIONS, limits: limit }), 'doc.docx');
      }),
      params(0.5),
    );
  });
});

it('found by the fuzz: a Word document whose XML is empty reads as not-docx, its message free of the parser’s tab', async () => {
  const zip = await new Zip().loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('x')] }] })));
  zip.file('word/document.xml', '');
  const result = await linter.lintFileBytes('doc.docx', new Uint8Array(await zip.generateAsync({ type: 'nodebuffer' })), OPTIONS);
  expect(result.findings.map((f) => [f.messageId, f.message])).toEqual([
    [
      'not-docx',
      'Cannot read the Word document: error: [xmldom error] invalid doc source; expected a .docx file saved by Word or a compatible editor',
    ],
  ]);
});
