// A rule pack as written in rules/<pack>.yaml (validated by schemas/rule-pack.schema.json).
// Detection and placeholders name phrase sets of rules/phrases.yaml (src/pack/phrases.ts).
import type { DocumentKind, Severity } from '../types.js';

/** A sentence matches a cue when it matches every phrase set named in `all`. */
export interface SentenceCue {
  all: string[];
}

/** How an element is recognised: a structured field, a heading, or a sentence that deals with it. */
export interface Detection {
  fields?: string[];
  headings?: string[];
  sentences?: SentenceCue[];
  /** A short section (up to 800 characters under one heading) that matches every pattern of a cue: for lists. */
  section?: SentenceCue[];
  /** Sentences that show only a weak form of the element: `partial` unless something stronger is found. */
  partial?: SentenceCue[];
  /** When given, a matching heading's section must contain one of these, or the element is `partial`. */
  qualify?: SentenceCue[];
  /** Sentences matching any of these sets never count (history, negation). */
  exclude?: string[];
}

export interface CheckSpec {
  kind: string;
  [option: string]: unknown;
}

export interface Rule {
  element: string;
  /** The document kinds the requirement applies to. */
  applies_to: DocumentKind[];
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
  placeholders: Placeholders;
  rules: Rule[];
  /** wtlint audit: matrix groups and area-level rules (src/audit/). */
  audit?: AuditSpec;
  /** wtlint migrate: what changes from the previous edition (src/migrate/). */
  migration?: MigrationItem[];
}

/** A column group of the audit matrix: elements of one document kind. */
/** Text that only holds a place (TBC, [insert]): each list names phrase sets. */
export interface Placeholders {
  /** A text that is only one of these (a full stop or exclamation mark may follow). */
  alone?: string[];
  /** A text that starts with one of these. */
  starts?: string[];
  /** The longest text that `phrases` apply to, in characters. */
  short?: number;
  /** A text of at most `short` characters that contains one of these. */
  phrases?: string[];
}

export interface AuditGroup {
  id: string;
  kind: DocumentKind;
  label: string;
  title: string;
  elements: string[];
}

/** A check across all the documents of an area; `check.kind` names an area check kind. */
export interface AreaRule {
  id: string;
  severity: Severity;
  title: string;
  citation: string;
  help: string;
  why: string;
  notes?: string[];
  check: { kind: string; [option: string]: unknown };
}

export interface AuditSpec {
  groups: AuditGroup[];
  rules: AreaRule[];
}

export interface MigrationItem {
  id: string;
  title: string;
  /** A rule of the pack (for arrangements) whose detection marks the item done. */
  element?: string;
  /** Detection of its own, used instead of the element's. */
  detect?: Detection;
  /** Front-matter values that show the item done: a field (`*` for each list item) whose text matches the named phrase set. */
  values?: { field: string; matches: string }[];
  change: string;
  citation: string;
}
