// --format json: the contract in design.md, plus the evidence behind every element status.
import type { Reporter } from './types.js';
import { countFindings, visibleFindings } from './summary.js';

export const json: Reporter = (results, ctx) => {
  const counts = countFindings(results);
  const output = {
    version: 1,
    wtlint: ctx.version,
    asOf: ctx.asOf,
    documents: results.map((r) => ({
      file: r.file,
      kind: r.kind,
      edition: r.edition,
      area: r.area,
      elements: r.elements,
      evidence: r.evidence,
      findings: visibleFindings(r, ctx.quiet),
    })),
    summary: {
      documents: counts.documents,
      errors: counts.errors,
      warnings: counts.warnings,
      infos: counts.infos,
      accepted: counts.accepted,
    },
  };
  return `${JSON.stringify(output, null, 2)}\n`;
};
