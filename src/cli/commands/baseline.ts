// wtlint baseline [paths...]: accept today's findings, so CI fails only on new ones.
// Writes wtlint-baseline.yaml (or --output); an existing file's reasons and dates are kept
// for the entries that still match, and entries that no longer match are dropped.
import { resolve } from 'node:path';
import { engineFor, lintFilesOptions, type CheckFlags } from './check.js';
import { BASELINE_NAME, readPreviousBaseline } from '../../engine/baseline-file.js';
import { writeFileAtomic } from '../../engine/files.js';
import { parseAsOf } from '../../engine/options.js';
import type { CliIO } from '../io.js';
import { createBaseline, formatBaseline } from '../../baseline.js';

export interface BaselineFlags extends Pick<CheckFlags, 'edition' | 'asOf' | 'config' | 'stdinFilename'> {
  output?: string;
  reason?: string;
  until?: string;
}

export async function baseline(paths: string[], flags: BaselineFlags, io: CliIO): Promise<number> {
  const target = flags.output ?? BASELINE_NAME;
  const until = flags.until !== undefined ? parseAsOf(flags.until, '--until') : undefined;
  const previous = readPreviousBaseline(target, io.cwd);
  const engine = engineFor(flags, io);
  const results = await engine.lintFiles(paths, lintFilesOptions(flags, io));
  const { asOf } = engine.options;
  const reason = flags.reason ?? `Found when the baseline was taken on ${asOf}; not yet reviewed`;
  const entries = createBaseline(results, { reason, ...(until ? { until } : {}) }, previous);
  writeFileAtomic(resolve(io.cwd, target), formatBaseline(entries, asOf));
  const findings = entries.reduce((n, e) => n + e.count, 0);
  const documents = new Set(entries.map((e) => e.file)).size;
  io.stderr(
    `wtlint: wrote ${target}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} accepting ${findings} ${findings === 1 ? 'finding' : 'findings'} in ${documents} ${documents === 1 ? 'document' : 'documents'}\n`,
  );
  return 0;
}
