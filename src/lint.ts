// The pure core: text in, findings out. parse → extract → check → sort.
// No file system, clock, environment or console here (test/architecture.test.ts).
import type { Ajv, ValidateFunction } from 'ajv';
import { formatOf, isConverted, isFatal, normaliseText, parseConverted, parseDocument, type ConvertedFormat, type ParsedDocument, type Sidecar } from './parse/document.js';
import { inferMetaFromText, inferredFrontMatter } from './extract/text-meta.js';
import type { MarkdownParts } from './parse/markdown.js';
import { extractMeta, type DocumentMeta } from './extract/meta.js';
import { detectElements } from './extract/elements.js';
import { checkKinds, isCheckKind } from './check/kinds/index.js';
import { interpolate } from './check/messages.js';
import { createAjv } from './schema-validator.js';
import { decodeBytes, DEFAULT_MAX_BYTES } from './parse/decode.js';
import { resolveLimits } from './parse/limits.js';
import { RESERVED, reservedFinding } from './reserved.js';
import { locatePath } from './parse/locate.js';
import { applyDisables } from './check/disables.js';
import { plainText, showValue } from './extract/show-value.js';
import type { CompiledPack, CompiledRule } from './pack/load.js';
import type { DocumentKind, DocumentResult, Evidence, Finding, LintOptions, Severity, Source } from './types.js';
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
  /** Metadata for an HTML or Word document (its `page.html.yaml`); ignored for Markdown and YAML. */
  sidecar?: Sidecar;
}

export interface Linter {
  packs: CompiledPack[];
  /** Markdown and YAML text. */
  lint(source: Source, options: LintOptions): DocumentResult;
  /** Markdown and YAML bytes (decoded here). */
  lintBytes(path: string, bytes: Uint8Array, options: LintOptions & { maxBytes?: number }): DocumentResult;
  /**
   * Any document by its extension: .html/.htm pages and .docx Word documents are converted
   * (their converters are loaded on first use, so Markdown never pays for them), with
   * metadata from `options.sidecar` or, without one, from their text; everything else goes
   * to lintBytes. The entry point for the CLI and audit.
   */
  lintFileBytes(path: string, bytes: Uint8Array, options: FileOptions): Promise<DocumentResult>;
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
  const knownRules = new Set<string>([...packs.flatMap((p) => p.rules.flatMap((r) => [r.ruleId, r.element])), ...Object.values(RESERVED).map((r) => r.ruleId)]);

  function lint(source: Source, options: LintOptions): DocumentResult {
    return lintDocument(parseDocument(source, options.limits), options);
  }

  function lintDocument(doc: ParsedDocument, options: LintOptions): DocumentResult {
    const result: DocumentResult = { file: doc.path, kind: null, edition: null, area: null, elements: {}, evidence: {}, findings: [] };
    if (isConverted(doc.format) && !doc.frontMatter && !doc.problems.length) {
      const inferred = inferMetaFromText(doc, editions.map((e) => e.edition));
      if (inferred.length) doc.frontMatter = inferredFrontMatter(inferred);
      for (const value of inferred) {
        const message = `No sidecar metadata: assumed \`${value.key}: ${value.value}\` from "${value.quote}"`;
        result.findings.push(reservedFinding(RESERVED.documentMetadata, 'inferred', message, value));
      }
    }
    for (const problem of doc.problems) {
      result.findings.push(reservedFinding(RESERVED.parseError, problem.messageId, problem.message, problem));
    }
    if (doc.problems.some(isFatal)) return finish(result);

    const meta = extractMeta(doc, editions, options.asOf, { forced: options.edition, fallback: options.defaultEdition });
    Object.assign(result, { kind: meta.kind, edition: meta.edition, area: meta.area });
    const pack = packs.find((p) => p.edition === meta.edition);
    if (meta.unknownEdition !== null) {
      result.findings.push(
        reservedFinding(RESERVED.documentEdition, 'unknown', `\`edition: ${meta.unknownEdition}\` is not an edition wtlint knows; expected one of ${editions.map((e) => e.edition).join(', ')}`, locateKey(doc, 'edition')),
      );
    }
    // With broken YAML the kind may be in the part that did not parse: the parse error says enough.
    if (!meta.kind && !doc.problems.length) {
      const stated = doc.frontMatter?.data?.kind;
      const message =
        stated === undefined
          ? 'No `kind` in the front matter, and none could be inferred from the file name or title'
          : `\`kind: ${showValue(stated)}\` is not a document kind wtlint knows; expected arrangements or yearly-report`;
      result.findings.push(reservedFinding(RESERVED.documentKind, stated === undefined ? 'missing' : 'unknown', message, locateKey(doc, 'kind')));
    }
    if (meta.kind && pack) runPack(doc, meta, pack, options, result, schemaFor(pack.edition, meta.kind), reference);
    if (doc.frontMatter?.origin) placeInDocument(result, doc.frontMatter.origin);
    result.findings = applyDisables(result.findings, doc.comments, {
      isKnownRule: (rule) => knownRules.has(rule),
      reportUnused: options.reportUnusedDisables,
      requireReason: options.requireDisableReason,
    });
    return finish(result);
  }

