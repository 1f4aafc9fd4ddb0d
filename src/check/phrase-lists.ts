// Phrase lists in check options (`match`, `headings`, `history`, `except`, …): the items of a
// phrase set in rules/phrases.yaml (phrases, `{ pattern, why }`), or `{ set: name }` for a whole
// set. The pack loader checks every list the options schema marks with PHRASE_LIST and puts
// each named set's items in its place; a check kind only sees phrases and patterns, compiled
// here by the vocabulary's own compiler (src/pack/phrases.ts), once per list.
import { itemsSource, type PhraseItem, type PhraseListItem } from '../pack/phrases.js';
import { PackRegExp } from '../pack/regex.js';

const ITEM = {
  oneOf: [
    { type: 'string', minLength: 1, description: 'A phrase (docs/phrasing.md).' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['pattern', 'why'],
      description: 'A raw regular expression, only where a phrase cannot say it, with the reason.',
      properties: { pattern: { type: 'string', minLength: 1 }, why: { type: 'string', minLength: 1 } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['set'],
      description: 'A phrase set of rules/phrases.yaml, by name.',
      properties: { set: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' } },
    },
  ],
} as const;

/** The schema of a phrase list; the loader finds lists by this very object. */
export const PHRASE_LIST = { type: 'array', minItems: 1, items: ITEM } as const;

/** A list of named topics, each recognised by any of its phrases: { id, label, match }. */
export const LABELLED_PHRASES = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'label', 'match'],
    properties: { id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, label: { type: 'string', minLength: 1 }, match: PHRASE_LIST },
  },
} as const;

type Schema = { properties?: Record<string, Schema>; items?: Schema } & Record<string, unknown>;

/**
 * `value` (check options) with each phrase list that `schema` marks replaced by `map`'s result;
 * `path` locates the list in the options, for messages.
 */
export function mapPhraseLists(
  schema: object,
  value: unknown,
  map: (list: PhraseListItem[], path: (string | number)[]) => unknown,
  path: (string | number)[] = [],
): unknown {
  const s = schema as Schema;
  if (schema === PHRASE_LIST) return map(value as PhraseListItem[], path);
  if (Array.isArray(value)) return s.items ? value.map((v, i) => mapPhraseLists(s.items!, v, map, [...path, i])) : value;
  if (value && typeof value === 'object' && s.properties) {
    const properties = s.properties;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, properties[k] ? mapPhraseLists(properties[k], v, map, [...path, k]) : v]),
    );
  }
  return value;
}

const compiled = [new WeakMap<PhraseItem[], PackRegExp>(), new WeakMap<PhraseItem[], PackRegExp>()];

/** A list's expression, case-insensitive (`g` for scanning with matchAll), made once per list. */
export function matcherOf(items: PhraseItem[], global = false): PackRegExp {
  const cache = compiled[global ? 1 : 0]!;
  let pattern = cache.get(items);
  if (!pattern) {
    pattern = new PackRegExp(itemsSource(items), global ? 'giu' : 'iu');
    cache.set(items, pattern);
  }
  return pattern;
}
