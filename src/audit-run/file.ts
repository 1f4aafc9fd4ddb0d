// One document of an audit: read, hash, lint, keep what the audit needs. Runs in the main
// thread or in an audit worker; an unreadable file becomes a finding, never an exception.
import { createHash } from 'node:crypto';
import type { Linter } from '../lint.js';
import type { AuditDocument } from '../audit/types.js';
import type { DocumentResult, LintOptions } from '../types.js';
import { documentFacts, type DocumentFacts } from '../audit/facts.js';
import type { ParsedDocument } from '../parse/document.js';
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
  // Any format: HTML pages, Word documents and PDFs are converted, with their sidecar. Markdown
  // and YAML are seen once parsed, for their front-matter facts (from the lint's own parse).
  const seen: { doc?: ParsedDocument; text?: string } = {};
  const result = await linter.lintFileBytes(task.display, bytes, fileOptionsFor(task.absolute, read, options), (doc, text) => Object.assign(seen, { doc, text }));
  const facts = result.kind && seen.doc && seen.text !== undefined ? documentFacts(result.file, seen.text, seen.doc) : null;
  return compact(result, sha256, bytes.length, facts);
}

function compact(result: DocumentResult, sha256: string | null, size: number, facts: DocumentFacts | null): AuditDocument {
  const evidence: AuditDocument['evidence'] = {};
  for (const [element, list] of Object.entries(result.evidence)) {
    const first = list[0];
    if (first) evidence[element] = { line: first.line, text: first.text.length > EVIDENCE_CHARS ? `${first.text.slice(0, EVIDENCE_CHARS - 1)}…` : first.text };
  }
  return {
    file: result.file,
    sha256,
    bytes: size,
    kind: result.kind,
    edition: result.edition,
    area: result.area,
    published: facts?.published ?? null,
    periodStart: facts?.periodStart ?? null,
    periodEnd: facts?.periodEnd ?? null,
    partners: facts?.partners ?? [],
    localAuthorities: facts?.localAuthorities ?? [],
    elements: result.elements,
    evidence,
    findings: result.findings,
  };
}