  function lintBytes(path: string, bytes: Uint8Array, options: LintOptions & { maxBytes?: number }): DocumentResult {
    const decoded = decodeBytes(bytes, options.maxBytes ?? resolveLimits(options.limits).maxBytes);
    return decoded.ok ? lint({ path, text: decoded.text }, options) : failed(path, unreadable(decoded));
  }

  async function lintFileBytes(path: string, bytes: Uint8Array, options: FileOptions): Promise<DocumentResult> {
    const format = formatOf(path);
    if (!isConverted(format)) return lintBytes(path, bytes, options);
    let converted: Awaited<ReturnType<typeof convertBody>>;
    try {
      converted = await convertBody(format, bytes, options.maxBytes ?? resolveLimits(options.limits).maxBytes);
    } catch (error) {
      // A converter's bug, not the document's: reported, and the other documents go on.
      const reason = error instanceof Error ? error.message : String(error);
      const finding = reservedFinding(RESERVED.internalError, 'conversion-threw', `Converting the ${format === 'html' ? 'page' : 'Word document'} failed: ${reason}. Please report this`, { line: 1, column: 1 });
      return failed(path, finding);
    }
    if (!converted.ok) return failed(path, unreadable(converted));
    return lintDocument(parseConverted(path, format, converted.parts, options.sidecar), options);
  }

  return { packs, lint, lintBytes, lintFileBytes };
}

/** Why a page or Word document could not be converted: a parse-error finding. */
export type ConversionProblem = { ok: false; messageId: string; message: string; line: number; column: number };

