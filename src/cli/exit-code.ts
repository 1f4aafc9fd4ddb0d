// The exit code as a pure function of the results: 0 clean, 1 findings that fail the run
// (an error, or more warnings than --max-warnings allows), 2 when wtlint itself failed.
import type { DocumentResult } from '../types.js';
import { countFindings } from '../report/summary.js';
import type { AuditReportHead } from '../audit/report/types.js';

export const EXIT = { ok: 0, findings: 1, failure: 2 } as const;

export function exitCodeFor(results: DocumentResult[], maxWarnings?: number): number {
  if (results.some((r) => r.findings.some((f) => f.ruleId === 'internal-error'))) return EXIT.failure;
  const counts = countFindings(results);
  if (counts.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && counts.warnings > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

/** An audit's: 0 when no area has an error finding, 1 when one has, 2 when wtlint itself failed on a document. */
export function auditExitCode(head: AuditReportHead, internalError: boolean): number {
  if (internalError) return EXIT.failure;
  return head.areas.some((a) => a.counts.errors > 0) ? EXIT.findings : EXIT.ok;
}
