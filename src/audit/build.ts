// Areas → the audit report: national summary, overdue list, comparison with an earlier
// audit, and merging shard reports. Pure: the same areas give the same report.
import type { AuditLayout } from './spec.js';
import type {
  AreaResult,
  AuditComparison,
  AuditProvenance,
  AuditReport,
  AuditSummary,
  CellStatus,
  OverdueEntry,
  StatusTally,
} from './types.js';
import type { AreaLine, AuditReportHead } from './report/types.js';

export function buildAudit(
  areas: AreaResult[],
  layout: AuditLayout,
  provenance: AuditProvenance,
  previous: AuditReport | null,
): AuditReport {
  const sorted = [...areas].sort(byName);
  const collector = new AuditCollector(layout, previous);
  for (const area of sorted) collector.add(area);
  return { ...collector.head(provenance), areas: sorted };
}

const byName = (a: { name: string }, b: { name: string }): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * The report built area by area, in any order: everything but the areas' detail (their
 * documents, cells and findings), which the caller may render and drop as each is added.
 * What it keeps per area is its matrix line, its input hashes, overdue and comparison entries.
 */
export class AuditCollector {
  private readonly kept: { line: AreaLine; inputs: AuditProvenance['inputs']; overdue: OverdueEntry[]; changes: AreaChanges | null }[] = [];
  private readonly summary: AuditSummary;
  private readonly before: Map<string, AreaResult> | null;
  /** Whether a document finding is an internal error (wtlint failed on it). */
  internalError = false;

  constructor(
    private readonly layout: AuditLayout,
    private readonly previous: AuditReport | null,
  ) {
    this.summary = summarise([], layout);
    this.before = previous ? new Map(previous.areas.map((a) => [a.name, a])) : null;
  }

  /** Marks the area's changes since the previous audit (in place), then tallies it. */
  add(area: AreaResult): void {
    const old = this.before?.get(area.name);
    const changes = this.before ? compareArea(area, old) : null;
    tally(this.summary, area, this.layout);
    if (area.documents.some((d) => d.findings.some((f) => f.ruleId === 'internal-error'))) this.internalError = true;
    this.kept.push({
      line: { name: area.name, groups: area.groups, counts: area.counts },
      inputs: area.documents.map((d) => ({
        file: d.file,
        sha256: d.sha256,
        edition: d.edition,
        kind: d.kind,
        url: d.source?.url ?? d.fetchFailure?.url ?? null,
        retrieved: d.source?.retrieved ?? null,
        ...(d.inferred ? { inferred: d.inferred } : {}),
      })),
      overdue: overdueList([area]),
      changes,
    });
  }

  /** What is kept of the areas added so far, in the order added. */
  retained(): readonly { line: AreaLine; inputs: AuditProvenance['inputs']; overdue: OverdueEntry[]; changes: AreaChanges | null }[] {
    return this.kept;
  }

  head(provenance: AuditProvenance): AuditReportHead {
    const kept = [...this.kept].sort((a, b) => byName(a.line, b.line));
    let comparison: AuditComparison | null = null;
    if (this.previous) {
      comparison = {
        previousAsOf: this.previous.provenance.asOf,
        rulesChanged: rulesChanged(this.previous.provenance, provenance),
        newlyMissing: [],
        resolved: [],
        newFindings: [],
        resolvedFindings: [],
      };
      for (const k of kept) appendChanges(comparison, k.changes!);
    }
    return {
      version: 1,
      report: 'wtlint-audit',
      provenance: { ...provenance, inputs: kept.flatMap((k) => k.inputs) },
      groups: this.layout.groups,
      columns: this.layout.columns,
      areas: kept.map((k) => k.line),
      overdue: kept.flatMap((k) => k.overdue),
      summary: { ...this.summary, columns: { ...this.summary.columns }, groups: { ...this.summary.groups } },
      comparison,
    };
  }
}

type AreaChanges = Omit<AuditComparison, 'previousAsOf'>;

function appendChanges(into: AreaChanges, from: AreaChanges): void {
  into.newlyMissing.push(...from.newlyMissing);
  into.resolved.push(...from.resolved);
  into.newFindings.push(...from.newFindings);
  into.resolvedFindings.push(...from.resolvedFindings);
}

export function summarise(areas: AreaResult[], layout: AuditLayout): AuditSummary {
  const columns: AuditSummary['columns'] = {};
  const groups: AuditSummary['groups'] = {};
  const zero = (): StatusTally => ({ present: 0, partial: 0, missing: 0, unavailable: 0, applicable: 0 });
  for (const c of layout.columns) columns[c.key] = zero();
  for (const g of layout.groups) groups[g.id] = zero();
  const summary: AuditSummary = { areas: 0, documents: 0, areasWithErrors: 0, errors: 0, warnings: 0, infos: 0, columns, groups };
  for (const area of areas) tally(summary, area, layout);
  return summary;
}

function tally(summary: AuditSummary, area: AreaResult, layout: AuditLayout): void {
  const add = (t: StatusTally, status: CellStatus) => {
    if (status === 'not-applicable') return;
    t[status]++;
    if (status !== 'unavailable') t.applicable++; // a share of the areas judged
  };
  summary.areas++;
  summary.documents += area.documents.length;
  summary.errors += area.counts.errors;
  summary.warnings += area.counts.warnings;
  summary.infos += area.counts.infos;
  if (area.counts.errors > 0) summary.areasWithErrors++;
  for (const c of layout.columns) add(summary.columns[c.key]!, area.cells[c.key]?.status ?? 'not-applicable');
  for (const g of layout.groups) add(summary.groups[g.id]!, area.groups[g.id] ?? 'not-applicable');
}

