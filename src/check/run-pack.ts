// The pack runner: which of a pack's rules apply to a document (its kind, the configured
// severities), detection of their elements, and each rule's checks, each raw result stamped
// into a complete finding (ruleId, element, severity, message, place, citation, help). A check
// that throws is an internal-error finding; the other rules still run.
import type { ValidateFunction } from 'ajv';
import type { ParsedDocument } from '../parse/document.js';
import type { DocumentMeta } from '../extract/meta.js';
import { detectElements, type PlainEvidence } from '../extract/elements.js';
import { hasMarkedHeadings, readPlainStructure } from '../parse/plain/structure.js';
import { checkKinds, isCheckKind } from './kinds/index.js';
import type { CheckKind, RawResult } from './kind.js';
import { interpolate } from './messages.js';
import { RESERVED, reservedFinding } from '../reserved.js';
import type { CompiledPack, CompiledRule } from '../pack/load.js';
import type { DocumentResult, ElementResult, Finding, LintOptions, Severity } from '../types.js';
import type { ReferenceData } from '../reference/types.js';
import { ruleState, startsWhen } from './in-force.js';

/** What the runner needs beside the document: its pack, its options, and what the shell loaded. */
export interface PackRun {
  pack: CompiledPack;
  options: LintOptions;
  documentSchema: ValidateFunction | undefined;
  reference: ReferenceData;
}

interface ActiveRule {
  rule: CompiledRule;
  severity: Severity;
}

/** Detects the rules' elements and runs their checks; statuses, evidence and findings go into `result`. */
export function runPack(parsed: ParsedDocument, meta: DocumentMeta, run: PackRun, result: DocumentResult): void {
  const { active, upcoming } = activeRules(meta, run, result);
  const { doc, plain } = readPlainText(parsed, run.pack);
  const elements = detect(doc, plain, active, run.pack, result);
  for (const { rule, severity } of active) result.findings.push(...runChecks(doc, meta, elements, rule, severity, run));
  if (upcoming.length) result.findings.push(...upcomingFindings(doc, plain, upcoming, run.pack));
}

/**
 * The rules for this kind of document in force on the as-of day, at their configured severity; a
 * rule turned off leaves its element not applicable. Rules not yet in force are returned apart
 * (for --upcoming) and never judge the document.
 */
function activeRules(meta: DocumentMeta, run: PackRun, result: DocumentResult): { active: ActiveRule[]; upcoming: CompiledRule[] } {
  const active: ActiveRule[] = [];
  const upcoming: CompiledRule[] = [];
  for (const rule of run.pack.rules) {
    if (!rule.applies_to.includes(meta.kind!)) continue;
    const state = ruleState(rule, run.options.asOf);
    if (state !== 'in-force') {
      if (state === 'upcoming' && run.options.upcoming) upcoming.push(rule);
      continue;
    }
    const severity = run.options.severities?.[rule.ruleId] ?? run.options.severities?.[rule.element] ?? rule.severity;
    if (severity === 'off') {
      if (rule.detection) result.elements[rule.element] = 'not-applicable';
      continue;
    }
    active.push({ rule, severity });
  }
  return { active, upcoming };
}

/**
 * What plain text keeps in its lines (text from PDF, Word or a web page): contents lists taken
 * out of the prose, signature blocks read with the pack's signatories and, in a document without
 * Markdown headings, title lines made headings. Detection and the checks read the result.
 */
function readPlainText(doc: ParsedDocument, pack: CompiledPack): { doc: ParsedDocument; plain: PlainEvidence } {
  const plain = readPlainStructure(doc, { headings: !hasMarkedHeadings(doc.headings), signatures: pack.signatureVocabulary });
  return { doc: { ...doc, headings: plain.headings, blocks: plain.blocks }, plain };
}

/**
 * --upcoming: each requirement not yet in force that the document does not yet meet, as an info
 * finding saying from when and on whose authority. Its detection runs apart, so the element's
 * status stays out of the result (and of the audit matrix) until the rule is in force.
 */
function upcomingFindings(doc: ParsedDocument, plain: PlainEvidence, rules: CompiledRule[], pack: CompiledPack): Finding[] {
  const targets = rules.filter((r) => r.detection).map((r) => ({ element: r.element, detection: r.detection! }));
  const found = detectElements(doc, targets, pack.placeholderMatcher, plain);
  return rules
    .filter((rule) => found[rule.element]?.status !== 'present')
    .map((rule) => {
      const dates = rule.in_force!;
      const when = startsWhen(dates);
      return stamp(
        {
          messageId: 'upcoming',
          data: { when: when[0]!.toUpperCase() + when.slice(1), source: dates.source, change: dates.change },
          place: { line: 1, column: 1 },
        },
        UPCOMING,
        rule,
        'info',
      );
    });
}

const UPCOMING = { messages: { upcoming: '{{when}}, {{source}}: {{change}}' } };

/** Each active rule's element found, partly found or missing, with its evidence. */
function detect(
  doc: ParsedDocument,
  plain: PlainEvidence,
  active: ActiveRule[],
  pack: CompiledPack,
  result: DocumentResult,
): Record<string, ElementResult> {
  const targets = active.filter((a) => a.rule.detection).map((a) => ({ element: a.rule.element, detection: a.rule.detection! }));
  const elements = detectElements(doc, targets, pack.placeholderMatcher, plain);
  for (const [element, found] of Object.entries(elements)) {
    result.elements[element] = found.status;
    result.evidence[element] = found.evidence;
  }
  return elements;
}

/** One rule's checks, their results stamped as findings; a check that throws is an internal error, not a crash. */
function runChecks(
  doc: ParsedDocument,
  meta: DocumentMeta,
  elements: Record<string, ElementResult>,
  rule: CompiledRule,
  severity: Severity,
  run: PackRun,
): Finding[] {
  const findings: Finding[] = [];
  for (const spec of rule.checks) {
    const { kind: kindName, ...checkOptions } = spec;
    if (!isCheckKind(kindName)) continue; // packs are validated at load
    const check: CheckKind<never> = checkKinds[kindName] as CheckKind<never>;
    try {
      const raw = check.run(
        {
          doc,
          meta,
          element: elements[rule.element],
          elements,
          rule,
          asOf: run.options.asOf,
          documentSchema: run.documentSchema,
          reference: run.reference,
        },
        checkOptions as never,
      );
      for (const r of raw) findings.push(stamp(r, check, rule, severity));
    } catch (error) {
      findings.push(
        reservedFinding(
          RESERVED.internalError,
          {
            messageId: 'threw',
            data: { ruleId: rule.ruleId, kind: kindName, detail: error instanceof Error ? error.message : String(error) },
          },
          { line: 1, column: 1 },
        ),
      );
    }
  }
  return findings;
}

/** A check's raw result as a complete finding: the rule's id, element, severity, citation and help, the message from the kind's template. */
export function stamp(raw: RawResult, check: Pick<CheckKind<never>, 'messages'>, rule: CompiledRule, severity: Severity): Finding {
  const template = check.messages[raw.messageId] ?? raw.messageId;
  const finding: Finding = {
    ruleId: rule.ruleId,
    element: rule.element,
    severity,
    message: interpolate(template, { title: rule.title, ...raw.data }),
    messageId: raw.messageId,
    ...raw.place,
    citation: rule.citation,
    help: rule.help,
  };
  if (raw.path && raw.path.length) finding.path = raw.path;
  return finding;
}
