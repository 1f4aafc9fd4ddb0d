// Markdown is read from micromark's events (src/parse/micromark-tree.ts), not from the mdast
// tree remark-parse builds, because building that tree was a third of the parse time. Nothing
// detection reads may change: for any Markdown, the headings, blocks, labels, positions, front
// matter, HTML comments and nesting depth must equal those read from remark-parse's tree.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Root } from 'mdast';
import { chunksOf, deeperThan, parseMarkdown, partsFromMdast } from '../src/parse/markdown.js';
import { markdownTree } from '../src/parse/micromark-tree.js';
import { markdownSoup, SAMPLES } from './robustness/arbitraries.js';

const RUNS = Number(process.env.WTLINT_FUZZ_RUNS ?? 300);
const SEED = process.env.WTLINT_FUZZ_RUNS ? {} : { seed: 11 };
const remark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** The oracle: parts read from remark-parse's full mdast tree, in one piece. */
function viaRemark(text: string) {
  return partsFromMdast(remark.parse(text) as Root);
}

function viaEvents(text: string) {
  return parseMarkdown(text, Infinity, Infinity);
}

/** Everything whose handling differs between a tokenizer and a tree: references, escapes, breaks, links, code, HTML, setext. */
const INLINE_TOKENS = [
  '&amp;',
  '&#65;',
  '&#x41;',
  '&#X1F600;',
  '&nbsp;',
  '&copy',
  '&unknown;',
  '\\*',
  '\\\\',
  '\\\n',
  '  \n',
  '   \n',
  '\t',
  'a\tb',
  '\u0000',
  '[a](https://x.invalid "t")',
  '[a\nb](u)',
  '[ref]',
  '[text][ref]',
  '[ref][]',
  '\n\n[ref]: /u "title"\n\n',
  '![alt *x*](i.png)',
  '![a][ref]',
  '<https://x.invalid>',
  '<a@b.invalid>',
  '`code`',
  '`` a ` b ``',
  '` x\ny `',
  '<b>bold</b>',
  '<!-- wtlint-disable x -->',
  '<!--\nmulti\n-->',
  '**Funding:** ',
  '**Who chairs**',
  '__Scrutiny__:',
  '*a **b** c*',
  '***x***',
  'Title\n===\n',
  'Sub\n---\n',
  'Two\nlines\n===\n',
  '# H #',
  '## H ##   ',
  '#\n',
  '| a | b |\n| --- | --- |\n| c | d |\n',
  '> quote\ncontinued',
  '- a\n  - b\n    - c',
  '1. one\n2. two',
  '- [ ] x',
  '    indented code',
  '\uFEFF# x',
  '\t<!-- y -->',
  '-\tz',
  '```js\ncode\n```',
  '***',
  '* * *',
  'text',
  ' ',
  '\n',
  '\n\n',
  'é',
  '😀',
];
const inlineSoup = fc.array(fc.constantFrom(...INLINE_TOKENS), { maxLength: 40 }).map((t) => t.join(''));
const anyMarkdown = fc.oneof(
  markdownSoup,
  inlineSoup,
  fc.constantFrom(...SAMPLES.filter((s) => s.path.endsWith('.md')).map((s) => s.text)),
);
// NUL is read as U+FFFD by micromark either way; the oracle gets U+FFFD because remark-parse's
// tree repeats a delimiter run cut by a NUL ("__\0_" gives the text "__" for one "_": see the
// last test), a slicing quirk of the tree step that the walk does not share.
// One byte order mark is taken off by the decoder before parsing; a second one is the parser's to skip.
const normalise = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '\uFFFD');

