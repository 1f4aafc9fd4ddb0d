// Reading one document for the core: its bytes and, for an HTML page or Word document,
// its sidecar of metadata (page.html.yaml). Shared by check, audit and convert.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatOf, isConverted, sidecarNames, type Sidecar } from '../parse/document.js';
import { RESERVED, reservedFinding } from '../reserved.js';
import { failed, type FileOptions, type Linter } from '../lint.js';
import type { DocumentResult, LintOptions } from '../types.js';

export type ReadDocument = { ok: true; bytes: Uint8Array; sidecar?: Sidecar } | { ok: false; code: string };

/** Reads a document, and its sidecar when it is an HTML or Word document that has one. */
export function readDocument(absolute: string): ReadDocument {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return { ok: false, code: (error as NodeJS.ErrnoException).code ?? 'unknown error' };
  }
  if (!isConverted(formatOf(absolute))) return { ok: true, bytes };
  for (const name of sidecarNames(absolute)) {
    let text: string;
    try {
      text = readFileSync(name, 'utf8');
    } catch {
      continue; // no sidecar by this name
    }
    return { ok: true, bytes, sidecar: { path: basename(name), text } };
  }
  return { ok: true, bytes };
}

/** Reads and lints one document of any format; an unreadable file is a finding, not a crash. */
export async function lintPath(linter: Linter, absolute: string, display: string, options: LintOptions & Pick<FileOptions, 'maxBytes'>): Promise<DocumentResult> {
  const read = readDocument(absolute);
  if (!read.ok) return failed(display, reservedFinding(RESERVED.parseError, 'unreadable', `Cannot read the file (${read.code})`, { line: 1, column: 1 }));
  return linter.lintFileBytes(display, read.bytes, { ...options, sidecar: read.sidecar });
}
