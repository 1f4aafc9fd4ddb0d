// `present`: the element is addressed by a field, a heading with content, or a sentence.
import { defineCheck } from '../kind.js';
import { DOCUMENT_START } from '../../parse/locate.js';
import type { Evidence, EvidenceGap } from '../../types.js';

export const present = defineCheck<Record<string, never>>({
  description:
    'The element is evidenced by a front-matter field, a heading whose section has real content, or a sentence that deals with it (detection data in `detect`).',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  messages: {
    missing: '{{title}} not addressed: expected {{expected}}',
    partial: '{{title}} is only partly addressed: {{evidence}}',
  },
  run(ctx) {
    const element = ctx.element;
    if (!element || element.status === 'present' || element.status === 'not-applicable') return [];
    const d = ctx.rule.detect ?? {};
    const expected = [
      d.headings?.length ? 'a section on it' : null,
      d.sentences?.length ? 'a sentence that deals with it' : null,
      d.fields?.length ? `the \`${d.fields[0]!.replace(/^\//, '').replace(/\//g, '.')}\` field` : null,
    ];
    if (element.status === 'missing') {
      return [{ messageId: 'missing', data: { expected: joinOr(expected) }, place: DOCUMENT_START }];
    }
    const first = element.evidence[0];
    const page = first && ctx.doc.linePages?.[first.line - 1];
    const where = first ? describePartial(first, page) : 'weak evidence only';
    return [
      {
        messageId: 'partial',
        data: { evidence: where },
        place: first ? { line: first.line, column: first.column } : DOCUMENT_START,
      },
    ];
  },
});

/** What a section lacks, said of the section (the heading's text is quoted as it stands). */
const GAP: Record<EvidenceGap, string> = {
  'placeholder-only': 'holds only a placeholder',
  empty: 'is empty',
  'placeholders-left': 'still holds placeholders',
  'not-covered': 'does not cover what the guidance expects',
};

/** `the "Funding" section at line 58 holds only a placeholder`; evidence with no gap is quoted as it is. */
function describePartial(evidence: Evidence, page?: number): string {
  const at = `line ${evidence.line}${page ? ` (p. ${page})` : ''}`;
  const under = evidence.section ? ` (under "${evidence.section}")` : '';
  if (evidence.gap) return `the "${evidence.text}" section at ${at}${under} ${GAP[evidence.gap]}`;
  return `${evidence.via} "${evidence.text}" at ${at}${under}`;
}

function joinOr(items: (string | null)[]): string {
  const list = items.filter((i): i is string => Boolean(i));
  if (list.length <= 1) return list[0] ?? 'it to be addressed';
  return `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}
