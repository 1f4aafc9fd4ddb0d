// --format csv: one row per area × element (status, evidence line, citation), then one
// row per area-level finding. Every field is formula-neutralised.
import { csvField } from './escape.js';
import type { AuditReporter } from './types.js';

const HEADER = ['area', 'kind', 'element', 'group', 'status', 'change', 'file', 'line', 'evidence', 'rule', 'citation'];

export const csv: AuditReporter = (report) => {
  const rows: (string | number | null)[][] = [HEADER];
  for (const area of report.areas) {
    for (const column of report.columns) {
      const cell = area.cells[column.key]!;
      rows.push([area.name, column.kind, column.element, column.group, cell.status, cell.change ?? '', cell.file, cell.line, cell.evidence, cell.ruleId, cell.citation]);
    }
    for (const f of area.findings) {
      rows.push([area.name, 'area', f.element, '', f.severity, f.change ?? '', f.file, null, f.message, f.ruleId, f.citation]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
};
