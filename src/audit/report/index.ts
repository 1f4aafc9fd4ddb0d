// The explicit registry of audit formats: file name = export name = --format value.
import type { AuditReporter } from './types.js';
import { terminal } from './terminal.js';
import { csv } from './csv.js';
import { json } from './json.js';
import { html } from './html.js';

export const auditReporters = { terminal, csv, json, html } as const satisfies Record<string, AuditReporter>;

export type AuditFormatName = keyof typeof auditReporters;
export const AUDIT_FORMAT_NAMES = Object.keys(auditReporters) as AuditFormatName[];
