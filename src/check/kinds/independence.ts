// `independence`: the independent scrutineer should not work for one of the safeguarding
// partners. Their organisation or role is compared with the partners' names (`partners`) and with
// phrases for the partner bodies and their posts (council, ICB, police, Director of Children's
// Services ...), kept as data in the rule.
import { defineCheck, type RawResult } from '../kind.js';
import { at, valueAt, valuesAt } from '../field-values.js';
import { matcherOf, PHRASE_LIST } from '../phrase-lists.js';
import type { PhraseItem } from '../../pack/phrases.js';

export interface IndependenceOptions {
  /** The scrutineer's fields to test, e.g. /scrutiny/scrutineer/organisation. */
  fields: string[];
  /** The partners' names, e.g. /partners/∗/name. */
  partners?: string;
  /** Names and posts of the partner bodies. */
  bodies: { body: string; match: PhraseItem[] }[];
  /** Wording that shows a past connection only ("former", "retired"). */
  except?: PhraseItem[];
}

export const independence = defineCheck<IndependenceOptions>({
  description:
    "The scrutineer's organisation or role (`fields`) is not one of the safeguarding partners: not a partner named in `partners`, and not matching the phrases of a partner body (`bodies`), unless it matches `except` (a former post).",
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['fields', 'bodies'],
    properties: {
      fields: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^/' } },
      partners: { type: 'string', pattern: '^/' },
      bodies: {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['body', 'match'],
          properties: { body: { type: 'string', minLength: 1 }, match: PHRASE_LIST },
        },
      },
      except: PHRASE_LIST,
    },
  },
  messages: {
    'partner-named':
      'The scrutineer\'s {{field}} "{{value}}" is {{partner}}, one of the safeguarding partners: the scrutiny is not independent of the partners it scrutinises',
    'partner-body':
      'The scrutineer\'s {{field}} "{{value}}" looks like {{body}}, one of the safeguarding partners: the scrutiny is not independent of the partners it scrutinises',
  },
  run(ctx, options) {
    const data = ctx.doc.frontMatter?.data;
    if (!data) return [];
    const partners = options.partners
      ? valuesAt(data, options.partners).flatMap((p) => (typeof p.value === 'string' && p.value.trim() ? [p.value] : []))
      : [];
    const results: RawResult[] = [];
    for (const pointer of options.fields) {
      const value = valueAt(data, pointer);
      if (typeof value !== 'string' || !value.trim()) continue;
      if (options.except && matcherOf(options.except).test(value)) continue;
      const field = pointer.split('/').pop()!;
      const partner = partners.find((name) => sameBody(name, value));
      if (partner) {
        results.push({ messageId: 'partner-named', data: { field, value, partner }, ...at(ctx.doc.frontMatter, pointer) });
        continue;
      }
      const body = options.bodies.find((b) => matcherOf(b.match).test(value));
      if (body) results.push({ messageId: 'partner-body', data: { field, value, body: body.body }, ...at(ctx.doc.frontMatter, pointer) });
    }
    return results;
  },
});

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "Northshire County Council" and "northshire county council (children's services)" are the same body. */
function sameBody(partner: string, value: string): boolean {
  const a = normalise(partner);
  const b = normalise(value);
  return a.length > 0 && ` ${b} `.includes(` ${a} `);
}
