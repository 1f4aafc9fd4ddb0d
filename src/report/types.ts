import type { DocumentResult } from '../types.js';
import type { ChalkInstance } from 'chalk';

export interface RuleMeta {
  ruleId: string;
  element: string;
  title: string;
  severity: string;
  citation: string;
  help: string;
  why: string;
  /** The edition of the rule's pack ("2023"). */
  edition?: string;
  /** Where to read the guidance (the pack's `source`). */
  url?: string;
  /** The document kinds the rule applies to. */
  kinds?: string[];
  /** The kinds of its checks ("present", "deadline"…): the HTML page lists the date checks. */
  checks?: string[];
}

/** What a reporter may know besides the results. Reporters never print, detect a TTY or read the clock. */
export interface ReportContext {
  /** Colours: a chalk instance at level 0 when colour is off. */
  style: ChalkInstance;
  asOf: string;
  cwd: string;
  version: string;
  rules: RuleMeta[];
  quiet: boolean;
  /** Stylish: info findings in full (citation and what to do), not one line each. */
  verbose?: boolean;
  /** The documents' text as lines (file → line 1, 2…), for reports that show it (html); read by the CLI only when one is asked for. */
  texts?: Record<string, string[]>;
}

/**
 * A check reporter: the whole report as a string. One that can also give it in `pieces`
 * (JSON, SARIF, GitLab) is written piece by piece by the CLI, never as one report-sized string.
 */
export type Reporter = ((results: DocumentResult[], ctx: ReportContext) => string) & {
  pieces?: (results: DocumentResult[], ctx: ReportContext) => Iterable<string>;
};
