// --cache: results of unchanged documents are reused from a cache file.
// Safe for CI (a content strategy, never mtime): an entry is reused only when the document's
// bytes hash the same AND the run's settings hash the same (wtlint version, the content of the
// rule packs and schemas, the effective config, the as-of date and the edition option).
// A missing, unreadable or corrupt cache file means an empty cache (with a warning when it
// existed but could not be used), never a failed run. Written atomically; entries of other
// settings, and of files that no longer exist, are pruned on write.
// Kept quick to read, since a warm run is mostly reading it: each finding's message, citation
// and help are stored once in `texts` and referred to by number (they repeat across documents),
// and the file is ASCII (other characters escaped as \uXXXX), which Node reads without decoding
// UTF-8; a file of non-ASCII UTF-8 took twice as long to read as to parse (docs/performance.md).
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { DocumentResult, LintOptions } from '../types.js';
import { writePiecesAtomic } from './files.js';
import { packageVersion, resourceTexts } from './resources.js';

export const DEFAULT_CACHE_LOCATION = '.wtlintcache';
const FORMAT = 'wtlint-cache/2';

interface Entry {
  /** sha256 of the document's bytes. */
  content: string;
  /** The result, with `file` as it was shown in that run (restamped on a hit). */
  result: DocumentResult;
}

/** The finding texts stored once in the file's `texts`, by number. */
const SHARED_TEXTS = ['message', 'citation', 'help'] as const;

interface CacheFile {
  format: typeof FORMAT;
  /** sha256 of everything besides the document that decides its result. */
  settings: string;
  /** The findings' messages, citations and help, each once; findings hold their numbers. */
  texts: string[];
  /** Keyed by the document's path relative to the cache file's folder, with forward slashes. */
  entries: Record<string, Entry>;
}

export interface CacheSettings {
  version: string;
  /** The texts of the rule packs and JSON Schemas the linter was built from. */
  resources: string[];
  options: LintOptions;
  /** Any other part of the effective config that changes a result (e.g. the config file's path). */
  config?: unknown;
}

export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function settingsKey(settings: CacheSettings): string {
  const hash = createHash('sha256');
  hash.update(`${FORMAT}\0${settings.version}\0`);
  for (const text of settings.resources) hash.update(`${hashBytes(text)}\0`);
  hash.update(stableJson({ options: settings.options, config: settings.config ?? null }));
  return hash.digest('hex');
}

