// The pure core: text in, findings out. Its pipeline is lintDocument: parse, infer metadata,
// resolve metadata, detect and run checks (check/run-pack.ts), apply disables, finish.
// No file system, clock, environment or console here (test/architecture.test.ts).
import type { Ajv, ValidateFunction } from 'ajv';
import {
  documentOfBody,
  formatOf,
  isConverted,
  isFatal,
  parseConverted,
  parseDocument,
  type ConvertedFormat,
  type ParsedDocument,
  type Sidecar,
} from './parse/document.js';
import type { MarkdownParts } from './parse/markdown.js';
import { convertBody, type ConversionProblem, type ConvertedBody } from './parse/convert/body.js';
import { inferDocument } from './extract/inference/infer.js';
import { describeInference, inferredFrontMatter, inferredMetadata } from './extract/inference/describe.js';
import { applyPdfHints } from './extract/pdf-hints.js';
import type { PdfReader } from './parse/pdf-body.js';
import { extractMeta, type DocumentMeta, type EditionWindow } from './extract/meta.js';
import { runPack } from './check/run-pack.js';
import { createAjv } from './schema-validator.js';
import { decodeBytes } from './parse/decode.js';
import { resolveLimits } from './parse/limits.js';
import { inSidecar, parseErrorFinding, RESERVED, reservedFinding } from './reserved.js';
import { locatePath } from './parse/locate.js';
import { applyDisables } from './check/disables.js';
import { plainText, showValue } from './extract/show-value.js';
import type { CompiledPack } from './pack/load.js';
import {
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentResult,
  type Evidence,
  type Finding,
  type InferredMetadata,
  type LintOptions,
  type Severity,
  type Source,
} from './types.js';
import type { ReferenceData } from './reference/types.js';

export interface DocumentSchemas {
  /** Schemas referenced by the others (shared definitions), added first. */
  shared: object[];
  /** Keyed "<edition>/<kind>", e.g. "2023/arrangements". */
  byKind: Record<string, object>;
  /** A validator compiled ahead of time for a "<edition>/<kind>" key, used instead of compiling byKind[key]. */
  precompiled?: (key: string) => ValidateFunction | undefined;
}

export interface FileOptions extends LintOptions {
  maxBytes?: number;
  /** Metadata for an HTML page, Word document or PDF (its `page.html.yaml`); ignored for Markdown and YAML. */
  sidecar?: Sidecar;
  /** How a PDF is read: PDF.js in this thread unless given (the CLI gives a worker thread it can stop at the time limit). */
  readPdf?: PdfReader;
}

/** Sees a Markdown or YAML document once parsed, with its decoded text (audit reads its front-matter facts from it). */
export type ParsedObserver = (doc: ParsedDocument, text: string) => void;

export interface Linter {
  packs: CompiledPack[];
  /** Reference data besides the packs (bank holidays, inference rules). */
  reference: ReferenceData;
  /** Markdown and YAML text. */
  lint(source: Source, options: LintOptions): DocumentResult;
  /** Markdown and YAML bytes (decoded here). */
  lintBytes(path: string, bytes: Uint8Array, options: LintOptions & { maxBytes?: number }): DocumentResult;
  /**
   * Any document by its extension: .html/.htm pages, .docx Word documents and PDFs are converted
   * (their converters are loaded on first use, so Markdown never pays for them), with
   * metadata from `options.sidecar` or, without one, from their text; everything else goes
   * to lintBytes. The entry point for the CLI and audit.
   */
  lintFileBytes(path: string, bytes: Uint8Array, options: FileOptions, onParsed?: ParsedObserver): Promise<DocumentResult>;
  /**
   * A Markdown document whose body `markdownBody` parsed (audit parses in a worker and lints in
   * its main thread): the same result as `lint` of the text it was parsed from.
   */
  lintParsed(path: string, body: MarkdownParts, options: LintOptions, onParsed?: (doc: ParsedDocument) => void): DocumentResult;
}