describe('Markdown read from micromark events', () => {
  it('gives exactly the parts of remark-parse’s tree (property)', () => {
    fc.assert(
      fc.property(anyMarkdown, (raw) => {
        const text = normalise(raw);
        expect(viaEvents(text)).toEqual(viaRemark(text));
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('finds the same too-deep node as remark-parse’s tree (property)', () => {
    fc.assert(
      fc.property(anyMarkdown, fc.integer({ min: 0, max: 6 }), (raw, max) => {
        const text = normalise(raw);
        expect(deeperThan(markdownTree(text), max)).toEqual(deeperThan(remark.parse(text) as Root, max));
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('text where no line can open a container is tokenized from the flow level and still reads as remark-parse’s tree (property)', () => {
    const noContainerLines = (text: string) =>
      text
        .split('\n')
        .filter((line) => !/^\s*(?:>|[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$))/.test(line))
        .join('\n');
    let flowPieces = 0;
    fc.assert(
      fc.property(anyMarkdown, (raw) => {
        const text = noContainerLines(normalise(raw));
        const pieces = chunksOf(text, Infinity);
        expect(pieces.length).toBe(1);
        if (pieces[0]!.level === 'flow') flowPieces++;
        expect(viaEvents(text)).toEqual(viaRemark(text));
      }),
      { numRuns: RUNS, ...SEED },
    );
    // Front matter that never closes keeps the container level; everything else here has none.
    expect(flowPieces).toBeGreaterThan(RUNS * 0.9);
  });

  it('paragraphs whose lines all start as only paragraph text can are read from the text level alone and still read as remark-parse’s tree (property)', () => {
    // Lines that start with a letter, a table's pipe or a bold lead-in, with what the content and text levels handle around them:
    // indented continuations, tabs, trailing spaces and hard breaks, inline constructs, blank lines.
    const LINES = [
      'Funding is shared',
      'the partners agree',
      '  indented continuation',
      '\tTabbed continuation',
      '      deeply indented',
      'trailing spaces  ',
      'one trailing space ',
      'tab\tinside and tab at end\t',
      'hard break by backslash\\',
      'Émile and Ünal wrote',
      'a *b* and **c** and _d_',
      'a [link](https://x.invalid "t") b',
      'a [ref] and [text][ref] b',
      'a `code` and `` x ` y `` b',
      'a <b>tag</b> and <https://x.invalid>',
      'A &amp; B &#65; &nope; \\* c',
      'x\u0000y',
      'Title',
      '**Funding:** shared equally',
      '*Note* and __Who__ and _x_',
      '**Who chairs**',
      '| Partner | Share |',
      '| --- | --- |',
      '|a|b|',
      '',
      ' ',
      '\t',
    ];
    // (The first piece of a document is never read from the text level: it may hold front matter.)
    const paragraphs = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 25 }).map((lines) => `Intro\n\n${lines.join('\n')}`);
    const mixed = fc.array(fc.oneof(paragraphs, markdownSoup), { maxLength: 6 }).map((parts) => parts.join('\n\n'));
    let textLevel = 0;
    fc.assert(
      fc.property(fc.oneof(paragraphs, mixed), (raw) => {
        const text = normalise(raw).replace(/\]:/g, ']'); // a definition serves only the pieces after it (documented)
        if (chunksOf(text, 1).some((p) => p.level === 'paragraphs')) textLevel++;
        const oracle = viaRemark(text);
        expect(parseMarkdown(text, Infinity, 1)).toEqual(oracle);
        expect(parseMarkdown(text)).toEqual(oracle);
      }),
      { numRuns: RUNS, ...SEED },
    );
    expect(textLevel).toBeGreaterThan(RUNS / 2);
  });

  it('a paragraph too long for its events to pass as a call’s arguments is read from the text level as from the flow level', () => {
    const text = `Intro\n\n${'Line of text\n'.repeat(40_000)}`;
    expect(chunksOf(text).map((p) => p.level)).toEqual(['flow', 'paragraphs']);
    const parts = parseMarkdown(text);
    expect(parts.blocks.length).toBe(2);
    expect(parts).toEqual(parseMarkdown(text, Infinity, Infinity));
  });

  it('cuts a piece where lines that may open a container begin and stop', () => {
    const text = 'Para one.\n\n- item\n- item\n\n> quoted\n\nPara two.\n\n1. first\n';
    expect(chunksOf(text).map((p) => [p.line, p.level])).toEqual([
      [1, 'flow'],
      [3, 'document'],
      [8, 'paragraphs'],
      [10, 'document'],
    ]);
    expect(chunksOf(text, Infinity).map((p) => [p.line, p.level])).toEqual([[1, 'document']]);
    expect(parseMarkdown(text)).toEqual(viaRemark(text));
  });

  it('a link definition serves only its own document (the parser is shared)', () => {
    expect(viaEvents('[ref]: /u\n\nSee [ref].').blocks.map((b) => b.text)).toEqual(['See ref.']);
    expect(viaEvents('See [ref].').blocks.map((b) => b.text)).toEqual(['See [ref].']);
  });

  it('every shipped Markdown document reads the same both ways', () => {
    const samples = SAMPLES.filter((s) => s.path.endsWith('.md'));
    expect(samples.length).toBeGreaterThanOrEqual(20);
    for (const sample of samples)
      expect([sample.path, viaEvents(normalise(sample.text))]).toEqual([sample.path, viaRemark(normalise(sample.text))]);
  });

  it('reads text the way mdast does: references decoded, escapes, breaks, link text without its destination', () => {
    const text = '**Funding:** &pound;10 \\* 2 [the page](https://x.invalid) and <https://y.invalid>  \nnext `a\nb`\n';
    const parts = viaEvents(text);
    expect(parts).toEqual(viaRemark(text));
    expect(parts.blocks).toEqual([
      {
        kind: 'paragraph',
        text: 'Funding: £10 * 2 the page and https://y.invalid next a\nb',
        line: 1,
        column: 1,
        segments: [
          { offset: 0, line: 1, column: 3 },
          { offset: 8, line: 1, column: 13 },
          { offset: 17, line: 1, column: 30 },
          { offset: 25, line: 1, column: 58 },
          { offset: 30, line: 1, column: 64 },
          { offset: 48, line: 2, column: 1 },
          { offset: 53, line: 2, column: 7 },
        ],
        heading: -1,
        label: 'Funding',
        rest: '£10 * 2 the page and https://y.invalid next a\nb',
      },
    ]);
  });

  it('reads each source character once where a NUL cuts a delimiter run (remark-parse’s tree repeats the run)', () => {
    expect(viaEvents('__\0_ x').blocks.map((b) => [b.text, b.segments])).toEqual([
      [
        '_\uFFFD x',
        [
          { offset: 0, line: 1, column: 1 },
          { offset: 1, line: 1, column: 3 },
          { offset: 2, line: 1, column: 5 },
        ],
      ],
    ]);
    expect(viaRemark('__\0_ x').blocks.map((b) => b.text)).toEqual(['__\uFFFD x']);
  });
});
