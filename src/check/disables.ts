// Inline disables: a filter over findings after the checks (ESLint apply-disable-directives,
// remark message-control). Directives live in comments:
//   Markdown  <!-- wtlint-disable rule[, rule…] -- reason -->   <!-- wtlint-enable rule -->
//             <!-- wtlint-disable-next-line rule -- reason -->  <!-- wtlint-disable-line rule -- reason -->
//   YAML      # wtlint-disable-line rule -- reason   (and the same four directives)
// A rule is a ruleId (wt2023/vcse) or an element (vcse); no rule means every rule.
// A `wtlint-disable` that no later `wtlint-enable` closes covers the whole file, lines
// above it included: a missing element is reported at 1:1, above any comment.
import { RESERVED, reservedFinding, type ReservedMessage } from '../reserved.js';
import type { Comment } from '../parse/comments.js';
import type { Finding } from '../types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids or elements; empty means every rule. */
  rules: string[];
  reason?: string;
  line: number;
  column: number;
  endLine: number;
}

export interface DisableOptions {
  /** Whether a ruleId or element names a rule wtlint knows. */
  isKnownRule: (rule: string) => boolean;
  reportUnused?: boolean;
  requireReason?: boolean;
}

const DIRECTIVE = /^\s*wtlint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;
const LOOKS_LIKE_DIRECTIVE = /^\s*wtlint-[a-z-]*/;

/** A comment's directive, `unknown` for a `wtlint-…` word that is none, or null for an ordinary comment. */
export function parseDirective(comment: Comment): Directive | { unknown: string } | null {
  const match = DIRECTIVE.exec(comment.text);
  if (!match) {
    const word = LOOKS_LIKE_DIRECTIVE.exec(comment.text);
    return word ? { unknown: word[0].trim() } : null;
  }
  const [, kind, rest] = match as unknown as [string, DirectiveKind, string];
  const split = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const rulesText = split ? rest.slice(0, split.index) : rest;
  const reason = split ? rest.slice(split.index + split[0].length).trim() : '';
  const directive: Directive = {
    kind,
    rules: rulesText.split(/[\s,]+/).filter(Boolean),
    line: comment.line,
    column: comment.column,
    endLine: comment.endLine,
  };
  if (reason) directive.reason = reason;
  return directive;
}

interface Use {
  directive: Directive;
  rule: string; // '' for "every rule"
  used: boolean;
}

const matches = (rule: string, f: Finding) => rule === '' || rule === f.ruleId || rule === f.element;
const before = (a: { line: number; column: number }, b: { line: number; column: number }) =>
  a.line < b.line || (a.line === b.line && a.column <= b.column);

/** Removes the findings the directives disable; adds findings about the directives themselves. */
export function applyDisables(findings: Finding[], comments: Comment[], options: DisableOptions): Finding[] {
  const own: Finding[] = [];
  const directives: Directive[] = [];
  for (const comment of comments) {
    const parsed = parseDirective(comment);
    if (!parsed) continue;
    if ('unknown' in parsed) {
      own.push(directiveFinding({ messageId: 'unknown-directive', data: { word: parsed.unknown } }, comment));
      continue;
    }
    directives.push(parsed);
    for (const rule of parsed.rules) {
      if (!options.isKnownRule(rule)) {
        own.push(directiveFinding({ messageId: 'unknown-rule', data: { kind: parsed.kind, rule } }, parsed));
      }
    }
    if (options.requireReason && parsed.kind !== 'enable' && !parsed.reason) {
      const { kind, rules } = parsed;
      const message = rules.length
        ? ({ messageId: 'missing-reason', variant: 'rules', data: { kind, rules: rules.join(', ') } } as const)
        : ({ messageId: 'missing-reason', variant: 'all', data: { kind } } as const);
      own.push(directiveFinding(message, parsed, 'error'));
    }
  }

  // Block directives: walk them in order, keeping which uses are open; what is still open at the end covers the whole file.
  const blocks: { use: Use; from: Directive; to: Directive | null }[] = [];
  const lines: { use: Use; line: number }[] = [];
  const uses: Use[] = [];
  let open: { use: Use; from: Directive }[] = [];
  for (const d of directives) {
    if (d.kind === 'enable') {
      const closing = d.rules.length === 0 ? open : open.filter((o) => d.rules.includes(o.use.rule));
      for (const o of closing) blocks.push({ use: o.use, from: o.from, to: d });
      open = open.filter((o) => !closing.includes(o));
      continue;
    }
    for (const rule of d.rules.length ? d.rules : ['']) {
      const use: Use = { directive: d, rule, used: false };
      uses.push(use);
      if (d.kind === 'disable') open.push({ use, from: d });
      else lines.push({ use, line: d.kind === 'disable-line' ? d.line : d.endLine + 1 });
    }
  }
  const wholeFile = open.map((o) => o.use);

  const kept = findings.filter((f) => {
    if (f.ruleId === RESERVED.disableDirective.ruleId) return true;
    let suppressed = false;
    const mark = (use: Use) => {
      if (matches(use.rule, f)) {
        use.used = true;
        suppressed = true;
      }
    };
    for (const use of wholeFile) mark(use);
    for (const b of blocks) if (before(b.from, f) && b.to && !before(b.to, f)) mark(b.use);
    for (const l of lines) if (l.line === f.line) mark(l.use);
    return !suppressed;
  });

  if (options.reportUnused) {
    for (const use of uses) {
      if (use.used || (use.rule && !options.isKnownRule(use.rule))) continue;
      const kind = use.directive.kind;
      const message = use.rule
        ? ({ messageId: 'unused', variant: 'rule', data: { kind, rule: use.rule } } as const)
        : ({ messageId: 'unused', variant: 'all', data: { kind } } as const);
      own.push(directiveFinding(message, use.directive, 'error'));
    }
  }
  return [...kept, ...own];
}

function directiveFinding(
  message: ReservedMessage<typeof RESERVED.disableDirective.messages>,
  place: { line: number; column: number },
  severity?: 'error',
): Finding {
  return reservedFinding(RESERVED.disableDirective, message, { line: place.line, column: place.column }, severity);
}
