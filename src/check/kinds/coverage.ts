// `coverage`: a part of the document (some fields and the sections under some headings) covers
// each of a list of topics the guidance names, e.g. the kinds of cost a budget should meet.
// Silent when the part is absent, or its element (`requires`) is not present: the element's own
// `present` rule reports that.
import { defineCheck } from '../kind.js';
import { at, stringsIn, valuesAt } from '../field-values.js';
import { LABELLED_PHRASES, matcherOf, PHRASE_LIST } from '../phrase-lists.js';
import type { PhraseItem } from '../../pack/phrases.js';
import { sectionsMatching } from '../sections.js';

export interface CoverageOptions {
  /** What is read, for messages: "The funding arrangements". */
  what: string;
  /** Only when this element is present: a missing or partial one is the `present` rule's finding. */
  requires?: string;
  fields?: string[];
  headings?: PhraseItem[];
  items: { id: string; label: string; match: PhraseItem[] }[];
}

export const coverage = defineCheck<CoverageOptions>({
  description:
    'The text of the listed `fields` and of the sections under `headings` mentions each of `items` (any of its phrases); one finding per item not mentioned, at the first section heading (or field) read. With `requires`, only when that element is present.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['what', 'items'],
    anyOf: [{ required: ['fields'] }, { required: ['headings'] }],
    properties: {
      what: { type: 'string', minLength: 1 },
      requires: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
      fields: { type: 'array', items: { type: 'string', pattern: '^/' } },
      headings: PHRASE_LIST,
      items: LABELLED_PHRASES,
    },
  },
  messages: {
    uncovered: '{{what}} do not mention {{item}}',
  },
  explain: (options) => [`${options.what} should mention:`, ...options.items.map((i) => `- ${i.label}`)],
  run(ctx, options) {
    if (options.requires && ctx.elements?.[options.requires]?.status !== 'present') return [];
    const fm = ctx.doc.frontMatter;
    const fields = (options.fields ?? []).flatMap((pointer) => valuesAt(fm?.data, pointer).map((found) => ({ pointer, ...found })));
    const sections = sectionsMatching(ctx.doc, options.headings);
    const texts = [
      ...fields.flatMap((f) => stringsIn(f.value)),
      ...sections.flatMap((s) => [s.heading.text, ...s.blocks.map((b) => b.text)]),
    ].map(
      (text) => text.replace(/\s+/g, ' '), // a phrase's spaces match a line break in the source
    );
    if (texts.length === 0) return [];
    const place = sections[0]
      ? { place: { line: sections[0].heading.line, column: sections[0].heading.column } }
      : at(fm, fields[0]!.pointer);
    return options.items
      .filter((item) => !texts.some((text) => matcherOf(item.match).test(text)))
      .map((item) => ({ messageId: 'uncovered', data: { what: options.what, item: item.label }, ...place }));
  },
});
