// `agency-categories`: each relevant agency the document names (`relevant_agencies`, and the list
// items and table rows of a "Relevant agencies" section) matched to a category of the Schedule to SI 2018/789,
// by name phrases kept as data. A name that matches none is for a person to confirm.
import { defineCheck, type RawResult } from '../kind.js';
import { at, valueAt } from '../field-values.js';
import { LABELLED_PHRASES, matcherOf, PHRASE_LIST } from '../phrase-lists.js';
import type { PhraseItem } from '../../pack/phrases.js';
import { sectionsMatching } from '../sections.js';

export interface AgencyCategoriesOptions {
  field?: string;
  headings?: PhraseItem[];
  categories: { id: string; label: string; match: PhraseItem[] }[];
}

const MAX_NAME = 80;

export const agencyCategories = defineCheck<AgencyCategoriesOptions>({
  description:
    'Each relevant agency named in `field` (a name, or {name, category}) or as a list item or table row under `headings` matches one of `categories` (by its name phrases, or a stated category id); an unmatched name is reported for a person to confirm.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['categories'],
    properties: {
      field: { type: 'string', pattern: '^/' },
      headings: PHRASE_LIST,
      categories: LABELLED_PHRASES,
    },
  },
  messages: {
    unmatched:
      '"{{name}}" matches no category of relevant agency in the Schedule to SI 2018/789: confirm that it is a relevant agency, or give its category',
    'unknown-category': '"{{name}}" is given the category "{{category}}", which is not one of {{categories}}',
  },
  explain: (options) => ['Categories (id: what it covers):', ...options.categories.map((c) => `- ${c.id}: ${c.label}`)],
  run(ctx, options) {
    const fm = ctx.doc.frontMatter;
    const ids = new Set(options.categories.map((c) => c.id));
    const matches = (name: string) => options.categories.some((c) => matcherOf(c.match).test(name));
    const results: RawResult[] = [];
    const listed = options.field ? valueAt(fm?.data, options.field) : undefined;
    if (Array.isArray(listed)) {
      listed.forEach((item: unknown, i) => {
        const entry = typeof item === 'string' ? { name: item } : (item as { name?: unknown; category?: unknown } | null);
        if (!entry || typeof entry.name !== 'string' || !entry.name.trim()) return;
        const where = at(fm, `${options.field}/${i}`);
        if (typeof entry.category === 'string' && entry.category.trim()) {
          if (!ids.has(entry.category))
            results.push({
              messageId: 'unknown-category',
              data: { name: entry.name, category: entry.category, categories: [...ids].join(', ') },
              ...where,
            });
        } else if (!matches(entry.name)) {
          results.push({ messageId: 'unmatched', data: { name: entry.name }, ...where });
        }
      });
    }
    for (const section of sectionsMatching(ctx.doc, options.headings)) {
      section.blocks.forEach((block, i) => {
        // A list item, or a table row below the header row (a table's first row is its header).
        const bodyRow = block.kind === 'table-row' && section.blocks[i - 1]?.kind === 'table-row';
        const name = block.text.replace(/\s+/g, ' ').trim();
        if (!(block.listItem || bodyRow) || matches(name)) return;
        results.push({
          messageId: 'unmatched',
          data: { name: name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name },
          place: { line: block.line, column: block.column },
        });
      });
    }
    return results;
  },
});
