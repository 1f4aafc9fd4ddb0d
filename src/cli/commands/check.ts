// wtlint check [paths...]: read, lint, report, and return the exit code.
import { readFileSync } from 'node:fs';
import { Chalk } from 'chalk';
import { bundledLinter, packageVersion } from '../resources.js';
import { loadConfig } from '../config.js';
import { findDocuments, writeFileAtomic } from '../files.js';
import { UsageError } from '../errors.js';
import { exitCodeFor } from '../exit-code.js';
import { parseAsOf, parseCount, parseEdition } from '../options.js';
import type { CliIO } from '../io.js';
import { reporters, type FormatName } from '../../report/index.js';
import type { ReportContext, RuleMeta } from '../../report/types.js';
import { RESERVED, reservedFinding } from '../../reserved.js';
import type { DocumentResult, LintOptions } from '../../types.js';
import type { Linter } from '../../lint.js';
import { DEFAULT_CACHE_LOCATION, openResultCache, type ResultCache } from '../cache.js';

export interface CheckFlags {
  format: FormatName;
  output?: string;
  edition?: string;
  asOf?: string;
  config?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
  stdinFilename?: string;
  cache?: boolean;
  cacheLocation?: string;
}

export async function check(paths: string[], flags: CheckFlags, io: CliIO): Promise<number> {
  const linter = bundledLinter();
  const config = loadConfig(io.cwd, flags.config);
  const editions = linter.packs.map((p) => p.edition);
  const options: LintOptions = {
    asOf: flags.asOf ? parseAsOf(flags.asOf) : config.asOf ? parseAsOf(config.asOf, 'asOf in the config') : io.today,
    edition: flags.edition ? parseEdition(flags.edition, editions) : undefined,
    defaultEdition: config.edition,
    severities: config.rules,
  };
  const maxWarnings = flags.maxWarnings !== undefined ? parseCount(flags.maxWarnings, '--max-warnings') : config.maxWarnings;

  const results: DocumentResult[] = [];
  const filePaths = paths.filter((p) => p !== '-');
  if (paths.includes('-')) {
    const name = flags.stdinFilename ?? '<stdin>.md';
    results.push(linter.lintBytes(name, await io.readStdin(), options));
  }
  const files = filePaths.length || !paths.includes('-') ? findDocuments(filePaths.length ? filePaths : ['.'], io.cwd, config.isIgnored) : [];
  if (files.length === 0 && !paths.includes('-')) {
    throw new UsageError(
      `No documents found in ${(filePaths.length ? filePaths : ['.']).join(', ')}`,
      'wtlint checks .md, .markdown, .yaml and .yml files; name a file or a folder that holds them.',
    );
  }
  const cache = flags.cache || flags.cacheLocation ? openResultCache(flags.cacheLocation ?? DEFAULT_CACHE_LOCATION, io.cwd, options, io.stderr) : undefined;
  for (const file of files) results.push(lintFile(linter, file.absolute, file.display, options, cache));
  cache?.save();
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const ctx: ReportContext = {
    style: new Chalk({ level: (flags.color ?? io.isTTY) ? 1 : 0 }),
    asOf: options.asOf,
    cwd: io.cwd,
    version: packageVersion(),
    rules: ruleMeta(linter),
    quiet: Boolean(flags.quiet),
  };
  const output = reporters[flags.format](results, ctx);
  if (flags.output) writeFileAtomic(flags.output, output);
  else io.stdout(output);
  return exitCodeFor(results, maxWarnings);
}

function lintFile(linter: Linter, absolute: string, display: string, options: LintOptions, cache?: ResultCache): DocumentResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return {
      file: display,
      kind: null,
      edition: null,
      area: null,
      elements: {},
      evidence: {},
      findings: [reservedFinding(RESERVED.parseError, 'unreadable', `Cannot read the file (${code})`, { line: 1, column: 1 })],
    };
  }
  const cached = cache?.get(absolute, display, bytes);
  if (cached) return cached;
  const result = linter.lintBytes(display, bytes, options);
  cache?.set(absolute, result);
  return result;
}

export function ruleMeta(linter: Linter): RuleMeta[] {
  return linter.packs.flatMap((pack) =>
    pack.rules.map((r) => ({ ruleId: r.ruleId, element: r.element, title: r.title, severity: r.severity, citation: r.citation, help: r.help, why: r.why })),
  );
}
