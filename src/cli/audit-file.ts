// One document of an audit: read, hash, lint, keep what the audit needs. Runs in the main
// thread or in an audit worker; an unreadable file becomes a finding, never an exception.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Linter } from '../lint.js';
import type { AuditDocument } from '../audit/types.js';
import type { DocumentResult, LintOptions } from '../types.js';
import { documentFacts } from '../audit/facts.js';
import { decodeBytes } from '../parse/decode.js';
import { unreadableResult } from './unreadable.js';

export interface AuditTask {
  absolute: string;
  display: string;
}

const EVIDENCE_CHARS = 200;

export function auditFile(linter: Linter, task: AuditTask, options: LintOptions): AuditDocument {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(task.absolute);
  } catch (error) {
    return compact(unreadableResult(task.display, error), null, 0, null);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const result = linter.lintBytes(task.display, bytes, options);
  const decoded = result.kind ? decodeBytes(bytes) : null;
  return compact(result, sha256, bytes.length, decoded?.ok ? decoded.text : null);
}

function compact(result: DocumentResult, sha256: string | null, size: number, text: string | null): AuditDocument {
  const facts = text === null ? null : documentFacts(result.file, text);
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
