// What "valid output" means for each --format, for the fuzz run (issue 6). Every reporter
// in src/report/index.ts must have an entry here: the fuzz test fails for a format that has
// none, so a new reporter (sarif, junit, github, gitlab, csv, html, …) gets its check when it
// lands. A validator throws (or fails an expect) on bad output.
import { expect } from 'vitest';
import { CONTROL } from './invariants.js';

/** No control characters, and no line that GitHub Actions would read as a workflow command. */
function plainLines(output: string): void {
  expect(output.split('\n').filter((line) => CONTROL.test(line) || /^\s*::/.test(line))).toEqual([]);
}

export const FORMAT_VALIDATORS: Record<string, (output: string, documents: number) => void> = {
  stylish: (output) => plainLines(output),
  json: (output, documents) => {
    const parsed = JSON.parse(output) as { version: number; documents: unknown[]; summary: { documents: number } };
    expect([parsed.version, parsed.documents.length, parsed.summary.documents]).toEqual([1, documents, documents]);
  },
};
