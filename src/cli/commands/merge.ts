// wtlint merge shard-*.json: shard audits → the same reports as one run over all areas.
import { UsageError } from '../../engine/errors.js';
import { readAuditJson, writeAuditReport, type AuditOutputFlags } from '../../audit-run/output.js';
import { auditExitCode } from '../exit-code.js';
import { headOf } from '../../audit/report/stream.js';
import { auditReporters } from '../../audit/report/index.js';
import type { CliIO } from '../io.js';
import { MergeError, mergeAudits } from '../../audit/build.js';

export interface MergeFlags extends AuditOutputFlags {
  compare?: string;
}

export async function merge(files: string[], flags: MergeFlags, io: CliIO): Promise<number> {
  if (files.length === 0)
    throw new UsageError('No audit JSON files to merge', 'Give the files written by `wtlint audit --shard i/n --format json`.');
  const reports = files.map((name) => ({ name, report: readAuditJson(name, io, 'the audit') }));
  const previous = flags.compare ? readAuditJson(flags.compare, io, 'the previous audit') : null;
  let merged;
  try {
    merged = mergeAudits(reports, previous);
  } catch (error) {
    if (error instanceof MergeError)
      throw new UsageError(
        `Cannot merge: ${error.message}`,
        'Merge shards of one audit: the same as-of date, wtlint version and rule packs, each area in one shard.',
      );
    throw error;
  }
  writeAuditReport(merged, await auditReporters[flags.format](), flags, io);
  const internalError = merged.areas.some((a) => a.documents.some((d) => d.findings.some((f) => f.ruleId === 'internal-error')));
  return auditExitCode(headOf(merged), internalError);
}
