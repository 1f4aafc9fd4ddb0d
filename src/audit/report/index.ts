// The audit formats (audit and merge): --format name → its reporter, imported on first use. This
// map is both the list of formats and the loader; file name = --format value. Each format is
// written area by area (AuditStreamReporter); inMemory (stream.ts) makes the whole-report string.
import type { AuditStreamReporter } from './types.js';

export const auditReporters = {
  terminal: async () => (await import('./terminal.js')).terminalStream,
  csv: async () => (await import('./csv.js')).csvStream,
  json: async () => (await import('./json.js')).jsonStream,
  html: async () => (await import('./html.js')).htmlStream,
} as const satisfies Record<string, () => Promise<AuditStreamReporter>>;

export type AuditFormatName = keyof typeof auditReporters;
export const AUDIT_FORMAT_NAMES = Object.keys(auditReporters) as AuditFormatName[];
