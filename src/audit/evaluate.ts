// One area: its documents → matrix cells, group statuses and area findings. Pure.
import { areaCheckKinds, isAreaCheckKind, latestOf } from './area-kinds.js';
import { interpolate } from '../check/messages.js';
import type { CompiledPack } from '../pack/load.js';
import type { AuditLayout } from './spec.js';
import type { AreaFinding, AreaResult, AuditCell, AuditDocument, CellStatus } from './types.js';
import type { DocumentKind, ElementStatus, Severity } from '../types.js';

export interface AreaInput {
  name: string;
  documents: AuditDocument[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface AreaOptions {
  asOf: string;
  /** Config severities, by ruleId (wt2023/area-report-due) or rule id (area-report-due); 'off' drops the rule. */
  severities?: Record<string, Severity | 'off'>;
}

export function evaluateArea(
  input: AreaInput,
  layout: AuditLayout,
  packs: CompiledPack[],
  areaPack: CompiledPack,
  options: AreaOptions,
): AreaResult {
  const { asOf } = options;
  const documents = [...input.documents].sort((a, b) => a.file.localeCompare(b.file));
  // A document that could not be fetched is neither judged nor counted as absent: the
  // cells and area checks it could bear on say so instead of "missing".
  const unavailable = documents.filter(isUnavailable);
  const judged = documents.filter((d) => !isUnavailable(d));
  const couldBe = (kind: DocumentKind) => unavailable.find((d) => d.kind === kind || d.kind === null);
  const cells: Record<string, AuditCell> = {};
  for (const column of layout.columns) {
    const doc = latestOf(judged, column.kind);
    const pack = doc ? packs.find((p) => p.edition === doc.edition) : undefined;
    const rule = pack?.rules.find((r) => r.element === column.element && r.applies_to.includes(column.kind));
    const citation = rule?.citation ?? packInCitation(packs, column.kind, column.element);
    const lost = doc ? undefined : couldBe(column.kind);
    if (lost) {
      const { reason, date } = lost.fetchFailure!;
      cells[column.key] = {
        status: 'unavailable',
        file: lost.file,
        line: null,
        evidence: `could not be fetched (${reason}, ${date})`,
        ruleId: null,
        citation,
      };
      continue;
    }
    if (!doc) {
      // A document that could not be read (a scanned or protected PDF) is not the same as none.
      const unreadable = documents.find(isUnreadable);
      cells[column.key] = unreadable
        ? {
            status: 'missing',
            file: unreadable.file,
            line: null,
            evidence: `unreadable document: ${unreadable.findings.find((f) => f.ruleId === 'parse-error')!.message}`,
            ruleId: null,
            citation,
          }
        : { status: 'missing', file: null, line: null, evidence: `no ${column.kind} document`, ruleId: null, citation };
      continue;
    }
    if (!pack) {
      cells[column.key] = {
        status: 'missing',
        file: doc.file,
        line: null,
        evidence: `not checked: no rule pack for edition ${doc.edition ?? 'unknown'}`,
        ruleId: null,
        citation,
      };
      continue;
    }
    const status: ElementStatus = doc.elements[column.element] ?? (rule ? 'missing' : 'not-applicable');
    const evidence = doc.evidence[column.element];
    cells[column.key] = {
      status,
      file: doc.file,
      line: evidence?.line ?? null,
      evidence: evidence ? evidence.text : status === 'not-applicable' ? `not in the ${doc.edition} edition` : 'none found',
      ruleId: rule?.ruleId ?? null,
      citation,
    };
  }

  const groups: Record<string, CellStatus> = {};
  for (const group of layout.groups) groups[group.id] = groupStatus(group.columns.map((k) => cells[k]!.status));

  const findings: AreaFinding[] = [];
  for (const rule of areaPack.audit?.rules ?? []) {
    const ruleId = `${areaPack.pack}/${rule.id}`;
    const severity = options.severities?.[ruleId] ?? options.severities?.[rule.id] ?? rule.severity;
    if (severity === 'off') continue;
    const { kind, ...checkOptions } = rule.check;
    if (!isAreaCheckKind(kind)) continue; // checked by auditLayout
    const check = areaCheckKinds[kind];
    // Judging a kind of document that could not be fetched would report it as absent.
    if (check.judges(checkOptions as never).some(couldBe)) continue;
    for (const raw of check.run({ area: input.name, documents: judged, asOf }, checkOptions as never)) {
      findings.push({
        ruleId,
        element: rule.id,
        severity,
        message: interpolate(check.messages[raw.messageId] ?? raw.messageId, raw.data),
        messageId: raw.messageId,
        line: 1,
        column: 1,
        citation: rule.citation,
        help: rule.help,
        check: kind,
        file: raw.file,
        data: raw.data,
      });
    }
  }
  findings.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message),
  );

  const counts = { errors: 0, warnings: 0, infos: 0 };
  const key = { error: 'errors', warning: 'warnings', info: 'infos' } as const;
  for (const f of [...findings, ...documents.flatMap((d) => d.findings)]) counts[key[f.severity]]++;
  return { name: input.name, pack: areaPack.pack, documents, cells, groups, findings, counts };
}

/** A document whose kind could not be told because it could not be read at all (one parse-error, nothing checked). */
function isUnreadable(doc: AuditDocument): boolean {
  return doc.kind === null && doc.findings.some((f) => f.ruleId === 'parse-error');
}

/** Named by URL in the manifest, and no copy of it could be fetched. */
export function isUnavailable(doc: AuditDocument): boolean {
  return Boolean(doc.fetchFailure) && !doc.fetchFailure!.copy; // absent in a JSON from before wtlint fetch
}

/** present when every applicable element is, missing when none is found, partial otherwise; unavailable when any is (a group's elements come from one document). */
export function groupStatus(statuses: CellStatus[]): CellStatus {
  const applicable = statuses.filter((s) => s !== 'not-applicable');
  if (applicable.length === 0) return 'not-applicable';
  if (applicable.includes('unavailable')) return 'unavailable';
  if (applicable.every((s) => s === 'present')) return 'present';
  if (applicable.every((s) => s === 'missing')) return 'missing';
  return 'partial';
}

function packInCitation(packs: CompiledPack[], kind: string, element: string): string {
  for (const pack of [...packs].reverse()) {
    const rule = pack.rules.find((r) => r.element === element && r.applies_to.includes(kind as never));
    if (rule) return rule.citation;
  }
  return '';
}
