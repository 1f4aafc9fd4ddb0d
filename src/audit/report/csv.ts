// --format csv: one row per area × element (status, evidence line, citation), then one
// row per area-level finding. Every field is formula-neutralised.
import { csvField } from '../../escape/csv.js';
import type { AuditStreamReporter } from './types.js';

const HEADER = [
  'area',
  'kind',
  'element',
  'group',
  'status',
  'change',
  'file',
  'line',
  'evidence',
  'rule',
  'citation',
  'source_url',
  'retrieved',
];

const row = (fields: (string | number | null)[]): string => `${fields.map(csvField).join(',')}\r\n`;

export const csvStream: AuditStreamReporter = {
  parts(area, layout) {
    const rows: string[] = [];
    // The file's source URL and retrieval date, when wtlint fetch downloaded it.
    const sources = new Map(
      area.documents.map((d) => [d.file, [d.source?.url ?? d.fetchFailure?.url ?? null, d.source?.retrieved ?? null]]),
    );
    const sourceOf = (file: string | null) => (file === null ? [null, null] : (sources.get(file) ?? [null, null]));
    for (const column of layout.columns) {
      const cell = area.cells[column.key]!;
      rows.push(
        row([
          area.name,
          column.kind,
          column.element,
          column.group,
          cell.status,
          cell.change ?? '',
          cell.file,
          cell.line,
          cell.evidence,
          cell.ruleId,
          cell.citation,
          ...sourceOf(cell.file),
        ]),
      );
    }
    for (const f of area.findings) {
      rows.push(
        row([
          area.name,
          'area',
          f.element,
          '',
          f.severity,
          f.change ?? '',
          f.file,
          null,
          f.message,
          f.ruleId,
          f.citation,
          ...sourceOf(f.file),
        ]),
      );
    }
    return [rows.join('')];
  },
  write(_head, parts, out) {
    out(row(HEADER));
    for (const part of parts(0)) out(part);
  },
};
