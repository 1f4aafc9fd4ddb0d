// The pure core: text in, findings out. parse → extract → check → sort.
// No file system, clock, environment or console here (test/architecture.test.ts).
import type { Ajv, ValidateFunction } from 'ajv';
import { parseDocument, type ParsedDocument } from './parse/document.js';
import { extractMeta, type DocumentMeta } from './extract/meta.js';
import { detectElements } from './extract/elements.js';
import { checkKinds, isCheckKind } from './check/kinds/index.js';
import { interpolate } from './check/messages.js';
import { createAjv } from './schema-validator.js';
import { decodeBytes, DEFAULT_MAX_BYTES } from './parse/decode.js';
import { RESERVED, reservedFinding } from './reserved.js';
import { locatePath } from './parse/locate.js';
import type { CompiledPack, CompiledRule } from './pack/load.js';
import type { DocumentKind, DocumentResult, Finding, LintOptions, Severity, Source } from './types.js';

export interface DocumentSchemas {
  /** Schemas referenced by the others (shared definitions), added first. */
  shared: object[];
  /** Keyed "<edition>/<kind>", e.g. "2023/arrangements". */
  byKind: Record<string, object>;
  /** A validator compiled ahead of time for a "<edition>/<kind>" key, used instead of compiling byKind[key]. */
  precompiled?: (key: string) => ValidateFunction | undefined;
}

export interface Linter {
  packs: CompiledPack[];
  lint(source: Source, options: LintOptions): DocumentResult;
  lintBytes(path: string, bytes: Uint8Array, options: LintOptions & { maxBytes?: number }): DocumentResult;
}

export function createLinter(packs: CompiledPack[], schemas: DocumentSchemas): Linter {
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

  function lint(source: Source, options: LintOptions): DocumentResult {
    const doc = parseDocument(source);
    const result: DocumentResult = { file: source.path, kind: null, edition: null, area: null, elements: {}, evidence: {}, findings: [] };
    for (const problem of doc.problems) {
      result.findings.push(reservedFinding(RESERVED.parseError, problem.messageId, problem.message, problem));
    }
    if (doc.problems.some((p) => p.messageId === 'empty')) return result;

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
          : `\`kind: ${String(stated)}\` is not a document kind wtlint knows; expected arrangements or yearly-report`;
      result.findings.push(reservedFinding(RESERVED.documentKind, stated === undefined ? 'missing' : 'unknown', message, locateKey(doc, 'kind')));
    }
    if (meta.kind && pack) runPack(doc, meta, pack, options, result, schemaFor(pack.edition, meta.kind));
    result.findings.sort(byPosition);
    return result;
  }

  function lintBytes(path: string, bytes: Uint8Array, options: LintOptions & { maxBytes?: number }): DocumentResult {
    const decoded = decodeBytes(bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
    if (decoded.ok) return lint({ path, text: decoded.text }, options);
    return {
      file: path,
      kind: null,
      edition: null,
      area: null,
      elements: {},
      evidence: {},
      findings: [reservedFinding(RESERVED.parseError, decoded.messageId, decoded.message, decoded)],
    };
  }

  return { packs, lint, lintBytes };
}

function runPack(
  doc: ParsedDocument,
  meta: DocumentMeta,
  pack: CompiledPack,
  options: LintOptions,
  result: DocumentResult,
  documentSchema: ValidateFunction | undefined,
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
          { doc, meta, element: elements[rule.element], rule, asOf: options.asOf, documentSchema },
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

function locateKey(doc: ParsedDocument, key: string) {
  return locatePath(doc.frontMatter, [key]).place;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.messageId.localeCompare(b.messageId);
}
