// wtlint check [paths...]: read, lint, report, and return the exit code.
import { appendFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { packageVersion } from '../../engine/package-root.js';
import { Engine, type LintFilesOptions } from '../../engine/engine.js';
import { readBaseline } from '../../engine/baseline-file.js';
import { chunkedWriter, writeFileAtomicWith } from '../../engine/files.js';
import { DEFAULT_CACHE_LOCATION } from '../../engine/cache.js';
import { parseCount } from '../../engine/options.js';
import type { OutputTarget } from '../outputs.js';
import { exitCodeFor } from '../exit-code.js';
import { keepHeapNearLive } from '../heap.js';
import type { CliIO } from '../io.js';
import { applyBaseline } from '../../baseline.js';
import type { FormatName } from '../../report/index.js';
import type { ReportContext } from '../../report/types.js';
import type { DocumentResult } from '../../types.js';
import { formatOf, normaliseText } from '../../parse/document.js';
import { decodeBytes } from '../../parse/decode.js';

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
  upcoming?: boolean;
}

export async function check(paths: string[], flags: CheckFlags, io: CliIO): Promise<number> {
  const targets = flags.outputs ?? [{ format: flags.format ?? 'stylish', ...(flags.output ? { file: flags.output } : {}) }];
  const maxWarningsFlag = flags.maxWarnings !== undefined ? parseCount(flags.maxWarnings, '--max-warnings') : undefined;
  const baseline = flags.baseline !== undefined ? { file: flags.baseline, entries: readBaseline(flags.baseline, io.cwd) } : undefined;
  const engine = engineFor(flags, io);
  keepHeapNearLive();
  const linted = await engine.lintFiles(paths, lintFilesOptions(flags, io));
  const maxWarnings = maxWarningsFlag ?? engine.config.maxWarnings;
  const results = baseline ? applyBaseline(linted, baseline.entries, engine.options.asOf, baseline.file) : linted;

  const ctx: ReportContext = {
    style: new Chalk({ level: (flags.color ?? io.isTTY) ? 1 : 0 }),
    asOf: engine.options.asOf,
    cwd: io.cwd,
    version: packageVersion(),
    rules: engine.ruleMeta(),
    quiet: Boolean(flags.quiet),
    verbose: Boolean(flags.verbose),
    ...(targets.some((t) => t.format === 'html') ? { texts: await documentTexts(results, io.cwd) } : {}),
  };
  for (const target of targets) {
    const reporter = await engine.loadFormatter(target.format);
    // A report that comes in pieces (JSON, SARIF, GitLab) is never held whole: at 1,000 areas it was most of the peak memory.
    const produce = (write: (bytes: Uint8Array) => void) => {
      const writer = chunkedWriter(write);
      for (const piece of reporter.pieces ? reporter.pieces(results, ctx) : [reporter(results, ctx)]) writer.push(piece);
      writer.flush();
    };
    if (target.file !== undefined) writeFileAtomicWith(resolve(io.cwd, target.file), produce);
    else if (!reporter.pieces) io.stdout(reporter(results, ctx));
    else produce((bytes) => io.stdout(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')));
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && targets.some((t) => t.format === 'github')) {
    const { githubStepSummary } = await import('../../report/github.js');
    try {
      appendFileSync(resolve(io.cwd, summaryFile), githubStepSummary(results, ctx));
    } catch (error) {
      io.stderr(
        `wtlint: cannot append the job summary to $GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? 'error'}); the annotations were written\n`,
      );
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
      const { convertBody } = await import('../../parse/convert/body.js');
      const converted = await convertBody('docx', bytes);
      if (!converted.ok) continue;
      const paragraphs: string[] = [];
      for (const block of converted.parts.blocks)
        paragraphs[block.line - 1] = paragraphs[block.line - 1] ? `${paragraphs[block.line - 1]} ${block.text}` : block.text;
      texts[result.file] = Array.from(paragraphs, (p) => p ?? '');
    } else {
      const decoded = decodeBytes(bytes, Infinity);
      if (decoded.ok) texts[result.file] = normaliseText(decoded.text).split('\n');
    }
  }
  return texts;
}

/** The engine a linting command runs: its flags, the config and today (what check and baseline share). */
export function engineFor(flags: Pick<CheckFlags, 'edition' | 'asOf' | 'config' | 'reportUnusedDisables' | 'upcoming'>, io: CliIO): Engine {
  return new Engine({
    cwd: io.cwd,
    today: io.today,
    edition: flags.edition,
    asOf: flags.asOf,
    config: flags.config,
    reportUnusedDisables: flags.reportUnusedDisables,
    upcoming: flags.upcoming,
    warn: io.stderr,
  });
}

export function lintFilesOptions(flags: Pick<CheckFlags, 'stdinFilename' | 'cache' | 'cacheLocation'>, io: CliIO): LintFilesOptions {
  return {
    readStdin: io.readStdin,
    stdinFilename: flags.stdinFilename,
    cacheLocation: flags.cache || flags.cacheLocation ? (flags.cacheLocation ?? DEFAULT_CACHE_LOCATION) : undefined,
  };
}
