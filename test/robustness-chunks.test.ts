// Issue 6, part 2: Markdown is parsed in pieces cut where every block has ended, so that
// time stays linear (micromark is quadratic in the number of separate lists and quotes).
// Cutting must change nothing: for any Markdown, pieces cut as small as possible give
// exactly the blocks, headings and positions of one whole parse.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunksOf, parseMarkdown } from '../src/parse/markdown.js';
import { markdownSoup, SAMPLES } from './robustness/arbitraries.js';
import { tried } from './robustness/invariants.js';

const RUNS = Number(process.env.WTLINT_FUZZ_RUNS ?? 40);
const SEED = process.env.WTLINT_FUZZ_RUNS ? {} : { seed: 6 };
// A link reference defined ("[x]: url") in a later piece than its use does not resolve (documented); leave definitions out here.
const noDefinitions = (text: string) => text.replace(/\]:/g, ']');
const normalise = (text: string) => noDefinitions(text.replace(/\r\n?/g, '\n'));

describe('Markdown pieces', () => {
  it('cut at every safe line, they parse exactly as the whole (property)', () => {
    const blockSoup = fc
      .array(
        fc.oneof(
          markdownSoup,
          fc.constantFrom(
            '',
            '\n',
            '```\n',
            '~~~~\n',
            '<!--\n',
            '-->\n',
            '<pre>\n',
            '</pre>\n',
            '    code\n',
            '> q\n',
            '- l\n',
            '1. n\n',
            'text\n',
            '---\n',
            '# h\n',
          ),
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join('\n'));
    fc.assert(
      fc.property(fc.oneof(blockSoup, fc.constantFrom(...SAMPLES.map((s) => s.text))), (raw) => {
        const text = normalise(raw);
        tried.count++;
        expect(parseMarkdown(text, Infinity, 1)).toEqual(parseMarkdown(text, Infinity, Infinity));
      }),
      { numRuns: RUNS, ...SEED },
    );
  });

  it('every shipped document, cut as small as possible, parses as the whole', () => {
    for (const sample of SAMPLES.filter((s) => s.path.endsWith('.md'))) {
      const text = normalise(sample.text);
      expect(chunksOf(text, 1).length).toBeGreaterThanOrEqual(5);
      expect(parseMarkdown(text, Infinity, 1)).toEqual(parseMarkdown(text, Infinity, Infinity));
    }
  });

  it('never cuts front matter, fenced code or an HTML comment', () => {
    const text = '---\nkind: x\n\narea: y\n---\n\nA\n\n```\ncode\n\nstill code\n```\n\nB\n\n<!--\n\nhidden\n-->\n\nC\n';
    expect(chunksOf(text, 1).map((c) => [c.line, c.text.split('\n')[0]])).toEqual([
      [1, '---'],
      [7, 'A'],
      [9, '```'],
      [15, 'B'],
      [17, '<!--'],
      [22, 'C'],
    ]);
  });

  it('4,000 separate lists parse in linear time (5 s in one piece; 0.4 s in pieces)', () => {
    const text = Array.from({ length: 4000 }, () => '- funding item').join('\n\nPara.\n\n');
    const start = performance.now();
    expect(parseMarkdown(text, 32).blocks.length).toBe(7999);
    expect(performance.now() - start).toBeLessThan(2500);
  });
});
