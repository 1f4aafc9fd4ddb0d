// Default audit output: the matrix of areas × element groups, national counts, the overdue list.
import { STATUS_SYMBOL } from './symbols.js';
import { terminalSafe } from '../../escape/terminal.js';
import type { AuditReportContext, AuditReportHead, AuditStreamReporter } from './types.js';
import type { ElementStatus } from '../../types.js';

const NAME_WIDTH = 28;

// The matrix has one line per area, from its AreaLine: no per-area parts.
export const terminalStream: AuditStreamReporter = {
  parts: () => [],
  write: (head, _parts, out, ctx) => out(render(head, ctx)),
};


function render(report: AuditReportHead, { style }: AuditReportContext): string {
  const colour: Record<ElementStatus, (s: string) => string> = { present: style.green, partial: style.yellow, missing: style.red, 'not-applicable': style.gray };
  const { provenance: p, summary } = report;
  const out: string[] = [];
  const shard = p.shard ? `, shard ${p.shard.index}/${p.shard.total}` : '';
  out.push(style.bold(`wtlint audit as of ${p.asOf}: ${summary.areas} areas, ${summary.documents} documents${shard}`));
  out.push(style.gray(`wtlint ${p.wtlint}; packs ${p.packs.map((x) => x.pack).join(', ')}`));
  out.push('');
  const widths = report.groups.map((g) => Math.max(g.label.length, 3));
  const nameWidth = Math.min(NAME_WIDTH, Math.max(4, ...report.areas.map((a) => a.name.length)));
  const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
  out.push(style.bold([pad('Area', nameWidth), ...report.groups.map((g, i) => pad(g.label, widths[i]!)), 'Errors', 'Warnings'].join('  ')));
  for (const area of report.areas) {
    const name = terminalSafe(area.name.length > nameWidth ? `${area.name.slice(0, nameWidth - 1)}…` : area.name);
    const cells = report.groups.map((g, i) => {
      const status = area.groups[g.id] ?? 'not-applicable';
      return colour[status](pad(STATUS_SYMBOL[status], widths[i]!));
    });
    out.push([pad(name, nameWidth), ...cells, pad(String(area.counts.errors), 6), String(area.counts.warnings)].join('  '));
  }
  out.push('');
  for (const status of ['present', 'partial', 'missing'] as const) {
    const counts = report.groups.map((g, i) => pad(String(summary.groups[g.id]![status]), widths[i]!));
    out.push([pad(`${STATUS_SYMBOL[status]} ${status}`, nameWidth), ...counts].join('  ').trimEnd());
  }
  out.push(style.gray(`${STATUS_SYMBOL.present} every element present  ${STATUS_SYMBOL.partial} some  ${STATUS_SYMBOL.missing} none  ${STATUS_SYMBOL['not-applicable']} not applicable`));
  out.push('');
  // Documents whose kind or edition were read from their text: the matrix rests on them, so say so.
  const inferred = p.inputs.filter((input) => input.inferred);
  if (inferred.length) {
    out.push(style.bold(`Inferred from the text (${inferred.length} documents without front matter or sidecar: check them, or state them in a sidecar):`));
    for (const input of inferred) {
      const keys = input.inferred!;
      const values = [keys.includes('kind') && input.kind, keys.includes('edition') && input.edition && `edition ${input.edition}`, ...keys.filter((k) => k === 'period' || k === 'published')].filter(Boolean);
      out.push(`  ${terminalSafe(input.file)}: ${terminalSafe(values.join(', '))}`);
    }
    out.push('');
  }
  if (report.overdue.length === 0) out.push('Overdue reports: none');
  else {
    out.push(style.bold(`Overdue reports (${report.overdue.length}):`));
    for (const o of report.overdue) {
      const document = o.document ?? 'yearly report';
      const detail = o.messageId === 'overdue' ? `${document} due ${o.due}, ${o.daysOverdue} days overdue; latest ${o.latest}` : o.messageId === 'none' ? `no ${document}` : `latest ${document} ${o.latest} is undated`;
      out.push(`  ${terminalSafe(o.area)}: ${terminalSafe(detail)}`);
    }
  }
  if (report.comparison) {
    const c = report.comparison;
    out.push('');
    out.push(style.bold(`Since the audit as of ${c.previousAsOf}: ${c.newlyMissing.length} newly missing, ${c.resolved.length} resolved, ${c.newFindings.length} new area findings, ${c.resolvedFindings.length} resolved`));
    for (const x of c.newlyMissing) out.push(style.red(`  - ${terminalSafe(x.area)}: ${x.column} newly missing`));
    for (const x of c.resolved) out.push(style.green(`  + ${terminalSafe(x.area)}: ${x.column} resolved`));
    for (const x of c.newFindings) out.push(style.red(`  - ${terminalSafe(x.area)}: ${x.ruleId} new`));
    for (const x of c.resolvedFindings) out.push(style.green(`  + ${terminalSafe(x.area)}: ${x.ruleId} resolved`));
  }
  out.push('');
  out.push(`${summary.areasWithErrors} of ${summary.areas} areas have errors (${summary.errors} errors, ${summary.warnings} warnings in all). --format html, csv or json for the detail.`);
  return `${out.join('\n')}\n`;
}
