// The exit code as a pure function of the results (design.md, "Exit codes").
import type { DocumentResult } from '../types.js';
import { countFindings } from '../report/summary.js';

export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

export function exitCodeFor(results: DocumentResult[], maxWarnings?: number): number {
  if (results.some((r) => r.findings.some((f) => f.ruleId === 'internal-error'))) return EXIT.failure;
  const counts = countFindings(results);
  if (counts.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}
