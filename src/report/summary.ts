import type { DocumentResult, Finding, Severity } from '../types.js';

export interface Counts {
  documents: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Findings accepted by a baseline: listed, but not counted as errors, warnings or infos. */
  accepted: number;
}

export function countFindings(results: DocumentResult[]): Counts {
  const counts: Counts = { documents: results.length, errors: 0, warnings: 0, infos: 0, accepted: 0 };
  const key: Record<Severity, keyof Counts> = { error: 'errors', warning: 'warnings', info: 'infos' };
  for (const result of results) for (const finding of result.findings) counts[finding.accepted ? 'accepted' : key[finding.severity]]++;
  return counts;
}

export function visibleFindings(result: DocumentResult, quiet: boolean): Finding[] {
  return quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
}
