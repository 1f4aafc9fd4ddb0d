// wtlint check [paths...]: read, lint, report, and return the exit code.
import { appendFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { bundledLinter, packageVersion } from '../resources.js';
import { loadConfig, type Config } from '../config.js';
import { readBaseline } from '../baseline-file.js';
import type { OutputTarget } from '../outputs.js';
import { applyBaseline } from '../../baseline.js';
import { findDocuments, writeFileAtomic } from '../files.js';
import { lintPath } from '../read-document.js';
import { DEFAULT_CACHE_LOCATION, openResultCache } from '../cache.js';
import { UsageError } from '../errors.js';
import { exitCodeFor } from '../exit-code.js';
import { parseAsOf, parseCount, parseEdition } from '../options.js';
import type { CliIO } from '../io.js';
import type { FormatName } from '../../report/index.js';
import { reporterLoaders } from '../../report/load.js';
import type { ReportContext, RuleMeta } from '../../report/types.js';
import type { DocumentResult, LintOptions } from '../../types.js';
import { convertBody, type Linter } from '../../lint.js';
import { formatOf, normaliseText } from '../../parse/document.js';
import { decodeBytes } from '../../parse/decode.js';
import { resolveLimits } from '../../parse/limits.js';

export interface CheckFlags {
  format?: FormatName;
  output?: string;
  /** Several formats, each to its own file (collected from repeated -f/-o); wins over format/output. */
  outputs?: OutputTarget[];
  edition?: string;
  asOf?: string;
  config?: string;
  maxWarnings?: string;
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
  stdinFilename?: string;
  cache?: boolean;
  cacheLocation?: string;
  baseline?: string;
  reportUnusedDisables?: boolean;
}

export interface LintRun {
  linter: Linter;
  config: Config;
  options: LintOptions;
  /** Sorted by file. */
  results: DocumentResult[];
}

/** Reads the paths (or standard input for `-`) and lints them: what check and baseline share. */
export async function lintPaths(paths: string[], flags: CheckFlags, io: CliIO): Promise<LintRun> {
  const linter = bundledLinter();
  const config = loadConfig(io.cwd, flags.config);
  const editions = linter.packs.map((p) => p.edition);
  const options: LintOptions = {
    asOf: flags.asOf ? parseAsOf(flags.asOf) : config.asOf ? parseAsOf(config.asOf, 'asOf in the config') : io.today,
    edition: flags.edition ? parseEdition(flags.edition, editions) : undefined,
    defaultEdition: config.edition,
    severities: config.rules,
    reportUnusedDisables: Boolean(flags.reportUnusedDisables),
    requireDisableReason: Boolean(config.requireDisableReason),
    limits: config.limits,
  };

  const results: DocumentResult[] = [];
  const filePaths = paths.filter((p) => p !== '-');
  if (paths.includes('-')) {
    const name = flags.stdinFilename ?? '<stdin>.md';
    results.push(await linter.lintFileBytes(name, await io.readStdin(), options));
  }
  const files = filePaths.length || !paths.includes('-') ? findDocuments(filePaths.length ? filePaths : ['.'], io.cwd, config.isIgnored) : [];
  if (files.length === 0 && !paths.includes('-')) {
    throw new UsageError(
      `No documents found in ${(filePaths.length ? filePaths : ['.']).join(', ')}`,
      'wtlint checks .md, .markdown, .yaml, .yml, .html, .htm and .docx files; name a file or a folder that holds them.',
    );
  }
  const cache = flags.cache || flags.cacheLocation ? openResultCache(flags.cacheLocation ?? DEFAULT_CACHE_LOCATION, io.cwd, options, io.stderr) : undefined;
  for (const file of files) results.push(await lintPath(linter, file.absolute, file.display, options, cache));
  cache?.save();
  results.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { linter, config, options, results };
}

export async function check(paths: string[], flags: CheckFlags, io: CliIO): Promise<number> {
  const targets = flags.outputs ?? [{ format: flags.format ?? 'stylish', ...(flags.output ? { file: flags.output } : {}) }];
  const maxWarningsFlag = flags.maxWarnings !== undefined ? parseCount(flags.maxWarnings, '--max-warnings') : undefined;
  const baseline = flags.baseline !== undefined ? { file: flags.baseline, entries: readBaseline(flags.baseline, io.cwd) } : undefined;
  const run = await lintPaths(paths, flags, io);
  const maxWarnings = maxWarningsFlag ?? run.config.maxWarnings;
  const results = baseline ? applyBaseline(run.results, baseline.entries, run.options.asOf, baseline.file) : run.results;

  const ctx: ReportContext = {
    style: new Chalk({ level: (flags.color ?? io.isTTY) ? 1 : 0 }),
    asOf: run.options.asOf,
    cwd: io.cwd,
    version: packageVersion(),
    rules: ruleMeta(run.linter),
    quiet: Boolean(flags.quiet),
    verbose: Boolean(flags.verbose),
    ...(targets.some((t) => t.format === 'html') ? { texts: await documentTexts(results, io.cwd) } : {}),
  };
  for (const target of targets) {
    const output = (await reporterLoaders[target.format]())(results, ctx);
    if (target.file !== undefined) writeFileAtomic(resolve(io.cwd, target.file), output);
    else io.stdout(output);
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && targets.some((t) => t.format === 'github')) {
    const { githubStepSummary } = await import('../../report/github.js');
    try {
      appendFileSync(resolve(io.cwd, summaryFile), githubStepSummary(results, ctx));
    } catch (error) {
      io.stderr(`wtlint: cannot append the job summary to $GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? 'error'}); the annotations were written\n`);
    }
  }
  return exitCodeFor(results, maxWarnings);
}

/**
 * Each document's text as lines, for the HTML page: Markdown, YAML and HTML as written (HTML
 * positions are those of its source), Word as its paragraphs (a Word finding's line is its
 * paragraph's number). Documents that cannot be read again, or came from standard input, are left out.
 */
async function documentTexts(results: DocumentResult[], cwd: string): Promise<Record<string, string[]>> {
  const texts: Record<string, string[]> = {};
  for (const result of results) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(resolve(cwd, result.file));
    } catch {
      continue;
    }
    const format = formatOf(result.file);
    if (format === 'docx') {
      const converted = await convertBody('docx', bytes);
      if (!converted.ok) continue;
      const paragraphs: string[] = [];
      for (const block of converted.parts.blocks) paragraphs[block.line - 1] = paragraphs[block.line - 1] ? `${paragraphs[block.line - 1]} ${block.text}` : block.text;
      texts[result.file] = Array.from(paragraphs, (p) => p ?? '');
    } else {
      const decoded = decodeBytes(bytes, Infinity);
      if (decoded.ok) texts[result.file] = normaliseText(decoded.text).split('\n');
    }
  }
  return texts;
}

export function ruleMeta(linter: Linter): RuleMeta[] {
  return linter.packs.flatMap((pack) =>
    pack.rules.map((r) => ({
      ...{ ruleId: r.ruleId, element: r.element, title: r.title, severity: r.severity, citation: r.citation, help: r.help, why: r.why },
      ...{ edition: pack.edition, url: pack.source, kinds: [...r.kinds], checks: r.checks.map((c) => c.kind) },
    })),
  );
}
