// --format json: the whole audit (per-area results, national summary, provenance);
// `wtlint merge` and `--compare` read it back. Written area by area: the text is exactly
// JSON.stringify(report, null, 2).
import type { AuditStreamReporter } from './types.js';

const AREAS = '\n  "areas": [],\n';
/** An area stringified inside two arrays sits where it does in the report, four spaces in: "[\n  [" before it, "\n  ]\n]" after. */
const NESTED_BEFORE = '[\n  ['.length;
const NESTED_AFTER = '\n  ]\n]'.length;

export const jsonStream: AuditStreamReporter = {
  // An area as an element of the top-level "areas" array, a line break and four spaces before it:
  // indented in the one pass that writes it (indenting the text after took 1.6 times as long).
  parts: (area) => [JSON.stringify([[area]], null, 2).slice(NESTED_BEFORE, -NESTED_AFTER)],
  write(head, parts, out) {
    const text = JSON.stringify({ ...head, areas: [] }, null, 2);
    // Only a top-level key sits at an indent of two spaces; strings hold no raw newline.
    const at = text.indexOf(AREAS);
    const iterator = parts(0)[Symbol.iterator]();
    let next = iterator.next();
    if (next.done) return out(`${text}\n`);
    // Each part starts with its own newline and indent.
    out(`${text.slice(0, at)}\n  "areas": [`);
    let first = true;
    for (; !next.done; next = iterator.next()) {
      if (!first) out(',');
      out(next.value);
      first = false;
    }
    out(`\n  ],\n${text.slice(at + AREAS.length)}\n`);
  },
};