export function createLinter(packs: CompiledPack[], schemas: DocumentSchemas, reference: ReferenceData = {}): Linter {
  let ajv: Ajv | undefined; // only when a schema has no precompiled validator
  const compiled = new Map<string, ValidateFunction>();
  const schemaFor = (edition: string, kind: DocumentKind): ValidateFunction | undefined => {
    const key = `${edition}/${kind}`;
    if (!compiled.has(key) && schemas.byKind[key]) {
      let validate = schemas.precompiled?.(key);
      if (!validate) {
        if (!ajv) {
          ajv = createAjv();
          for (const shared of schemas.shared) ajv.addSchema(shared);
        }
        validate = ajv.compile(schemas.byKind[key]!);
      }
      compiled.set(key, validate);
    }
    return compiled.get(key);
  };
  const editions = packs.map((p) => ({ edition: p.edition, ...p.in_force }));
  const editionNames = editions.map((e) => e.edition);
  const knownRules = new Set<string>([
    ...packs.flatMap((p) => p.rules.flatMap((r) => [r.ruleId, r.element])),
    ...Object.values(RESERVED).map((r) => r.ruleId),
  ]);

  function lint(source: Source, options: LintOptions, onParsed?: ParsedObserver): DocumentResult {
    const doc = parseDocument(source, options.limits);
    onParsed?.(doc, source.text);
    return lintDocument(doc, options);
  }

  /** The pipeline, one named step each: parse (done by the caller) → infer → problems → metadata → detect and check → disables → finish. */
  function lintDocument(doc: ParsedDocument, options: LintOptions): DocumentResult {
    const result: DocumentResult = { file: doc.path, kind: null, edition: null, area: null, elements: {}, evidence: {}, findings: [] };
    const inferred = inferMetadata(doc, editions, options, reference);
    if (inferred) {
      result.inferred = inferred.values;
      result.findings.push(inferred.finding);
    }
    result.findings.push(...parseProblems(doc));
    if (doc.problems.some(isFatal)) return finish(result, doc);
    const meta = resolveMetadata(doc, editions, options, reference);
    Object.assign(result, { kind: meta.kind, edition: meta.edition, area: meta.area });
    result.findings.push(...metadataProblems(doc, meta, editionNames));
    const pack = packs.find((p) => p.edition === meta.edition);
    if (meta.kind && pack) runPack(doc, meta, { pack, options, documentSchema: schemaFor(pack.edition, meta.kind), reference }, result);
    if (doc.frontMatter?.origin) placeInDocument(result, doc.frontMatter.origin);
    result.findings = applyDisables(result.findings, doc.comments, {
      isKnownRule: (rule) => knownRules.has(rule),
      reportUnused: options.reportUnusedDisables,
      requireReason: options.requireDisableReason,
    });
    return finish(result, doc);
  }

  function lintBytes(
    path: string,
    bytes: Uint8Array,
    options: LintOptions & { maxBytes?: number },
    onParsed?: ParsedObserver,
  ): DocumentResult {
    const decoded = decodeBytes(bytes, options.maxBytes ?? resolveLimits(options.limits).maxBytes);
    return decoded.ok ? lint({ path, text: decoded.text }, options, onParsed) : failed(path, unreadable(decoded));
  }

  async function lintFileBytes(path: string, bytes: Uint8Array, options: FileOptions, onParsed?: ParsedObserver): Promise<DocumentResult> {
    const format = formatOf(path);
    if (!isConverted(format)) return lintBytes(path, bytes, options, onParsed);
    let converted: Awaited<ReturnType<typeof convertBody>>;
    try {
      converted = await convertBody(format, bytes, options);
    } catch (error) {
      // A converter's bug, not the document's: reported, and the other documents go on.
      const reason = error instanceof Error ? error.message : String(error);
      const finding = reservedFinding(
        RESERVED.internalError,
        { messageId: 'conversion-threw', variant: format, data: { detail: reason } },
        { line: 1, column: 1 },
      );
      return failed(path, finding);
    }
    if (!converted.ok) return failed(path, unreadable(converted));
    return lintDocument(convertedDocument(path, format, converted, options.sidecar), options);
  }

  return {
    packs,
    reference,
    lint: (source, options) => lint(source, options),
    lintBytes: (path, bytes, options) => lintBytes(path, bytes, options),
    lintFileBytes,
    lintParsed: (path, body, options, onParsed) => {
      const doc = documentOfBody(path, body, options.limits);
      onParsed?.(doc);
      return lintDocument(doc, options);
    },
  };
}

/**
 * No front matter and no sidecar: kind, edition, period, published and area read from the text
 * (src/extract/inference/), then a PDF's own Title and creation date as hints for what the text
 * does not state; set as its front matter and said once, at info. Nothing when the text says
 * nothing (a document whose kind cannot be told then gets the document-kind error alone).
 */
function inferMetadata(
  doc: ParsedDocument,
  editions: EditionWindow[],
  options: LintOptions,
  reference: ReferenceData,
): { values: InferredMetadata; finding: Finding } | null {
  if (doc.format === 'yaml' || doc.frontMatter || doc.problems.length) return null;
  const input = { editions, asOf: options.asOf, rules: reference.inference };
  const inference = inferDocument(doc, input);
  if (doc.hints) applyPdfHints(inference, doc.hints, input);
  // An edition the user chose (--edition, or the config's) is not second-guessed from the text.
  if (options.edition || options.defaultEdition) inference.edition = null;
  const { kind, area, edition, period, published } = inference;
  if (!kind && !area && !period && !published && !edition?.quote) return null; // nothing read from its words
  doc.frontMatter = inferredFrontMatter(inference);
  const name = doc.path.split(/[\\/]/).pop();
  const { place, ...message } = describeInference(inference, doc.format === 'markdown' ? 'front matter' : `a sidecar (${name}.yaml)`);
  const finding = reservedFinding(RESERVED.documentMetadata, message, place);
  return { values: inferredMetadata(inference), finding };
}

