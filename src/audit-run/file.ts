// One document of an audit: read, hash, lint, keep what the audit needs. Runs in the main
// thread or in an audit worker; an unreadable file becomes a finding, never an exception.
import { createHash } from 'node:crypto';
import type { Linter } from '../lint.js';
import type { AuditDocument } from '../audit/types.js';
import type { DocumentResult, LintOptions } from '../types.js';
import { documentFacts } from '../audit/facts.js';
import { decodeBytes } from '../parse/decode.js';
import { formatOf, isConverted } from '../parse/document.js';
import { fileOptionsFor, maxBytesOf, readDocument, unreadable } from '../engine/read-document.js';

export interface AuditTask {
  absolute: string;
  display: string;
}

const EVIDENCE_CHARS = 200;

export async function auditFile(linter: Linter, task: AuditTask, options: LintOptions): Promise<AuditDocument> {
  const read = readDocument(task.absolute, maxBytesOf(options, task.absolute));
  if (!read.ok) return compact(unreadable(task.display, read), null, 0, null);
  const bytes = read.bytes;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // Any format: HTML pages, Word documents and PDFs are converted, with their sidecar.
  const result = await linter.lintFileBytes(task.display, bytes, fileOptionsFor(task.absolute, read, options));
  const decoded = result.kind && !isConverted(formatOf(task.absolute)) ? decodeBytes(bytes) : null;
  return compact(result, sha256, bytes.length, decoded?.ok ? decoded.text : null);
}

function compact(result: DocumentResult, sha256: string | null, size: number, text: string | null): AuditDocument {
  const facts = text === null ? null : documentFacts(result.file, text);
  const evidence: AuditDocument['evidence'] = {};
  for (const [element, list] of Object.entries(result.evidence)) {
    const first = list[0];
    if (first) evidence[element] = { line: first.line, text: first.text.length > EVIDENCE_CHARS ? `${first.text.slice(0, EVIDENCE_CHARS - 1)}…` : first.text };
  }
  // A document without front matter or sidecar: its dates as inferred from the text.
  const inferred = result.inferred;
  const document: AuditDocument = {
    file: result.file,
    sha256,
    bytes: size,
    kind: result.kind,
    edition: result.edition,
    area: result.area,
    published: facts?.published ?? inferred?.published ?? null,
    periodStart: facts?.periodStart ?? inferred?.period?.start ?? null,
    periodEnd: facts?.periodEnd ?? inferred?.period?.end ?? null,
    partners: facts?.partners ?? [],
    localAuthorities: facts?.localAuthorities ?? [],
    elements: result.elements,
    evidence,
    findings: result.findings,
  };
  if (inferred && Object.keys(inferred).length) document.inferred = Object.keys(inferred);
  return document;
}
