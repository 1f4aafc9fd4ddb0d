// What `audit` and `merge` share: reading earlier audit JSON, rendering, writing.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { UsageError } from '../engine/errors.js';
import { chunkedWriter, writeFileAtomicWith } from '../engine/files.js';
import type { AuditFormatName } from '../audit/report/index.js';
import { headOf, renderedParts } from '../audit/report/stream.js';
import type { AuditReportContext, AuditReportHead, AuditStreamReporter, Piece } from '../audit/report/types.js';
import type { AuditReport } from '../audit/types.js';

/** Where a report goes: the working folder for -o, standard output, and whether it is a terminal (colour). */
export interface ReportIO {
  cwd: string;
  stdout: (text: string) => void;
  isTTY: boolean;
}

export interface AuditOutputFlags {
  format: AuditFormatName;
  output?: string;
  color?: boolean;
}

/** An audit JSON written by `wtlint audit --format json` (or merge); anything else is a usage error. */
export function readAuditJson(path: string, io: ReportIO, what: string): AuditReport {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(resolve(io.cwd, path), 'utf8'));
  } catch (error) {
    const reason = error instanceof SyntaxError ? 'not JSON' : ((error as NodeJS.ErrnoException).code ?? 'unreadable');
    throw new UsageError(`Cannot read ${what} ${path} (${reason})`, 'Give a file written by `wtlint audit --format json`.');
  }
  const report = data as Partial<AuditReport> | null;
  if (
    !report ||
    report.report !== 'wtlint-audit' ||
    report.version !== 1 ||
    !Array.isArray(report.areas) ||
    !report.provenance ||
    !Array.isArray(report.columns)
  ) {
    throw new UsageError(`${path} is not a wtlint audit JSON (version 1)`, 'Give a file written by `wtlint audit --format json`.');
  }
  return report as AuditReport;
}

export function auditContext(flags: AuditOutputFlags, io: ReportIO): AuditReportContext {
  return { style: new Chalk({ level: (flags.color ?? (io.isTTY && !flags.output)) ? 1 : 0 }) };
}

/** A whole report in memory (merge). */
export function writeAuditReport(report: AuditReport, stream: AuditStreamReporter, flags: AuditOutputFlags, io: ReportIO): void {
  const parts = renderedParts(report, stream, auditContext(flags, io));
  writeAuditHead(headOf(report), parts, stream, flags, io);
}

/** The report around the areas' parts (from memory or a spool), written in pieces to --output or stdout by the format's `stream`. */
export function writeAuditHead(
  head: AuditReportHead,
  parts: (index: number) => Iterable<Piece>,
  stream: AuditStreamReporter,
  flags: AuditOutputFlags,
  io: ReportIO,
): void {
  const ctx = auditContext(flags, io);
  const produce = (write: (bytes: Uint8Array) => void) => {
    const writer = chunkedWriter(write);
    stream.write(head, parts, writer.push, ctx);
    writer.flush();
  };
  if (flags.output) writeFileAtomicWith(resolve(io.cwd, flags.output), produce);
  else produce((bytes) => io.stdout(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8')));
}