/** JSON with object keys sorted, so equal settings always hash equal. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private readonly fresh = new Map<string, Entry>();
  /** Content hashes of documents that missed, until their result is set. */
  private readonly pending = new Map<string, string>();
  private changed = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly location: string,
    readonly settings: string,
    private readonly warn: (message: string) => void,
  ) {}

  /** Opens the cache at `location`; `warn` is told when an existing file cannot be used. */
  static open(location: string, settings: string, warn: (message: string) => void, shown = location): ResultCache {
    const cache = new ResultCache(resolve(location), settings, warn);
    if (!existsSync(cache.location)) {
      cache.changed = true;
      return cache;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readText(cache.location));
    } catch (error) {
      warn(
        `wtlint: ignoring the cache file ${shown}: ${error instanceof SyntaxError ? 'it is not valid JSON' : ((error as NodeJS.ErrnoException).code ?? 'unreadable')}; it will be rewritten\n`,
      );
      cache.changed = true;
      return cache;
    }
    const foreign = () => {
      warn(`wtlint: ignoring the cache file ${shown}: it is not a wtlint cache; it will be rewritten\n`);
      cache.changed = true;
      return cache;
    };
    if (!isCacheFile(parsed)) return foreign();
    if (parsed.settings !== settings) {
      cache.changed = true; // other version, packs, config or date: every entry is stale
      return cache;
    }
    if (!restoreTexts(parsed)) return foreign();
    for (const [key, entry] of Object.entries(parsed.entries)) cache.entries.set(key, entry);
    return cache;
  }

  private keyFor(absolute: string): string {
    return relative(dirname(this.location), absolute).split(sep).join('/');
  }

  /** The cached result for these bytes, shown as `display`; undefined on a miss. */
  get(absolute: string, display: string, bytes: Uint8Array): DocumentResult | undefined {
    const key = this.keyFor(absolute);
    const content = hashBytes(bytes);
    const entry = this.entries.get(key);
    if (entry && entry.content === content) {
      this.hits++;
      this.fresh.set(key, entry);
      return { ...entry.result, file: display };
    }
    this.misses++;
    this.pending.set(key, content);
    return undefined;
  }

  /** Records the result just computed for a document that `get` missed. */
  set(absolute: string, result: DocumentResult): void {
    const key = this.keyFor(absolute);
    const content = this.pending.get(key);
    if (content === undefined) return;
    this.pending.delete(key);
    this.fresh.set(key, { content, result });
    this.changed = true;
  }

  /** Writes the cache: this run's entries, plus earlier entries whose files still exist. */
  save(): void {
    const base = dirname(this.location);
    for (const [key, entry] of this.entries) {
      if (this.fresh.has(key)) continue;
      if (existsSync(join(base, key))) this.fresh.set(key, entry);
      else this.changed = true; // pruned
    }
    if (!this.changed) return;
    const sorted = [...this.fresh].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    try {
      writePiecesAtomic(this.location, (write) => {
        for (const piece of asciiJsonPieces(storedFile(this.settings, sorted))) write(piece);
      });
    } catch (error) {
      // A cache that cannot be written only costs time next run.
      this.warn(
        `wtlint: could not write the cache file ${this.location}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
      );
    }
  }
}

/** The file as stored: each shared text replaced by its number in `texts` (the entries themselves are not changed). */
function storedFile(settings: string, entries: [string, Entry][]): CacheFile {
  const texts: string[] = [];
  const numbers = new Map<string, number>();
  const numberOf = (text: string) => {
    let n = numbers.get(text);
    if (n === undefined) numbers.set(text, (n = texts.push(text) - 1));
    return n;
  };
  const stored = entries.map(([key, { content, result }]): [string, Entry] => {
    const findings = result.findings.map((finding) => {
      const copy: Record<string, unknown> = { ...finding };
      for (const field of SHARED_TEXTS) copy[field] = numberOf(finding[field]);
      return copy;
    });
    return [key, { content, result: { ...result, findings } as unknown as DocumentResult }];
  });
  return { format: FORMAT, settings, texts, entries: Object.fromEntries(stored) };
}

/** Puts the shared texts back into the findings; false when a number does not name one (not our file). */
function restoreTexts(file: CacheFile): boolean {
  const { texts } = file;
  for (const entry of Object.values(file.entries)) {
    for (const finding of entry.result.findings as unknown as Record<string, unknown>[]) {
      for (const field of SHARED_TEXTS) {
        const text = texts[finding[field] as number];
        if (typeof text !== 'string') return false;
        finding[field] = text;
      }
    }
  }
  return true;
}

/**
 * asciiJson(file) in pieces, an entry at a time: the same text, without the file's whole JSON
 * (and its escaped copy) in memory at once; at 1,000 plain areas that was 20-40 MB each.
 */
function* asciiJsonPieces(file: CacheFile): Generator<string> {
  const { entries, ...head } = file;
  yield asciiJson({ ...head, entries: {} }).slice(0, -'}}'.length); // up to `"entries":{`
  // Object.keys gives the keys in the order JSON.stringify writes them.
  let first = true;
  for (const key of Object.keys(entries)) {
    yield `${first ? '' : ','}${asciiJson(key)}:${asciiJson(entries[key])}`;
    first = false;
  }
  yield '}}';
}

/** JSON with every character outside ASCII escaped (still the same JSON value). */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The file's text: an ASCII file (as this cache writes) without the cost of decoding UTF-8. */
function readText(path: string): string {
  const bytes = readFileSync(path);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

function isCacheFile(value: unknown): value is CacheFile {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<CacheFile>;
  if (v.format !== FORMAT || typeof v.settings !== 'string' || !v.entries || typeof v.entries !== 'object') return false;
  if (!Array.isArray(v.texts)) return false;
  return Object.values(v.entries).every(
    (e) =>
      e &&
      typeof e === 'object' &&
      typeof (e as Entry).content === 'string' &&
      (e as Entry).result &&
      typeof (e as Entry).result === 'object' &&
      Array.isArray((e as Entry).result.findings),
  );
}

/** The cache for a check run: settings from the installed packs and schemas, the version and the options. */
export function openResultCache(location: string, cwd: string, options: LintOptions, warn: (message: string) => void): ResultCache {
  const settings = settingsKey({ version: packageVersion(), resources: resourceTexts(), options });
  return ResultCache.open(resolve(cwd, location), settings, warn, location);
}
