// Plain JSON shapes (no classes, no Date, no functions) so results can cross worker
// threads, go into golden files and into --format json unchanged.
import type { Limits } from './parse/limits.js';

export type Severity = 'error' | 'warning' | 'info';
export type ElementStatus = 'present' | 'partial' | 'missing' | 'not-applicable';
export type DocumentKind = 'arrangements' | 'yearly-report';
export const DOCUMENT_KINDS: readonly DocumentKind[] = ['arrangements', 'yearly-report'];

/** A document as text. The shell reads and decodes files; the core sees only this. */
export interface Source {
  path: string;
  text: string;
}

/** A 1-based place in a source file. */
export interface Place {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A PDF: the page the line is on (lines count through the text recovered from the whole PDF). */
  page?: number;
}

export interface Finding extends Place {
  ruleId: string; // "<pack>/<element>", or a reserved id: parse-error, internal-error
  element: string;
  severity: Severity;
  message: string;
  messageId: string;
  path?: (string | number)[];
  citation: string;
  help: string;
  url?: string;
  /** Set when a baseline entry accepts this finding: shown in every format, not counted for the exit code. */
  accepted?: Accepted;
}

/** An accepted deviation (a baseline entry): why, and until when. */
export interface Accepted {
  reason: string;
  /** YYYY-MM-DD; after this day the deviation is no longer accepted. */
  until?: string;
}

/** What shows that an element is addressed: a reader can go to the line and check. */
export interface Evidence extends Place {
  via: 'field' | 'heading' | 'sentence';
  text: string;
  /** HTML and Word documents: the headings it sits under, "Funding › Contributions" (a line in a page is hard to find by eye). */
  section?: string;
  /** Why this evidence makes the element only partial (a section headed for it that is not finished). */
  gap?: EvidenceGap;
}

/** What a section headed for an element lacks: nothing but a placeholder, nothing at all, placeholders left among real text, or not what the guidance asks. */
export type EvidenceGap = 'placeholder-only' | 'empty' | 'placeholders-left' | 'not-covered';

export interface ElementResult {
  status: ElementStatus;
  evidence: Evidence[];
}

export interface DocumentResult {
  file: string;
  kind: DocumentKind | null;
  edition: string | null;
  area: string | null;
  elements: Record<string, ElementStatus>;
  evidence: Record<string, Evidence[]>;
  findings: Finding[];
}

export interface LintOptions {
  /** The date the document is judged at, YYYY-MM-DD. The shell supplies it. */
  asOf: string;
  /** Forces the edition (and so the pack) instead of the document's own (--edition). */
  edition?: string;
  /** The edition assumed when a document does not state one (config `edition`); otherwise inferred from dates. */
  defaultEdition?: string;
  /** Per-rule severity overrides, keyed by ruleId ("wt2023/funding") or element ("funding"). */
  severities?: Record<string, Severity | 'off'>;
  /** Report inline disable directives that suppressed nothing (--report-unused-disables). */
  reportUnusedDisables?: boolean;
  /** A disable directive without `-- reason` is a finding (config `requireDisableReason`). */
  requireDisableReason?: boolean;
  /** Resource limits (file size, YAML aliases, nesting depth, line length, YAML documents); defaults in parse/limits.ts. */
  limits?: Partial<Limits>;
}
