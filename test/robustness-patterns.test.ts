// Issue 6, part 2: time per document is bounded. Every detection pattern of both packs
// runs against adversarial strings (long runs of spaces, repeated words, long lines)
// within a budget that catastrophic backtracking could never meet; sentence splitting
// and placeholder matching stay linear. `npm run fuzz` runs the same at 100 KB.
import { describe, expect, it } from 'vitest';
import { linter } from './robustness/helpers.js';
import { adversarialInputs, packPatterns } from './robustness/patterns.js';
import { sentencesOf } from '../src/extract/elements.js';
import type { Block } from '../src/parse/markdown.js';

const SIZE = Number(process.env.WTLINT_PATTERN_BYTES ?? 20_000);
/** A linear pattern scans these sizes in well under a millisecond per KB; a backtracking one takes seconds. */
const BUDGET_MS = 100 + SIZE / 1_000;

function once(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The best of three when the first run is over budget: a busy machine is not a slow pattern. */
function timed(fn: () => unknown): number {
  const first = once(fn);
  return first <= BUDGET_MS ? first : Math.min(first, once(fn), once(fn));
}

describe('detection patterns are linear-time', () => {
  const patterns = packPatterns(linter.packs);

  it('loads every pattern of both packs', () => {
    expect(new Set(patterns.map((p) => p.where.split(' ')[0]!.split('/')[0]))).toEqual(new Set(['wt2018', 'wt2023']));
    expect(patterns.length).toBe(487); // one per heading list, exclusion list, mention list and cue set (child death review kinds included); 4 placeholder sets and the signatories per pack
  });

  it(`every pattern on adversarial ${SIZE}-character strings stays within ${BUDGET_MS} ms`, () => {
    const slow: string[] = [];
    let runs = 0;
    for (const { where, pattern } of patterns) {
      for (const input of adversarialInputs(pattern, SIZE)) {
        runs++;
        // Both compiled forms (src/pack/regex.ts): the one an ordinary text runs, and the exact one.
        for (const re of new Set([pattern.for(input), pattern.exact])) {
          re.lastIndex = 0;
          const ms = timed(() => re.test(input));
          if (ms > BUDGET_MS)
            slow.push(`${where} /${re.source}/${re.flags} on ${JSON.stringify(input.slice(0, 16))}…: ${ms.toFixed(0)} ms`);
        }
      }
    }
    expect(slow).toEqual([]);
    expect(runs).toBeGreaterThanOrEqual(patterns.length * 7);
  });

  it('a known backtracking pattern fails the same budget (the test can fail)', () => {
    const catastrophic = /^(\s*a\s*)*$/u;
    expect(timed(() => catastrophic.test(`${'a '.repeat(13)}!`))).toBeLessThan(BUDGET_MS);
    // Each further repetition doubles the time: about 150 ms at 24; scale with the budget.
    const repeats = 24 + Math.ceil(Math.log2(BUDGET_MS / 60));
    expect(once(() => catastrophic.test(`${' a'.repeat(repeats)}!`))).toBeGreaterThan(BUDGET_MS);
  });

  it('sentence splitting is linear on long runs of spaces, stops and words', () => {
    const block = (text: string): Block => ({
      kind: 'paragraph',
      text,
      line: 1,
      column: 1,
      segments: [{ offset: 0, line: 1, column: 1 }],
      heading: -1,
    });
    const inputs = [
      ' '.repeat(SIZE * 5),
      '. '.repeat(SIZE * 2),
      'a.'.repeat(SIZE * 2),
      `${'. '.repeat(SIZE)}a`,
      'word '.repeat(SIZE),
      `A.${' '.repeat(SIZE * 5)}b`,
    ];
    const slow = inputs
      .map((text) => ({ text: text.slice(0, 8), ms: timed(() => sentencesOf(block(text))) }))
      .filter((r) => r.ms > BUDGET_MS * 4);
    expect(slow).toEqual([]);
  });
});