/** A converted body as the parsed document detection reads, with a PDF's pages, hints and problems. */
function convertedDocument(path: string, format: ConvertedFormat, converted: ConvertedBody, sidecar?: Sidecar): ParsedDocument {
  const doc = parseConverted(path, format, converted.parts, sidecar);
  if (converted.pdf) {
    doc.linePages = converted.pdf.linePages;
    doc.hints = converted.pdf.hints;
    doc.problems.push(...converted.pdf.problems);
  }
  return doc;
}

/** A document of any format parsed, converted first when it is a page, Word document or PDF (for `wtlint migrate`). */
export async function parseFileBytes(path: string, bytes: Uint8Array, options: FileOptions): Promise<ParsedDocument | ConversionProblem> {
  const format = formatOf(path);
  if (!isConverted(format)) {
    const decoded = decodeBytes(bytes, options.maxBytes ?? resolveLimits(options.limits).maxBytes);
    return decoded.ok ? parseDocument({ path, text: decoded.text }, options.limits) : decoded;
  }
  const converted = await convertBody(format, bytes, options);
  return converted.ok ? convertedDocument(path, format, converted, options.sidecar) : converted;
}

/** What the parser could not read, as parse-error findings. */
function parseProblems(doc: ParsedDocument): Finding[] {
  return doc.problems.map((problem) => parseErrorFinding(problem, problem));
}

/** Kind, edition and area from the front matter, the file name and the dates; --edition forces, the config's edition is the fallback. */
function resolveMetadata(doc: ParsedDocument, editions: EditionWindow[], options: LintOptions, reference: ReferenceData): DocumentMeta {
  return extractMeta(doc, editions, options.asOf, {
    forced: options.edition,
    fallback: options.defaultEdition,
    rules: reference.inference,
  });
}

/** An edition wtlint does not know, or a kind missing or unknown. */
function metadataProblems(doc: ParsedDocument, meta: DocumentMeta, editions: string[]): Finding[] {
  const findings: Finding[] = [];
  if (meta.unknownEdition !== null) {
    findings.push(
      reservedFinding(
        RESERVED.documentEdition,
        { messageId: 'unknown', data: { value: meta.unknownEdition, editions: editions.join(', ') } },
        locateKey(doc, 'edition'),
      ),
    );
  }
  // With broken YAML the kind may be in the part that did not parse: the parse error says enough.
  if (!meta.kind && !doc.problems.length) {
    const stated = doc.frontMatter?.data?.kind;
    const message =
      stated === undefined
        ? ({ messageId: 'missing' } as const)
        : ({ messageId: 'unknown', data: { value: showValue(stated), kinds: DOCUMENT_KINDS.join(', ') } } as const);
    findings.push(reservedFinding(RESERVED.documentKind, message, locateKey(doc, 'kind')));
  }
  return findings;
}

/** A document that could not be read at all: one finding, nothing else. */
export function failed(path: string, finding: Finding): DocumentResult {
  return { file: path, kind: null, edition: null, area: null, elements: {}, evidence: {}, findings: [finding] };
}

function unreadable(problem: ConversionProblem): Finding {
  // Messages from converters quote libraries' errors, which may hold tabs and other control characters.
  const finding = parseErrorFinding(problem, problem);
  finding.message = plainText(finding.message);
  return finding;
}

/**
 * Metadata from a sidecar: findings and evidence placed in it are moved to the top of the
 * document (where reports look) and name the sidecar's own line instead.
 */
function placeInDocument(result: DocumentResult, origin: string): void {
  for (const finding of result.findings) {
    if (!finding.path) continue;
    finding.message += inSidecar({ file: origin, line: finding.line, column: finding.column });
    Object.assign(finding, { line: 1, column: 1 });
    delete finding.endLine;
    delete finding.endColumn;
  }
  for (const list of Object.values(result.evidence)) {
    list.forEach((evidence: Evidence, i) => {
      if (evidence.via === 'field')
        list[i] = { via: 'field', text: `${origin} line ${evidence.line}: ${evidence.text}`, line: 1, column: 1 };
    });
  }
}

/** Messages quote the document (keys, values, YAML errors): no control characters get out. A PDF's places get their page. Then sort. */
function finish(result: DocumentResult, doc?: ParsedDocument): DocumentResult {
  for (const finding of result.findings) finding.message = plainText(finding.message);
  const pages = doc?.linePages;
  if (pages?.length) {
    const pageOf = (line: number) => pages[Math.min(Math.max(line, 1), pages.length) - 1]!;
    for (const finding of result.findings) finding.page = pageOf(finding.line);
    for (const list of Object.values(result.evidence)) for (const evidence of list) evidence.page = pageOf(evidence.line);
  }
  result.findings.sort(byPosition);
  return result;
}

function locateKey(doc: ParsedDocument, key: string) {
  return locatePath(doc.frontMatter, [key]).place;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function byPosition(a: Finding, b: Finding): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId) ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.messageId.localeCompare(b.messageId)
  );
}
