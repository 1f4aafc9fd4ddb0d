import type { ChalkInstance } from 'chalk';
import type { AreaResult, AuditReport } from '../types.js';
import type { AuditLayout } from '../spec.js';

export interface AuditReportContext {
  /** Colours: a chalk instance at level 0 when colour is off. */
  style: ChalkInstance;
}

/** Like a check reporter: the whole audit in, one string out; never prints. */
export type AuditReporter = (report: AuditReport, ctx: AuditReportContext) => string;

/** What a report says of an area outside its own parts: the matrix line (terminal) and the totals. */
export interface AreaLine {
  name: string;
  groups: AreaResult['groups'];
  counts: AreaResult['counts'];
}

/** The report without the areas' detail: what `audit` keeps in memory while areas stream past. */
export interface AuditReportHead extends Omit<AuditReport, 'areas'> {
  /** One line per area, in report (name) order. */
  areas: AreaLine[];
}

/**
 * A format written area by area: `parts` renders one area as soon as it is evaluated (its
 * detail can then be dropped), `write` emits the report around the areas' parts, which it
 * reads back in name order. `parts` returns the same number of strings for every area.
 * Parts come back as text or as its UTF-8 bytes (from a spool: passed through undecoded).
 */
export interface AuditStreamReporter {
  parts(area: AreaResult, layout: AuditLayout, ctx: AuditReportContext): string[];
  write(head: AuditReportHead, parts: (index: number) => Iterable<Piece>, out: (piece: Piece) => void, ctx: AuditReportContext): void;
}

/** Report text, or UTF-8 bytes of it. */
export type Piece = string | Uint8Array;
