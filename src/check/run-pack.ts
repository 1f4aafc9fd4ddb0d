// The pack runner: which of a pack's rules apply to a document (its kind, the configured
// severities), detection of their elements, and each rule's checks, each raw result stamped
// into a complete finding (ruleId, element, severity, message, place, citation, help). A check
// that throws is an internal-error finding; the other rules still run.
import type { ValidateFunction } from 'ajv';
import type { ParsedDocument } from '../parse/document.js';
import type { DocumentMeta } from '../extract/meta.js';
import { detectElements } from '../extract/elements.js';
import { checkKinds, isCheckKind } from './kinds/index.js';
import type { CheckKind, RawResult } from './kind.js';
import { interpolate } from './messages.js';
import { RESERVED, reservedFinding } from '../reserved.js';
import type { CompiledPack, CompiledRule } from '../pack/load.js';
import type { DocumentResult, ElementResult, Finding, LintOptions, Severity } from '../types.js';
import type { ReferenceData } from '../reference/types.js';

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
export function runPack(doc: ParsedDocument, meta: DocumentMeta, run: PackRun, result: DocumentResult): void {
  const active = activeRules(meta, run, result);
  const elements = detect(doc, active, run.pack, result);
  for (const { rule, severity } of active) result.findings.push(...runChecks(doc, meta, elements, rule, severity, run));
}

/** The rules for this kind of document at their configured severity; a rule turned off leaves its element not applicable. */
function activeRules(meta: DocumentMeta, run: PackRun, result: DocumentResult): ActiveRule[] {
  const active: ActiveRule[] = [];
  for (const rule of run.pack.rules) {
    if (!rule.applies_to.includes(meta.kind!)) continue;
    const severity = run.options.severities?.[rule.ruleId] ?? run.options.severities?.[rule.element] ?? rule.severity;
    if (severity === 'off') {
      if (rule.detection) result.elements[rule.element] = 'not-applicable';
      continue;
    }
    active.push({ rule, severity });
  }
  return active;
}

/** Each active rule's element found, partly found or missing, with its evidence. */
function detect(doc: ParsedDocument, active: ActiveRule[], pack: CompiledPack, result: DocumentResult): Record<string, ElementResult> {
  const targets = active.filter((a) => a.rule.detection).map((a) => ({ element: a.rule.element, detection: a.rule.detection! }));
  const elements = detectElements(doc, targets, pack.placeholderMatcher);
  for (const [element, found] of Object.entries(elements)) {
    result.elements[element] = found.status;
    result.evidence[element] = found.evidence;
  }
  return elements;
}

/** One rule's checks, their results stamped as findings; a check that throws is an internal error, not a crash. */
function runChecks(doc: ParsedDocument, meta: DocumentMeta, elements: Record<string, ElementResult>, rule: CompiledRule, severity: Severity, run: PackRun): Finding[] {
  const findings: Finding[] = [];
  for (const spec of rule.checks) {
    const { kind: kindName, ...checkOptions } = spec;
    if (!isCheckKind(kindName)) continue; // packs are validated at load
    const check: CheckKind<never> = checkKinds[kindName] as CheckKind<never>;
    try {
      const raw = check.run(
        { doc, meta, element: elements[rule.element], elements, rule, asOf: run.options.asOf, documentSchema: run.documentSchema, reference: run.reference },
        checkOptions as never,
      );
      for (const r of raw) findings.push(stamp(r, check, rule, severity));
    } catch (error) {
      findings.push(
        reservedFinding(
          RESERVED.internalError,
          'threw',
          `Rule ${rule.ruleId} (check ${kindName}) failed: ${error instanceof Error ? error.message : String(error)}. The other rules still ran; please report this`,
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
