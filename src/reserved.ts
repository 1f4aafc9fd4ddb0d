// Findings about the input itself rather than a requirement: they belong to no pack.
import type { Finding, Place, Severity } from './types.js';

export interface ReservedRule {
  ruleId: string;
  severity: Severity;
  citation: string;
  help: string;
}

export const RESERVED = {
  parseError: {
    ruleId: 'parse-error',
    severity: 'error',
    citation: 'wtlint input: Markdown with YAML front matter, or YAML, in UTF-8 (README, "Front matter")',
    help: 'Fix the document at the position given so that it reads as Markdown with YAML front matter, or as YAML; then run wtlint again.',
  },
  internalError: {
    ruleId: 'internal-error',
    severity: 'error',
    citation: 'wtlint itself (not the guidance)',
    help: 'This is a fault in wtlint, not in the document. Run with --debug and report it; the rule can be turned off in the config meanwhile.',
  },
  documentKind: {
    ruleId: 'document-kind',
    severity: 'error',
    citation: 'wtlint front matter contract: `kind` (README, "Front matter")',
    help: 'Add `kind:` to the front matter (arrangements, yearly-report, cdr-arrangements or cdr-report) so wtlint knows which requirements apply.',
  },
  documentEdition: {
    ruleId: 'document-edition',
    severity: 'error',
    citation: 'wtlint front matter contract: `edition` (README, "Front matter")',
    help: 'Set `edition: 2018` or `edition: 2023` (the Working Together edition the document follows), or remove it to let wtlint infer it from the dates.',
  },
  documentMetadata: {
    ruleId: 'document-metadata',
    severity: 'info',
    citation: 'wtlint input: HTML pages and Word documents take their metadata from a sidecar file (docs/html-and-word.md, "Metadata")',
    help: 'Check the inferred value. To state it instead, put a sidecar beside the document (page.html.yaml for page.html) with the same keys as front matter: kind, area, edition, published.',
  },
  disableDirective: {
    ruleId: 'disable-directive',
    severity: 'warning',
    citation: 'wtlint inline disables: <!-- wtlint-disable rule -- reason --> (README, "Inline disables")',
    help: 'Name a rule wtlint knows (a ruleId such as wt2023/funding, or an element such as funding), give the reason after `--`, and remove directives that no longer suppress anything.',
  },
  fetchFailed: {
    ruleId: 'fetch-failed',
    severity: 'error',
    citation: 'wtlint fetch: documents named by URL in areas.yaml (docs/audit.md, "Fetching the documents")',
    help: 'Check the URL in the manifest (the document may have moved) and what `wtlint fetch` said about it, then run `wtlint fetch` again.',
  },
  baseline: {
    ruleId: 'baseline',
    severity: 'warning',
    citation: 'wtlint baseline file (wtlint-baseline.yaml; README, "Baselines")',
    help: 'Run `wtlint baseline` again to refresh the file, or edit the entry: lower its count, remove it, or give a new `until` date with a reason.',
  },
} as const satisfies Record<string, ReservedRule>;

export function reservedFinding(
  rule: ReservedRule,
  messageId: string,
  message: string,
  place: Place,
  severity: Severity = rule.severity,
): Finding {
  return {
    ruleId: rule.ruleId,
    element: rule.ruleId,
    severity,
    message,
    messageId,
    line: place.line,
    column: place.column,
    citation: rule.citation,
    help: rule.help,
  };
}
