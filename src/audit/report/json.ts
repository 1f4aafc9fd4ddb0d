// --format json: the whole audit (per-area results, national summary, provenance);
// `wtlint merge` and `--compare` read it back. Written area by area: the text is exactly
// JSON.stringify(report, null, 2).
import { prettyJsonLineAt } from '../../report/json-pieces.js';
import type { AuditStreamReporter } from './types.js';

const AREAS = '\n  "areas": [],\n';
const IN_AREAS = '    ';

export const jsonStream: AuditStreamReporter = {
  // An area as an element of the top-level "areas" array: indented by four spaces, in the one pass
  // that writes it (stringified, then indented line by line, took 1.6 times as long).
  parts: (area) => [prettyJsonLineAt(area, IN_AREAS)],
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
