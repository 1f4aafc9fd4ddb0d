// What a reporter says about a rule (title, why, default level, link): from the pack
// metadata in ctx.rules, else from wtlint's reserved rules, else from the finding itself.
import { RESERVED } from '../reserved.js';
import type { Finding, Severity } from '../types.js';
import type { ReportContext } from './types.js';

export interface RuleInfo {
  ruleId: string;
  element: string;
  title: string;
  why: string;
  help: string;
  citation: string;
  severity: Severity;
  url?: string;
}

const RESERVED_BY_ID = new Map<string, (typeof RESERVED)[keyof typeof RESERVED]>(Object.values(RESERVED).map((r) => [r.ruleId, r]));

/** "parse-error" → "Parse error". */
function humanise(id: string): string {
  const words = id.replace(/^.*\//, '').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function ruleInfo(finding: Finding, ctx: ReportContext): RuleInfo {
  const meta = ctx.rules.find((r) => r.ruleId === finding.ruleId);
  if (meta) {
    return {
      ruleId: meta.ruleId,
      element: meta.element,
      title: meta.title,
      why: meta.why,
      help: meta.help,
      citation: meta.citation,
      severity: meta.severity as Severity,
      ...(meta.url ? { url: meta.url } : {}),
    };
  }
  const reserved = RESERVED_BY_ID.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    element: finding.element,
    title: humanise(finding.ruleId),
    why: reserved?.help ?? finding.help,
    help: reserved?.help ?? finding.help,
    citation: reserved?.citation ?? finding.citation,
    severity: reserved?.severity ?? finding.severity,
    ...(finding.url ? { url: finding.url } : {}),
  };
}

/** "Accepted deviation: <reason> (until <date>)", or "": the words every format uses. */
export function acceptedNote(finding: Finding): string {
  if (!finding.accepted) return '';
  const until = finding.accepted.until ? ` (until ${finding.accepted.until})` : '';
  return `Accepted deviation: ${finding.accepted.reason.replace(/[\s.]+$/, '')}${until}`;
}

/** "12:1", or "12:1 p. 4" for a PDF: the line of its recovered text and the page it is on. */
export function placeOf(finding: Pick<Finding, 'line' | 'column' | 'page'>): string {
  return `${finding.line}:${finding.column}${finding.page !== undefined ? ` p. ${finding.page}` : ''}`;
}

/** The finding's message, with the accepted-deviation note after it when there is one. */
export function messageOf(finding: Finding): string {
  const note = acceptedNote(finding);
  return note ? `${finding.message.replace(/[\s.]+$/, '')}. ${note}.` : finding.message;
}
