// A whole report in memory through a format's streamed form (merge, tests): the same code
// path `audit` takes when it spools the areas' parts to disk.
import type { AreaResult, AuditReport } from '../types.js';
import type { AreaLine, AuditReportContext, AuditReportHead, AuditReporter, AuditStreamReporter, Piece } from './types.js';

export function areaLine(area: AreaResult): AreaLine {
  return { name: area.name, groups: area.groups, counts: area.counts };
}

/** The report without the areas' detail, keys in the order of the JSON report. */
export function headOf(report: AuditReport): AuditReportHead {
  const { version, report: name, provenance, groups, columns, areas, overdue, summary, comparison } = report;
  return { version, report: name, provenance, groups, columns, areas: areas.map(areaLine), overdue, summary, comparison };
}

/** The string reporter of a streamed format. */
export function inMemory(stream: AuditStreamReporter): AuditReporter {
  return (report: AuditReport, ctx: AuditReportContext) => {
    const layout = { groups: report.groups, columns: report.columns };
    const rendered = report.areas.map((area) => stream.parts(area, layout, ctx));
    const out: string[] = [];
    stream.write(headOf(report), (index) => rendered.map((parts) => parts[index]!), (piece) => out.push(typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8')), ctx);
    return out.join('');
  };
}

/** Emits pieces with `separator` between them (not before the first). */
export function joiner(out: (piece: Piece) => void, separator: string): (piece: Piece) => void {
  let first = true;
  return (piece) => {
    if (!first) out(separator);
    out(piece);
    first = false;
  };
}
