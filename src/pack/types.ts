// A rule pack as written in rules/<pack>.yaml (validated by schemas/rule-pack.schema.json).
import type { DocumentKind, Severity } from '../types.js';

/** A sentence matches a cue when it matches every pattern in `all` (case-insensitive). */
export interface SentenceCue {
  all: string[];
}

/** How an element is recognised: a structured field, a heading, or a sentence that deals with it. */
export interface Detection {
  fields?: string[];
  headings?: string[];
  sentences?: SentenceCue[];
  /** Sentences that show only a weak form of the element: `partial` unless something stronger is found. */
  partial?: SentenceCue[];
  /** When given, a matching heading's section must contain one of these, or the element is `partial`. */
  qualify?: SentenceCue[];
  /** Sentences matching any of these never count (history, negation). */
  exclude?: string[];
}

export interface CheckSpec {
  kind: string;
  [option: string]: unknown;
}

export interface Rule {
  element: string;
  kinds: DocumentKind[];
  severity: Severity;
  title: string;
  citation: string;
  help: string;
  why: string;
  example?: string;
  notes?: string[];
  /** Heading that `wtlint init` writes for this element. */
  heading?: string;
  detect?: Detection;
  checks: CheckSpec[];
}

export interface RulePack {
  pack: string;
  edition: string;
  title: string;
  source: string;
  /** The dates between which documents follow this edition: used to infer a missing edition. */
  in_force: { from: string; until?: string };
  placeholders: string[];
  rules: Rule[];
  /** What arrangements for the previous edition must add or change for this one (`wtlint migrate`). */
  migration?: MigrationItem[];
}

export interface MigrationItem {
  id: string;
  title: string;
  /** A rule of the pack (for arrangements) whose detection marks the item done. */
  element?: string;
  /** Detection of its own, used instead of the element's. */
  detect?: Detection;
  /** Front-matter values that show the item done: a field (`*` for each list item) whose text matches. */
  values?: { field: string; pattern: string }[];
  change: string;
  citation: string;
}
