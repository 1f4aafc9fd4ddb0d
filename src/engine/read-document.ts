// Reading one document for the core: its bytes and, for an HTML page, Word document or PDF,
// its sidecar of metadata (page.html.yaml). Shared by check, audit and convert.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatOf, isConverted, sidecarNames, type Sidecar } from '../parse/document.js';
import { resolveLimits } from '../parse/limits.js';
import { parseErrorFinding, type ParseMessageOf } from '../reserved.js';
import { failed, type FileOptions, type Linter } from '../lint.js';
import type { DocumentResult, LintOptions } from '../types.js';
import { readDocumentFile } from './files.js';
import type { ResultCache } from './cache.js';
import type { PdfReader } from '../parse/pdf-body.js';

export type DocumentRead =
  { ok: true; bytes: Uint8Array; sidecar?: Sidecar } | ({ ok: false } & ParseMessageOf<'unreadable' | 'not-a-file' | 'too-large'>);

/** Reads a document (read-only, never past the size limit), and its sidecar when it is an HTML page, Word document or PDF that has one. */
export function readDocument(absolute: string, maxBytes: number): DocumentRead {
  const read = readDocumentFile(absolute, maxBytes);
  if (!read.ok || !isConverted(formatOf(absolute))) return read;
  for (const name of sidecarNames(absolute)) {
    let text: string;
    try {
      text = readFileSync(name, 'utf8');
    } catch {
      continue; // no sidecar by this name
    }
    return { ...read, sidecar: { path: basename(name), text } };
  }
  return read;
}

/** The size limit for this document: maxPdfBytes for a PDF (pictures make them large), maxBytes for the rest. */
export function maxBytesOf(options: LintOptions & Pick<FileOptions, 'maxBytes'>, absolute: string): number {
  const limits = resolveLimits(options.limits);
  return options.maxBytes ?? (formatOf(absolute) === 'pdf' ? limits.maxPdfBytes : limits.maxBytes);
}

/** Options for lintFileBytes: the sidecar, and for a PDF the reader that stops at the time limit. */
export function fileOptionsFor(
  absolute: string,
  read: Extract<DocumentRead, { ok: true }>,
  options: LintOptions & Pick<FileOptions, 'maxBytes'>,
): FileOptions {
  return { ...options, sidecar: read.sidecar, ...pdfOptionsFor(absolute, options) };
}

/** For a PDF, the reader that runs in a worker thread and stops at maxSeconds; it (and its thread) loads with the first PDF, not with every check. */
export function pdfOptionsFor(path: string, options: LintOptions): Pick<FileOptions, 'readPdf'> {
  if (formatOf(path) !== 'pdf') return {};
  const readPdf: PdfReader = async (bytes, pdfOptions) => (await import('./pdf-reader.js')).pdfReader(options.limits)(bytes, pdfOptions);
  return { readPdf };
}

/** The finding for a document that could not be read. */
export function unreadable(display: string, read: Extract<DocumentRead, { ok: false }>): DocumentResult {
  return failed(display, parseErrorFinding(read, { line: 1, column: 1 }));
}

/**
 * Reads and lints one document of any format; a file that cannot be read is a finding, not a crash.
 * With a cache (check --cache), an unchanged Markdown or YAML document is not linted again.
 */
export async function lintPath(
  linter: Linter,
  absolute: string,
  display: string,
  options: LintOptions & Pick<FileOptions, 'maxBytes'>,
  cache?: ResultCache,
): Promise<DocumentResult> {
  const read = readDocument(absolute, maxBytesOf(options, absolute));
  if (!read.ok) return unreadable(display, read);
  // A converted document also depends on its sidecar, which the cache does not key on.
  const cacheable = cache && !isConverted(formatOf(absolute)) ? cache : undefined;
  const cached = cacheable?.get(absolute, display, read.bytes);
  if (cached) return cached;
  const result = await linter.lintFileBytes(display, read.bytes, fileOptionsFor(absolute, read, options));
  cacheable?.set(absolute, result);
  return result;
}
