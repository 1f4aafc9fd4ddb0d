// --format csv: one row per area × element (status, evidence line, citation), then one
// row per area-level finding. Every field is formula-neutralised.
import { csvField } from '../../escape/csv.js';
import type { AuditStreamReporter } from './types.js';

const HEADER = ['area', 'kind', 'element', 'group', 'status', 'change', 'file', 'line', 'evidence', 'rule', 'citation'];

const row = (fields: (string | number | null)[]): string => `${fields.map(csvField).join(',')}\r\n`;

export const csvStream: AuditStreamReporter = {
  parts(area, layout) {
    const rows: string[] = [];
    for (const column of layout.columns) {
      const cell = area.cells[column.key]!;
      rows.push(row([area.name, column.kind, column.element, column.group, cell.status, cell.change ?? '', cell.file, cell.line, cell.evidence, cell.ruleId, cell.citation]));
    }
    for (const f of area.findings) {
      rows.push(row([area.name, 'area', f.element, '', f.severity, f.change ?? '', f.file, null, f.message, f.ruleId, f.citation]));
    }
    return [rows.join('')];
  },
  write(_head, parts, out) {
    out(row(HEADER));
    for (const part of parts(0)) out(part);
  },
};

