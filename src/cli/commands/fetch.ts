// wtlint fetch areas.yaml --into DIR: the documents the manifest names by URL, downloaded
// politely into DIR with their sidecars, and DIR/areas.yaml for `wtlint audit DIR`. The
// only command that reaches the network. Failures are per document and never stop the run.
import { mkdirSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import cliProgress from 'cli-progress';
import { loadManifest, MANIFEST, type ManifestEntry } from '../../audit-run/areas.js';
import { UsageError } from '../../engine/errors.js';
import { EXIT } from '../exit-code.js';
import { toDisplayPath, writeFileAtomic } from '../../engine/files.js';
import { FolderStore } from '../fetch-store.js';
import { readJson } from '../../engine/package-root.js';
import type { CliIO } from '../io.js';
import { createContext, DEFAULT_SETTINGS, isoDay, type FetchSettings, type Request } from '../../fetch/download.js';
import { planFetch, type ManifestArea } from '../../fetch/plan.js';
import { fetchAll, outputManifest, type DocumentReport } from '../../fetch/run.js';
import type { Clock } from '../../fetch/politeness.js';
import type { UrlEntry } from '../../fetch/types.js';

export interface FetchFlags {
  into: string;
  offline?: boolean;
  delay?: string;
  hosts?: string;
  timeout?: string;
  maxSize?: string;
  retries?: string;
}

/** Exit code after Ctrl-C (128 + SIGINT), as for audit. */
const EXIT_INTERRUPTED = 130;

/** What the command needs from outside beyond CliIO; tests give their own. */
export interface FetchEnvironment {
  request: Request;
  clock: Clock;
  /** A terminal to draw the progress bar on, or null. */
  progress: NodeJS.WriteStream | null;
}

export function nodeEnvironment(): FetchEnvironment {
  return {
    request: (url, init) => fetch(url, init),
    clock: { now: () => Date.now(), sleep: (ms, signal) => sleep(ms, undefined, { signal }) },
    progress: process.stderr.isTTY ? process.stderr : null,
  };
}

export async function fetchCommand(
  manifestPath: string,
  flags: FetchFlags,
  io: CliIO,
  env: FetchEnvironment = nodeEnvironment(),
): Promise<number> {
  const settings = settingsFrom(flags);
  const manifestFile = resolve(io.cwd, manifestPath);
  const shown = toDisplayPath(manifestFile, io.cwd);
  const { data } = loadManifest(manifestFile, shown);
  const dir = resolve(io.cwd, flags.into);
  const output = resolve(dir, MANIFEST);
  if (output === manifestFile)
    throw new UsageError(
      `--into ${flags.into} would overwrite the manifest ${shown}`,
      'Fetch into another folder: wtlint writes its own areas.yaml there.',
    );
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(
      `Cannot create the folder ${flags.into} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      'Check the path and its permissions.',
    );
  }

  const areas: ManifestArea[] = data.areas.map((area) => ({
    name: area.name,
    files: area.files.map((f) => (typeof f === 'string' || 'path' in f ? f : urlEntry(f))),
  }));
  const plan = planFetch(areas);
  const total = plan.reduce((n, a) => n + a.files.filter((f) => 'fetch' in f).length, 0);
  if (total === 0)
    io.stderr(`wtlint: ${shown} names no document by URL; ${toDisplayPath(output, io.cwd)} will list its local documents only.\n`);

  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const bar =
    env.progress && total > 0
      ? new cliProgress.SingleBar(
          {
            stream: env.progress,
            format: 'fetching {bar} {value}/{total} documents | {eta_formatted} left',
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  let reports: DocumentReport[];
  try {
    const context = flags.offline ? null : createContext(env.request, env.clock, settings, controller.signal);
    bar?.start(total, 0);
    let done = 0;
    reports = await fetchAll(plan, context, new FolderStore(dir), {
      offline: Boolean(flags.offline),
      today: isoDay(env.clock.now()),
      onDone: () => bar?.update(++done),
    });
  } catch (error) {
    if (controller.signal.aborted) {
      bar?.stop();
      io.stderr(
        `\nwtlint: fetch interrupted; the documents saved so far are whole, and ${toDisplayPath(output, io.cwd)} was not rewritten.\n`,
      );
      return EXIT_INTERRUPTED;
    }
    throw error;
  } finally {
    bar?.stop();
    process.off('SIGINT', onInterrupt);
  }

  const manifestDir = resolve(manifestFile, '..');
  // A local document by its path from DIR, so the two folders can move together; absolute when they share nothing but the root.
  const localPath = (p: string) => {
    const absolute = resolve(manifestDir, p);
    const rel = relative(dir, absolute);
    const shared = !isAbsolute(rel) && rel.split(sep).filter((s) => s === '..').length < dir.split(sep).filter(Boolean).length;
    return (shared ? rel : absolute).split(sep).join('/');
  };
  writeFileAtomic(output, outputManifest(plan, reports, localPath));
  io.stdout(summary(reports, toDisplayPath(output, io.cwd), toDisplayPath(dir, io.cwd)));
  return reports.some((r) => r.failure) ? EXIT.findings : EXIT.ok;
}

/** The manifest's entry as fetch uses it: the URL and the metadata for the sidecar (a `failed` or `file` from an earlier output is dropped). */
function urlEntry(f: ManifestEntry): UrlEntry {
  const { file: _file, failed: _failed, url, ...meta } = f;
  return { url: url!, ...meta }; // the schema requires url in an entry
}

const STATUS_WORDS: Record<DocumentReport['status'], string> = {
  new: 'new',
  changed: 'changed',
  unchanged: 'unchanged',
  'not-modified': 'not modified (304)',
  offline: 'kept (offline)',
  failed: 'could not be fetched',
};

function summary(reports: DocumentReport[], output: string, dir: string): string {
  const out: string[] = [];
  for (const r of reports) {
    if (!r.failure) continue;
    const kept = r.path ? `; the copy from ${r.source?.retrieved.slice(0, 10) ?? 'an earlier run'} is kept` : '';
    out.push(`${r.doc.area}: ${r.doc.entry.url}\n  could not be fetched (${r.failure.reason}): ${r.message}${kept}`);
  }
  const counts = new Map<string, number>();
  for (const r of reports) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  const parts = (Object.keys(STATUS_WORDS) as DocumentReport['status'][])
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${STATUS_WORDS[s]}`);
  if (out.length) out.push('');
  out.push(
    `wtlint fetch: ${reports.length} document${reports.length === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}. Wrote ${output}; next: wtlint audit ${dir}`,
  );
  return `${out.join('\n')}\n`;
}

function settingsFrom(flags: FetchFlags): FetchSettings {
  const number = (value: string | undefined, name: string, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d+(?:\.\d+)?$/.test(value.trim()) || !(n >= min))
      throw new UsageError(`${name} "${value}" is not a number of ${min} or more`, `Give ${name} a number, e.g. ${name} ${fallback}.`);
    return n;
  };
  const d = DEFAULT_SETTINGS;
  return {
    ...d,
    userAgent: userAgent(),
    delayMs: number(flags.delay, '--delay', d.delayMs / 1000, 0) * 1000,
    hosts: Math.floor(number(flags.hosts, '--hosts', d.hosts, 1)),
    timeoutMs: number(flags.timeout, '--timeout', d.timeoutMs / 1000, 0.001) * 1000,
    maxBytes: Math.round(number(flags.maxSize, '--max-size', d.maxBytes / (1024 * 1024), 0.001) * 1024 * 1024),
    retries: Math.floor(number(flags.retries, '--retries', d.retries, 0)),
  };
}

/** wtlint/<version> (+<the project's address>): who is asking, and where to read about it. */
export function userAgent(): string {
  const pkg = readJson('package.json') as { version: string; homepage?: string };
  // The project's address goes in package.json `homepage` once it has a public one; until then the
  // agent says what it is, so a site's operator can tell it from a browser.
  return `wtlint/${pkg.version} (safeguarding arrangements checker${pkg.homepage ? `; +${pkg.homepage}` : ''})`;
}
