// Default audit output: the matrix of areas × element groups, national counts, the overdue list.
import { STATUS_SYMBOL } from './symbols.js';
import { terminalSafe } from '../../escape/terminal.js';
import type { AuditReportContext, AuditReportHead, AuditStreamReporter } from './types.js';
import type { CellStatus } from '../types.js';

const NAME_WIDTH = 28;

// The matrix has one line per area, from its AreaLine: no per-area parts.
export const terminalStream: AuditStreamReporter = {
  parts: () => [],
  write: (head, _parts, out, ctx) => out(render(head, ctx)),
};

function render(report: AuditReportHead, { style }: AuditReportContext): string {
  const colour: Record<CellStatus, (s: string) => string> = {
    present: style.green,
    partial: style.yellow,
    missing: style.red,
    'not-applicable': style.gray,
    unavailable: style.magenta,
  };
  const { provenance: p, summary } = report;
  const out: string[] = [];
  const shard = p.shard ? `, shard ${p.shard.index}/${p.shard.total}` : '';
  out.push(style.bold(`wtlint audit as of ${p.asOf}: ${summary.areas} areas, ${summary.documents} documents${shard}`));
  out.push(style.gray(`wtlint ${p.wtlint}; packs ${p.packs.map((x) => x.pack).join(', ')}`));
  out.push('');
  const widths = report.groups.map((g) => Math.max(g.label.length, 3));
  const unfetched = p.inputs.filter((i) => i.url !== null && i.sha256 === null);
  const countLabels = ['present', 'partial', 'missing', ...(unfetched.length ? (['unavailable'] as const) : [])] as const;
  // Wide enough for the count lines' labels too ("? unavailable").
  const nameWidth = Math.min(
    NAME_WIDTH,
    Math.max(4, ...report.areas.map((a) => a.name.length), ...(unfetched.length ? countLabels.map((l) => l.length + 2) : [])),
  );
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
  for (const status of countLabels) {
    const counts = report.groups.map((g, i) => pad(String(summary.groups[g.id]![status]), widths[i]!));
    out.push([pad(`${STATUS_SYMBOL[status]} ${status}`, nameWidth), ...counts].join('  ').trimEnd());
  }
  out.push(
    style.gray(
      `${STATUS_SYMBOL.present} every element present  ${STATUS_SYMBOL.partial} some  ${STATUS_SYMBOL.missing} none  ${STATUS_SYMBOL['not-applicable']} not applicable${unfetched.length ? `  ${STATUS_SYMBOL.unavailable} could not be fetched` : ''}`,
    ),
  );
  out.push('');
  // Documents whose kind or edition were read from their text: the matrix rests on them, so say so.
  const inferred = p.inputs.filter((input) => input.inferred);
  if (inferred.length) {
    out.push(
      style.bold(
        `Inferred from the text (${inferred.length} documents without front matter or sidecar: check them, or state them in a sidecar):`,
      ),
    );
    for (const input of inferred) {
      const keys = input.inferred!;
      const values = [
        keys.includes('kind') && input.kind,
        keys.includes('edition') && input.edition && `edition ${input.edition}`,
        ...keys.filter((k) => k === 'period' || k === 'published'),
      ].filter(Boolean);
      out.push(`  ${terminalSafe(input.file)}: ${terminalSafe(values.join(', '))}`);
    }
    out.push('');
  }
  out.push(...fetched(p.inputs));
  if (report.overdue.length === 0) out.push('Overdue reports: none');
  else {
    out.push(style.bold(`Overdue reports (${report.overdue.length}):`));
    for (const o of report.overdue) {
      const document = o.document ?? 'yearly report';
      const detail =
        o.messageId === 'overdue'
          ? `${document} due ${o.due}, ${o.daysOverdue} days overdue; latest ${o.latest}`
          : o.messageId === 'none'
            ? `no ${document}`
            : `latest ${document} ${o.latest} is undated`;
      out.push(`  ${terminalSafe(o.area)}: ${terminalSafe(detail)}`);
    }
  }
  if (report.comparison) {
    const c = report.comparison;
    out.push('');
    out.push(
      style.bold(
        `Since the audit as of ${c.previousAsOf}: ${c.newlyMissing.length} newly missing, ${c.resolved.length} resolved, ${c.newFindings.length} new area findings, ${c.resolvedFindings.length} resolved`,
      ),
    );
    if (c.rulesChanged?.length)
      out.push(
        style.yellow(
          `  The previous audit was made with other rules (${c.rulesChanged.join(', ')}): a change may come from them, not from a document.`,
        ),
      );
    for (const x of c.newlyMissing) out.push(style.red(`  - ${terminalSafe(x.area)}: ${x.column} newly missing`));
    for (const x of c.resolved) out.push(style.green(`  + ${terminalSafe(x.area)}: ${x.column} resolved`));
    for (const x of c.newFindings) out.push(style.red(`  - ${terminalSafe(x.area)}: ${x.ruleId} new`));
    for (const x of c.resolvedFindings) out.push(style.green(`  + ${terminalSafe(x.area)}: ${x.ruleId} resolved`));
  }
  out.push('');
  out.push(
    `${summary.areasWithErrors} of ${summary.areas} areas have errors (${summary.errors} errors, ${summary.warnings} warnings in all). --format html, csv or json for the detail.`,
  );
  return `${out.join('\n')}\n`;
}

/** Where the documents came from: a line when some were fetched (wtlint fetch), and those that could not be. */
function fetched(inputs: AuditReportHead['provenance']['inputs']): string[] {
  const fromWeb = inputs.filter((i) => i.url !== null);
  if (fromWeb.length === 0) return [];
  const days = fromWeb.flatMap((i) => (i.retrieved ? [i.retrieved.slice(0, 10)] : [])).sort();
  const when = days.length ? (days[0] === days.at(-1) ? `, retrieved ${days[0]}` : `, retrieved ${days[0]} to ${days.at(-1)}`) : '';
  const lost = fromWeb.filter((i) => i.sha256 === null);
  const out = [`Fetched from the web: ${fromWeb.length - lost.length} of ${inputs.length} documents${when}.`];
  if (lost.length) {
    out.push(`Could not be fetched (${lost.length}):`);
    for (const i of lost) out.push(`  ${terminalSafe(i.url!)}`);
  }
  out.push('');
  return out;
}