export function overdueList(areas: AreaResult[]): OverdueEntry[] {
  return areas.flatMap((area) =>
    area.findings
      .filter((f) => f.check === 'report-due')
      .map((f) => ({
        area: area.name,
        document: typeof f.data.document === 'string' ? f.data.document : 'yearly report',
        ruleId: f.ruleId,
        messageId: f.messageId,
        latest: f.file,
        due: typeof f.data.due === 'string' ? f.data.due : null,
        daysOverdue: typeof f.data.days === 'number' ? f.data.days : null,
      })),
  );
}

/** What the previous audit's rules were that this one's are not (AuditComparison.rulesChanged). */
export function rulesChanged(before: AuditProvenance, now: AuditProvenance): string[] {
  const changed: string[] = [];
  if (before.wtlint !== now.wtlint) changed.push(`wtlint ${before.wtlint} (now ${now.wtlint})`);
  for (const pack of now.packs) {
    if (before.packs.find((p) => p.pack === pack.pack)?.sha256 !== pack.sha256) changed.push(`pack ${pack.pack}`);
  }
  // An audit written before rule files were recorded cannot show they were the same.
  if (!before.ruleData) changed.push('rule files (not recorded in the previous audit)');
  else {
    for (const data of now.ruleData) {
      if (before.ruleData.find((d) => d.file === data.file)?.sha256 !== data.sha256) changed.push(data.file);
    }
  }
  return changed;
}

/** One area against its previous result (none: nothing to compare); marks the changes in place. */
function compareArea(area: AreaResult, old: AreaResult | undefined): AreaChanges {
  const comparison: AreaChanges = { newlyMissing: [], resolved: [], newFindings: [], resolvedFindings: [] };
  if (!old) return comparison;
  for (const [key, cell] of Object.entries(area.cells)) {
    const was = old.cells[key]?.status;
    if (!was) continue;
    if (cell.status === 'missing' && (was === 'present' || was === 'partial')) {
      cell.change = 'newly-missing';
      comparison.newlyMissing.push({ area: area.name, column: key });
    } else if (cell.status === 'present' && (was === 'missing' || was === 'partial')) {
      cell.change = 'resolved';
      comparison.resolved.push({ area: area.name, column: key });
    }
  }
  const oldRules = new Set(old.findings.map((f) => ruleKey(f.ruleId)));
  const newRules = new Set(area.findings.map((f) => ruleKey(f.ruleId)));
  for (const f of area.findings) if (!oldRules.has(ruleKey(f.ruleId))) f.change = 'new';
  for (const rule of [...newRules].sort()) if (!oldRules.has(rule)) comparison.newFindings.push({ area: area.name, ruleId: rule });
  for (const rule of [...oldRules].sort()) if (!newRules.has(rule)) comparison.resolvedFindings.push({ area: area.name, ruleId: rule });
  return comparison;
}

/** Area findings are compared by rule, whatever the pack (wt2018/area-report-due = wt2023/area-report-due). */
function ruleKey(ruleId: string): string {
  return ruleId.slice(ruleId.indexOf('/') + 1);
}

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

/** Shard reports → the report of one run over all their areas. */
export function mergeAudits(reports: { name: string; report: AuditReport }[], previous: AuditReport | null): AuditReport {
  const first = reports[0];
  if (!first) throw new MergeError('no reports to merge');
  const p = first.report.provenance;
  const seen = new Map<string, string>();
  const areas: AreaResult[] = [];
  for (const { name, report } of reports) {
    const q = report.provenance;
    if (q.asOf !== p.asOf) throw new MergeError(`${name} is as of ${q.asOf}, ${first.name} as of ${p.asOf}`);
    if (
      q.wtlint !== p.wtlint ||
      JSON.stringify(q.packs) !== JSON.stringify(p.packs) ||
      JSON.stringify(q.ruleData) !== JSON.stringify(p.ruleData) ||
      JSON.stringify(report.columns) !== JSON.stringify(first.report.columns)
    ) {
      throw new MergeError(`${name} was made by another wtlint version or other rule packs or rule data than ${first.name}`);
    }
    for (const area of report.areas) {
      const other = seen.get(area.name);
      if (other) throw new MergeError(`area "${area.name}" is in both ${other} and ${name}`);
      seen.set(area.name, name);
      areas.push(stripComparison(area));
    }
  }
  const shards = reports.map((r) => r.report.provenance.shard);
  if (shards.every((s) => s !== null)) {
    const total = shards[0]!.total;
    for (let i = 1; i <= total; i++)
      if (!shards.some((s) => s!.index === i && s!.total === total)) throw new MergeError(`shard ${i}/${total} is missing`);
  }
  const provenance: AuditProvenance = { ...p, shard: null, mergedFrom: reports.map((r) => r.name), inputs: [] };
  return buildAudit(areas, { groups: first.report.groups, columns: first.report.columns }, provenance, previous);
}

function stripComparison(area: AreaResult): AreaResult {
  const cells = Object.fromEntries(Object.entries(area.cells).map(([k, { change: _c, ...cell }]) => [k, cell]));
  return { ...area, cells, findings: area.findings.map(({ change: _c, ...f }) => f) };
}
