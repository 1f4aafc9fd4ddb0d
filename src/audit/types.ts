// wtlint audit: plain JSON shapes (they cross worker threads and make up --format json,
// which `wtlint merge` and `--compare` read back).
import type { DocumentKind, ElementStatus, Finding } from '../types.js';
import type { SourceRecord } from '../fetch/types.js';

/** What the audit keeps of one document: the lint result, compacted, plus the facts area checks need. */
export interface AuditDocument {
  file: string;
  /** sha256 of the bytes read, hex; null when the file could not be read. */
  sha256: string | null;
  bytes: number;
  kind: DocumentKind | null;
  edition: string | null;
  /** The area the document names (front matter `area`, else its title). */
  area: string | null;
  published: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  partners: string[];
  localAuthorities: string[];
  elements: Record<string, ElementStatus>;
  /** The first evidence per element: where a reader can check the status. */
  evidence: Record<string, { line: number; text: string }>;
  findings: Finding[];
  /** Keys read from the text because no front matter or sidecar gave them (kind, edition, …); absent when none. */
  inferred?: string[];
  /** Where the document was fetched from and when (its sidecar's `source`, written by wtlint fetch); null for a document put there by hand. */
  source: SourceRecord | null;
  /**
   * The latest `wtlint fetch` of the document failed. Without a copy (`copy: false`) the
   * document is unavailable: `file` is its URL, and it has no elements; with one, the copy
   * from an earlier run is what was audited.
   */
  fetchFailure: { url: string; reason: string; date: string; copy: boolean } | null;
}

/** A matrix cell's status: an element's, or `unavailable` when the document it would come from could not be fetched. */
export type CellStatus = ElementStatus | 'unavailable';

/** A matrix column: one element of one document kind. */
export interface AuditColumn {
  key: string; // "arrangements/funding"
  kind: DocumentKind;
  element: string;
  title: string;
  group: string;
}

export interface AuditGroupColumn {
  id: string;
  kind: DocumentKind;
  label: string;
  title: string;
  columns: string[];
}

export type Change = 'newly-missing' | 'resolved';

export interface AuditCell {
  status: CellStatus;
  /** The document the status comes from (the area's latest of that kind), or null when it has none. */
  file: string | null;
  line: number | null;
  evidence: string;
  ruleId: string | null;
  citation: string;
  change?: Change;
}

export interface AreaFinding extends Finding {
  /** The area check kind that produced it (has-document, report-due, …). */
  check: string;
  /** The document it is about, when one. */
  file: string | null;
  /** Facts behind the finding (due date, dates compared), for reports. */
  data: Record<string, string | number>;
  change?: 'new';
}

export interface AreaResult {
  name: string;
  /** The pack whose area rules applied (the one in force on the as-of date). */
  pack: string;
  documents: AuditDocument[];
  cells: Record<string, AuditCell>;
  groups: Record<string, CellStatus>;
  findings: AreaFinding[];
  counts: { errors: number; warnings: number; infos: number };
}

export interface OverdueEntry {
  area: string;
  /** Which report: "yearly report" or "child death review report"; absent in audits written before there were two (the yearly report). */
  document?: string;
  ruleId: string;
  messageId: string;
  latest: string | null;
  due: string | null;
  daysOverdue: number | null;
}

export interface AuditProvenance {
  tool: 'wtlint';
  wtlint: string;
  packs: { pack: string; edition: string; sha256: string }[];
  /**
   * The other rule files a result rests on, each with the sha256 of its file: the phrase
   * vocabulary the packs' detection is written in, the inference rules, the bank holiday calendar.
   */
  ruleData: { file: string; sha256: string }[];
  asOf: string;
  root: string;
  shard: { index: number; total: number } | null;
  /** Shard files merged into this report, in order. */
  mergedFrom: string[];
  inputs: {
    file: string;
    sha256: string | null;
    edition: string | null;
    kind: DocumentKind | null;
    url: string | null;
    retrieved: string | null;
    inferred?: string[];
  }[];
}

export interface AuditComparison {
  previousAsOf: string;
  /**
   * What the previous audit was made with that this one was not: another wtlint version, a pack
   * or a rule file of `provenance.ruleData` changed (empty when the same). A change then may come
   * from the rules, not the documents. Absent in reports written before it was recorded.
   */
  rulesChanged?: string[];
  newlyMissing: { area: string; column: string }[];
  resolved: { area: string; column: string }[];
  newFindings: { area: string; ruleId: string }[];
  resolvedFindings: { area: string; ruleId: string }[];
}

export interface AuditSummary {
  areas: number;
  documents: number;
  areasWithErrors: number;
  errors: number;
  warnings: number;
  infos: number;
  /** Per column: how many areas have the element present / partial / missing, and how many could not be judged because the document could not be fetched (not-applicable excluded; `applicable` counts the areas judged). */
  columns: Record<string, StatusTally>;
  groups: Record<string, StatusTally>;
}

export interface StatusTally {
  present: number;
  partial: number;
  missing: number;
  unavailable: number;
  applicable: number;
}

export interface AuditReport {
  version: 1;
  report: 'wtlint-audit';
  provenance: AuditProvenance;
  groups: AuditGroupColumn[];
  columns: AuditColumn[];
  areas: AreaResult[];
  overdue: OverdueEntry[];
  summary: AuditSummary;
  comparison: AuditComparison | null;
}
