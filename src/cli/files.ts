// Finding documents on disk and writing outputs. Inputs are only ever read.
import { readdirSync, realpathSync, statSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve, sep, dirname, basename } from 'node:path';
import { UsageError } from './errors.js';

const DOCUMENT_EXTENSIONS = /\.(?:md|markdown|ya?ml|html?|docx)$/i;
/** Metadata beside an HTML or Word document (page.html.yaml): read with it, never a document itself. */
const SIDECAR = /\.(?:html?|docx)\.ya?ml$/i;
/** Word's lock file for an open document (~$draft.docx). */
const WORD_LOCK = /^~\$/;
/** wtlint's own files, never documents. */
const OWN_FILES = new Set(['wtlint.config.yaml', '.wtlintrc.yaml', 'wtlint-baseline.yaml', 'areas.yaml']);
const SKIPPED_FOLDERS = new Set(["node_modules"]);
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
          continue; // a dangling link
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
      throw new UsageError(`No such file or folder: ${path}`, 'Check the path, or run wtlint from the folder that holds your documents.');
    }
    if (st.isDirectory()) walk(absolute);
    else add(absolute); // a file named explicitly is checked whatever its extension
  }
  return [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/** Whether a folder scan takes this file name as a document. */
export function isDocumentName(name: string): boolean {
  return DOCUMENT_EXTENSIONS.test(name) && !OWN_FILES.has(name) && !NOT_DOCUMENTS.test(name) && !SIDECAR.test(name) && !WORD_LOCK.test(name);
}

/** Writes a whole file or nothing: a temporary file renamed into place. */
export function writeFileAtomic(path: string, content: string): void {
  const target = resolve(path);
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new UsageError(`Cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 'Check that the folder exists and can be written.');
  }
}
