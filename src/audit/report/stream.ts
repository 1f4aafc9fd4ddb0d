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

/** Every area of a report rendered by a streamed format, as `write` reads them: part `index` of each area, in order. */
export function renderedParts(report: AuditReport, stream: AuditStreamReporter, ctx: AuditReportContext): (index: number) => Piece[] {
  const layout = { groups: report.groups, columns: report.columns };
  const rendered = report.areas.map((area) => stream.parts(area, layout, ctx));
  return (index) => rendered.map((parts) => parts[index]!);
}

/** The string reporter of a streamed format. */
export function inMemory(stream: AuditStreamReporter): AuditReporter {
  return (report: AuditReport, ctx: AuditReportContext) => {
    const out: string[] = [];
    stream.write(
      headOf(report),
      renderedParts(report, stream, ctx),
      (piece) => out.push(typeof piece === 'string' ? piece : Buffer.from(piece).toString('utf8')),
      ctx,
    );
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
