// One document of an audit: read, hash, lint, keep what the audit needs, in one piece
// (auditFile) or, for Markdown, in two: parsed in a worker, linted in the main thread
// (parseTask, auditParsed). An unreadable file becomes a finding, never an exception.
import { readFileSync } from 'node:fs';
import { failed, type Linter } from '../lint.js';
import type { AuditDocument } from '../audit/types.js';
import type { DocumentKind, DocumentResult, LintOptions } from '../types.js';
import type { FetchFailure } from '../fetch/types.js';
import { readSource } from '../fetch/sidecar.js';
import { RESERVED, reservedFinding } from '../reserved.js';
import { documentFacts, factsOfYaml, factsYamlText, type DocumentFacts } from '../audit/facts.js';
import { formatOf, markdownBody, sidecarNames, type ParsedDocument } from '../parse/document.js';
import { decodeBytes } from '../parse/decode.js';
import type { MarkdownParts } from '../parse/markdown.js';
import { hashBytes } from '../engine/cache.js';
import { fileOptionsFor, maxBytesOf, readDocument, unreadable } from '../engine/read-document.js';

export interface AuditTask {
  absolute: string;
  display: string;
  /** A document named by URL whose latest fetch failed; `absolute` is empty when no copy was kept. */
  unfetched?: { url: string; kind: DocumentKind | null; failure: FetchFailure };
}

const EVIDENCE_CHARS = 200;

export async function auditFile(linter: Linter, task: AuditTask, options: LintOptions): Promise<AuditDocument> {
  const lost = task.unfetched;
  const fetchFailure = lost ? { url: lost.url, ...lost.failure, copy: task.absolute !== '' } : null;
  if (lost && !fetchFailure!.copy) {
    const finding = reservedFinding(
      RESERVED.fetchFailed,
      { messageId: 'unavailable', data: { reason: lost.failure.reason, date: lost.failure.date, url: lost.url } },
      { line: 1, column: 1 },
    );
    return { ...compact(failed(task.display, finding), null, 0, null, null, fetchFailure), kind: lost.kind };
  }
  const read = readDocument(task.absolute, maxBytesOf(options, task.absolute));
  if (!read.ok) return compact(unreadable(task.display, read), null, 0, null, null, fetchFailure);
  const bytes = read.bytes;
  const sha256 = hashBytes(bytes);
  // Any format: HTML pages, Word documents and PDFs are converted, with their sidecar.
  // Markdown and YAML are seen once parsed, for their front-matter facts (from the lint's own parse).
  const seen: { doc?: ParsedDocument; text?: string } = {};
  const result = await linter.lintFileBytes(task.display, bytes, fileOptionsFor(task.absolute, read, options), (doc, text) =>
    Object.assign(seen, { doc, text }),
  );
  const facts = result.kind && seen.doc && seen.text !== undefined ? documentFacts(result.file, seen.text, seen.doc) : null;
  const sidecar = read.sidecar?.text ?? sidecarOf(task.absolute);
  const source = sidecar === null ? null : readSource(sidecar);
  if (lost) {
    const failure = { reason: lost.failure.reason, date: lost.failure.date, url: lost.url };
    const message = source
      ? ({ messageId: 'stale', variant: 'copy', data: { ...failure, retrieved: source.retrieved.slice(0, 10) } } as const)
      : ({ messageId: 'stale', variant: 'earlier', data: failure } as const);
    result.findings.unshift(reservedFinding(RESERVED.fetchFailed, message, { line: 1, column: 1 }, 'warning'));
  }
  return compact(result, sha256, bytes.length, facts, source, fetchFailure);
}

/**
 * A Markdown document read, hashed, decoded and its body parsed in an audit worker, to be
 * linted in the main thread (auditParsed): each thread's V8 then optimises its own half of the
 * work instead of both optimising all of it.
 */
export interface ParsedTask {
  task: AuditTask;
  sha256: string;
  bytes: number;
  body: MarkdownParts;
  /** The front matter's text as the area facts read it (factsYamlText). */
  factsYaml: string | undefined;
}

/**
 * The first half of auditFile for a Markdown document; null for anything else, and for a
 * document the lint does not parse (unreadable, undecodable, empty, a line too long): auditFile
 * checks those whole.
 */
export function parseTask(task: AuditTask, options: LintOptions): ParsedTask | null {
  if (task.unfetched || formatOf(task.display) !== 'markdown') return null;
  const maxBytes = maxBytesOf(options, task.absolute);
  const read = readDocument(task.absolute, maxBytes);
  if (!read.ok) return null;
  const decoded = decodeBytes(read.bytes, maxBytes);
  if (!decoded.ok) return null;
  const body = markdownBody({ path: task.display, text: decoded.text }, options.limits);
  if (!body) return null;
  const factsYaml = factsYamlText(task.display, decoded.text);
  return { task, sha256: hashBytes(read.bytes), bytes: read.bytes.length, body, factsYaml };
}

/** The second half: the same AuditDocument auditFile gives for the task. */
export function auditParsed(linter: Linter, parsed: ParsedTask, options: LintOptions): AuditDocument {
  let doc: ParsedDocument | undefined;
  const result = linter.lintParsed(parsed.task.display, parsed.body, options, (d) => (doc = d));
  const facts = result.kind && doc ? factsOfYaml(parsed.factsYaml, doc) : null;
  return compact(result, parsed.sha256, parsed.bytes, facts, null, null);
}

/**
 * The sidecar text of a document whose reader does not take one,
 * for its provenance only; Markdown and YAML carry theirs in the document.
 */
function sidecarOf(absolute: string): string | null {
  if (/\.(?:md|markdown|ya?ml)$/i.test(absolute)) return null;
  for (const name of sidecarNames(absolute)) {
    try {
      return readFileSync(name, 'utf8');
    } catch {
      // no sidecar by this name
    }
  }
  return null;
}

function compact(
  result: DocumentResult,
  sha256: string | null,
  size: number,
  facts: DocumentFacts | null,
  source: AuditDocument['source'],
  fetchFailure: AuditDocument['fetchFailure'],
): AuditDocument {
  const evidence: AuditDocument['evidence'] = {};
  for (const [element, list] of Object.entries(result.evidence)) {
    const first = list[0];
    if (first)
      evidence[element] = {
        line: first.line,
        text: first.text.length > EVIDENCE_CHARS ? `${first.text.slice(0, EVIDENCE_CHARS - 1)}…` : first.text,
      };
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
    source,
    fetchFailure,
  };
  if (inferred && Object.keys(inferred).length) document.inferred = Object.keys(inferred);
  return document;
}
