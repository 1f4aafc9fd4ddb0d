// The explicit registry of audit formats: file name = export name = --format value.
import type { AuditReporter, AuditStreamReporter } from './types.js';
import { terminal, terminalStream } from './terminal.js';
import { csv, csvStream } from './csv.js';
import { json, jsonStream } from './json.js';
import { html, htmlStream } from './html.js';

export const auditReporters = { terminal, csv, json, html } as const satisfies Record<string, AuditReporter>;

export type AuditFormatName = keyof typeof auditReporters;
export const AUDIT_FORMAT_NAMES = Object.keys(auditReporters) as AuditFormatName[];

/** The same formats written area by area (`audit` streams; the string reporters above are these, in memory). */
export const auditStreamReporters: Record<AuditFormatName, AuditStreamReporter> = { terminal: terminalStream, csv: csvStream, json: jsonStream, html: htmlStream };
