// --format json: the contract in design.md, plus the evidence behind every element status.
import { inPieces, prettyJsonPieces, StreamedArray } from './json-pieces.js';
import { countFindings, visibleFindings } from './summary.js';

export const json = inPieces(function* (results, ctx) {
  const counts = countFindings(results);
  const output = {
    version: 1,
    wtlint: ctx.version,
    asOf: ctx.asOf,
    // Each document's entry is made as it is written.
    documents: new StreamedArray(function* () {
      for (const r of results) {
        yield {
          file: r.file,
          kind: r.kind,
          edition: r.edition,
          area: r.area,
          elements: r.elements,
          evidence: r.evidence,
          findings: visibleFindings(r, ctx.quiet),
        };
      }
    }),
    summary: {
      documents: counts.documents,
      errors: counts.errors,
      warnings: counts.warnings,
      infos: counts.infos,
      accepted: counts.accepted,
    },
  };
  yield* prettyJsonPieces(output);
  yield '\n';
});