/** An HTML page or Word document's body as Markdown's parts. The converters load here, on first use. */
export async function convertBody(format: ConvertedFormat, bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Promise<{ ok: true; parts: MarkdownParts } | ConversionProblem> {
  const html = await convertToHtml(format, bytes, maxBytes);
  if (!html.ok) return html;
  const { parseHtml } = await import('./parse/html.js');
  return { ok: true, parts: parseHtml(html.html, format === 'docx' ? 'paragraphs' : 'source') };
}

/** The HTML of a page (decoded) or of a Word document (through mammoth). */
export async function convertToHtml(
  format: ConvertedFormat,
  bytes: Uint8Array,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<{ ok: true; html: string } | ConversionProblem> {
  if (format === 'html') {
    const decoded = decodeBytes(bytes, maxBytes);
    return decoded.ok ? { ok: true, html: normaliseText(decoded.text) } : decoded;
  }
  if (bytes.length > maxBytes) {
    return { ok: false, messageId: 'too-large', message: `File is ${bytes.length} bytes, over the limit of ${maxBytes} bytes`, line: 1, column: 1 };
  }
  const { docxToHtml } = await import('./parse/docx.js');
  const docx = await docxToHtml(bytes);
  if (docx.ok) return docx;
  return { ok: false, messageId: 'not-docx', message: `Cannot read the Word document: ${docx.message}; expected a .docx file saved by Word or a compatible editor`, line: 1, column: 1 };
}

/** A document that could not be read at all: one finding, nothing else. */
export function failed(path: string, finding: Finding): DocumentResult {
  return { file: path, kind: null, edition: null, area: null, elements: {}, evidence: {}, findings: [finding] };
}

function unreadable(problem: Omit<ConversionProblem, 'ok'>): Finding {
  return reservedFinding(RESERVED.parseError, problem.messageId, problem.message, problem);
}

/**
 * Metadata from a sidecar: findings and evidence placed in it are moved to the top of the
 * document (where reports look) and name the sidecar's own line instead.
 */
function placeInDocument(result: DocumentResult, origin: string): void {
  for (const finding of result.findings) {
    if (!finding.path) continue;
    finding.message += ` (in ${origin}, line ${finding.line}:${finding.column})`;
    Object.assign(finding, { line: 1, column: 1 });
    delete finding.endLine;
    delete finding.endColumn;
  }
  for (const list of Object.values(result.evidence)) {
    list.forEach((evidence: Evidence, i) => {
      if (evidence.via === 'field') list[i] = { via: 'field', text: `${origin} line ${evidence.line}: ${evidence.text}`, line: 1, column: 1 };
    });
  }
}

function runPack(
  doc: ParsedDocument,
  meta: DocumentMeta,
  pack: CompiledPack,
  options: LintOptions,
  result: DocumentResult,
  documentSchema: ValidateFunction | undefined,
  reference: ReferenceData,
): void {
  const kind = meta.kind!;
  const active: { rule: CompiledRule; severity: Severity }[] = [];
  for (const rule of pack.rules) {
    if (!rule.kinds.includes(kind)) continue;
    const severity = options.severities?.[rule.ruleId] ?? options.severities?.[rule.element] ?? rule.severity;
    if (severity === 'off') {
      if (rule.detection) result.elements[rule.element] = 'not-applicable';
      continue;
    }
    active.push({ rule, severity });
  }
  const targets = active.filter((a) => a.rule.detection).map((a) => ({ element: a.rule.element, detection: a.rule.detection! }));
  const elements = detectElements(doc, targets, pack.placeholderPatterns);
  for (const [element, found] of Object.entries(elements)) {
    result.elements[element] = found.status;
    result.evidence[element] = found.evidence;
  }

  for (const { rule, severity } of active) {
    for (const spec of rule.checks) {
      const { kind: kindName, ...checkOptions } = spec;
      if (!isCheckKind(kindName)) continue; // packs are validated at load
      const check = checkKinds[kindName];
      try {
        const raw = check.run(
          { doc, meta, element: elements[rule.element], elements, rule, asOf: options.asOf, documentSchema, reference },
          checkOptions as never,
        );
        for (const r of raw) {
          const template = check.messages[r.messageId] ?? r.messageId;
          const finding: Finding = {
            ruleId: rule.ruleId,
            element: rule.element,
            severity,
            message: interpolate(template, { title: rule.title, ...r.data }),
            messageId: r.messageId,
            ...r.place,
            citation: rule.citation,
            help: rule.help,
          };
          if (r.path && r.path.length) finding.path = r.path;
          result.findings.push(finding);
        }
      } catch (error) {
        result.findings.push(
          reservedFinding(
            RESERVED.internalError,
            'threw',
            `Rule ${rule.ruleId} (check ${kindName}) failed: ${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this`,
            { line: 1, column: 1 },
          ),
        );
      }
    }
  }
}

/** Messages quote the document (keys, values, YAML errors): no control characters get out. Then sort. */
function finish(result: DocumentResult): DocumentResult {
  for (const finding of result.findings) finding.message = plainText(finding.message);
  result.findings.sort(byPosition);
  return result;
}

function locateKey(doc: ParsedDocument, key: string) {
  return locatePath(doc.frontMatter, [key]).place;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.messageId.localeCompare(b.messageId);
}
