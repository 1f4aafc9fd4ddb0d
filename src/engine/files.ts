// Finding documents on disk and writing outputs. Inputs are only ever read.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, renameSync, rmSync, openSync, writeSync, closeSync } from 'node:fs';
import { join, relative, resolve, sep, dirname, basename } from 'node:path';
import { UsageError } from './errors.js';
import { RESERVED, type ParseMessageOf } from '../reserved.js';

const DOCUMENT_EXTENSIONS = /\.(?:md|markdown|ya?ml|html?|docx|pdf)$/i;
/** Metadata beside an HTML page, Word document or PDF (page.html.yaml): read with it, never a document itself. */
const SIDECAR = /\.(?:html?|docx|pdf)\.ya?ml$/i;
/** Word's lock file for an open document (~$draft.docx). */
const WORD_LOCK = /^~\$/;
/** wtlint's own files, never documents. */
const OWN_FILES = new Set(['wtlint.config.yaml', '.wtlintrc.yaml', 'wtlint-baseline.yaml', 'areas.yaml']);
const SKIPPED_FOLDERS = new Set(['node_modules']);
/** Project files that sit beside documents, never documents themselves. */
const NOT_DOCUMENTS = /^(?:readme|changelog|contributing|license)\.(?:md|markdown)$/i;

export interface FoundFile {
  /** As shown in reports: relative to the working directory, with forward slashes. */
  display: string;
  absolute: string;
}

export function toDisplayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return (rel.startsWith('..') || rel === '' ? absolute : rel).split(sep).join('/');
}

/** Expands files and folders (recursively) into documents, in a stable order. */
export function findDocuments(paths: string[], cwd: string, isIgnored: (absolute: string) => boolean): FoundFile[] {
  const found = new Map<string, FoundFile>();
  const visited = new Set<string>();
  const add = (absolute: string) => {
    if (!isIgnored(absolute) && !found.has(absolute)) found.set(absolute, { absolute, display: toDisplayPath(absolute, cwd) });
  };
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return;
    }
    if (visited.has(real)) return; // a symlink loop, or a folder reached twice
    visited.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      add(dir); // unreadable folder: reported when read
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') && entry.name !== '.') continue;
      const full = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(full);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          // A dangling link or a loop of links: a finding when read, if it names a document.
          if (DOCUMENT_EXTENSIONS.test(entry.name) && !OWN_FILES.has(entry.name)) add(full);
          continue;
        }
      }
      if (isDir) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
      } else if (isFile && isDocumentName(entry.name)) {
        add(full);
      }
    }
  };
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let st;
    try {
      st = statSync(absolute);
    } catch {
      if (isLink(absolute)) {
        add(absolute); // a dangling link or a loop of links: a finding when read
        continue;
      }
      throw new UsageError(`No such file or folder: ${path}`, 'Check the path, or run wtlint from the folder that holds your documents.');
    }
    if (st.isDirectory()) walk(absolute);
    else add(absolute); // a file named explicitly is checked whatever its extension
  }
  return [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/** Whether a folder scan takes this file name as a document. */
export function isDocumentName(name: string): boolean {
  return (
    DOCUMENT_EXTENSIONS.test(name) && !OWN_FILES.has(name) && !NOT_DOCUMENTS.test(name) && !SIDECAR.test(name) && !WORD_LOCK.test(name)
  );
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

export type ReadDocument = { ok: true; bytes: Uint8Array } | ({ ok: false } & ParseMessageOf<'unreadable' | 'not-a-file' | 'too-large'>);

type ReadError = keyof typeof RESERVED.parseError.messages.unreadable;
/** An error code said in words of its own (src/reserved.ts, `unreadable`); any other is "Cannot read the file". */
const hasOwnWords = (code: string): code is ReadError =>
  /^E[A-Z]+$/.test(code) && Object.hasOwn(RESERVED.parseError.messages.unreadable, code);

/**
 * Reads a document's bytes, read-only. Everything that can go wrong with the file itself
 * (gone, a link loop, no permission, a folder, a pipe or device that could block or never
 * end, larger than the limit) comes back as a finding-ready message, never a throw.
 */
export function readDocumentFile(absolute: string, maxBytes: number): ReadDocument {
  const failed = (error: unknown): ReadDocument => {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    return { ok: false, messageId: 'unreadable', variant: hasOwnWords(code) ? code : 'file', data: { code } };
  };
  let st;
  try {
    st = statSync(absolute);
  } catch (error) {
    return failed(error);
  }
  if (st.isDirectory()) {
    try {
      readdirSync(absolute);
    } catch (error) {
      return {
        ok: false,
        messageId: 'unreadable',
        variant: 'folder',
        data: { code: (error as NodeJS.ErrnoException).code ?? 'unknown error' },
      };
    }
    return { ok: false, messageId: 'not-a-file', variant: 'folder' };
  }
  if (!st.isFile()) return { ok: false, messageId: 'not-a-file', variant: 'special' };
  if (st.size > maxBytes) return { ok: false, messageId: 'too-large', variant: 'file', data: { size: st.size, max: maxBytes } };
  try {
    return { ok: true, bytes: readFileSync(absolute) };
  } catch (error) {
    return failed(error);
  }
}

/**
 * Pieces of a report gathered as UTF-8 bytes and handed to `write` about 64 KB at a time: few
 * system calls, and no report-sized string (nor large strings for V8 to keep until a full collection).
 * A piece of a quarter of that or more is handed on by itself, after what was gathered before it.
 */
export function chunkedWriter(
  write: (bytes: Uint8Array) => void,
  chunk = 1 << 16,
): { push: (piece: string | Uint8Array) => void; flush: () => void } {
  let pending: Uint8Array[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length) write(pending.length === 1 ? pending[0]! : Buffer.concat(pending, size));
    pending = [];
    size = 0;
  };
  const push = (piece: string | Uint8Array) => {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    if (bytes.length >= chunk / 4) {
      // Large enough to write as it is (an audit area's part): copying it into a chunk would only cost time.
      flush();
      write(bytes);
      return;
    }
    pending.push(bytes);
    size += bytes.length;
    if (size >= chunk) flush();
  };
  return { push, flush };
}

/** Writes a whole file or nothing: a temporary file renamed into place. */
export function writeFileAtomic(path: string, content: string): void {
  writeFileAtomicWith(path, (write) => write(content));
}

/** writeFileAtomic for output written piece by piece (`produce` calls `write` for each piece). */
export function writeFileAtomicWith(path: string, produce: (write: (piece: string | Uint8Array) => void) => void): void {
  try {
    writePiecesAtomic(path, produce);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error; // not the file system: a fault in what was written
    throw new UsageError(`Cannot write ${path}: ${code}`, 'Check that the folder exists and can be written.');
  }
}

/** writeFileAtomicWith for a caller with its own words for a failure: any error is thrown as it is, the temporary file removed. */
export function writePiecesAtomic(path: string, produce: (write: (piece: string | Uint8Array) => void) => void): void {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, 'w');
    const file = fd;
    const writer = chunkedWriter((bytes) => {
      for (let done = 0; done < bytes.length;) done += writeSync(file, bytes, done);
    });
    produce(writer.push);
    writer.flush();
    closeSync(file);
    fd = null;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
}
