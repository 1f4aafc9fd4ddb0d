import type { ChalkInstance } from 'chalk';
import type { AuditReport } from '../types.js';

export interface AuditReportContext {
  /** Colours: a chalk instance at level 0 when colour is off. */
  style: ChalkInstance;
}

/** Like a check reporter: the whole audit in, one string out; never prints. */
export type AuditReporter = (report: AuditReport, ctx: AuditReportContext) => string;
