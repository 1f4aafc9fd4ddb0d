// What `audit` and `merge` share: reading earlier audit JSON, rendering, writing, exit code.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { UsageError } from './errors.js';
import { writeFileAtomic } from './files.js';
import { EXIT } from './exit-code.js';
import type { CliIO } from './io.js';
import { auditReporters, type AuditFormatName } from '../audit/report/index.js';
import type { AuditReport } from '../audit/types.js';

export interface AuditOutputFlags {
  format: AuditFormatName;
  output?: string;
  color?: boolean;
}

/** An audit JSON written by `wtlint audit --format json` (or merge); anything else is a usage error. */
export function readAuditJson(path: string, io: CliIO, what: string): AuditReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(resolve(io.cwd, path), 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'not JSON' : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
    throw new UsageError(`Cannot read ${what} ${path} (${reason})`, 'Give a file written by `wtlint audit --format json`.');
  }
  const report = data as Partial<AuditReport> | null;
  if (!report || report.report !== 'wtlint-audit' || report.version !== 1 || !Array.isArray(report.areas) || !report.provenance || !Array.isArray(report.columns)) {
    throw new UsageError(`${path} is not a wtlint audit JSON (version 1)`, 'Give a file written by `wtlint audit --format json`.');
  }
  return report as AuditReport;
}

export function writeAuditReport(report: AuditReport, flags: AuditOutputFlags, io: CliIO): void {
  const style = new Chalk({ level: (flags.color ?? (io.isTTY && !flags.output)) ? 1 : 0 });
  const text = auditReporters[flags.format](report, { style });
  if (flags.output) writeFileAtomic(resolve(io.cwd, flags.output), text);
  else io.stdout(text);
}

/** 0 when no area has an error finding, 1 when one has, 2 when wtlint itself failed on a document. */
export function auditExitCode(report: AuditReport): number {
  const documentFindings = report.areas.flatMap((a) => a.documents.flatMap((d) => d.findings));
  if (documentFindings.some((f) => f.ruleId === 'internal-error')) return EXIT.failure;
  return report.areas.some((a) => a.counts.errors > 0) ? EXIT.findings : EXIT.ok;
}
