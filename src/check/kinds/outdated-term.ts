// `outdated-term`: a body that was renamed, replaced or closed, named as if current in a document
// dated on or after the change (a CCG after 1 July 2022). Each term carries its date, what
// replaced it and the source, as data. Sentences that quote it or tell history ("formerly the
// LSCB", "until 2019") are not flagged, nor a term inside quotation marks.
import { anyOf, type AnyMatcher } from '../../extract/detection.js';
import { defineCheck, type RawResult } from '../kind.js';
import { at, valuesAt } from '../field-values.js';
import { matcherOf, PHRASE_LIST } from '../phrase-lists.js';
import { itemsSource, type PhraseItem } from '../../pack/phrases.js';
import { blockSentences, foldedText } from '../../extract/elements.js';
import { placeInBlock } from '../../parse/markdown.js';
import type { Place } from '../../types.js';

export interface Term {
  term: string;
  match: PhraseItem[];
  /** The first day on which naming the body as current is outdated, YYYY-MM-DD. */
  from: string;
  replacement: string;
  reason: string;
  source: string;
  /** The current name: a sentence that gives it as well is not flagged. */
  current?: PhraseItem[];
}

export interface OutdatedTermOptions {
  terms: Term[];
  /** Front-matter fields naming current bodies, e.g. /partners/∗/name. */
  fields?: string[];
  /** Sentences matching any of these tell history or quote: not flagged. */
  history?: PhraseItem[];
  /** Whether to read the body text (default true). */
  body?: boolean;
}

export const outdatedTerm = defineCheck<OutdatedTermOptions>({
  description:
    "Names of renamed or replaced bodies (`terms`, each with the date from which it is outdated, its replacement and source) used as current in a document dated (published, else the period's end, else --as-of) on or after that date: in the listed front-matter `fields` and in the body, except in sentences matching `history` and inside quotation marks.",
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['terms'],
    properties: {
      terms: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['term', 'match', 'from', 'replacement', 'reason', 'source'],
          properties: {
            term: { type: 'string', minLength: 1 },
            match: PHRASE_LIST,
            from: { type: 'string', format: 'date' },
            replacement: { type: 'string', minLength: 1 },
            reason: { type: 'string', minLength: 1 },
            source: { type: 'string', minLength: 1 },
            current: PHRASE_LIST,
          },
        },
      },
      fields: { type: 'array', items: { type: 'string', pattern: '^/' } },
      history: PHRASE_LIST,
      body: { type: 'boolean' },
    },
  },
  messages: {
    outdated: '"{{found}}" ({{term}}) in a document dated {{date}}: {{reason}}; name {{replacement}} instead',
  },
  explain: (options) =>
    options.terms.map((t) => `${t.term}: outdated from ${t.from}; ${t.reason}. Use ${t.replacement}. Source: ${t.source}.`),
  run(ctx, options) {
    const date = ctx.meta.date ?? ctx.asOf;
    const terms = options.terms.filter((t) => t.from <= date);
    if (terms.length === 0) return [];
    const history = options.history?.length ? matcherOf(options.history) : null;
    const results: RawResult[] = [];
    const report = (term: Term, found: string, where: { place: Place; path?: (string | number)[] }) =>
      results.push({
        messageId: 'outdated',
        data: { found, term: term.term, date, reason: term.reason, replacement: term.replacement },
        ...where,
      });

    const fm = ctx.doc.frontMatter;
    for (const pointer of options.fields ?? []) {
      for (const { value, path } of valuesAt(fm?.data, pointer)) {
        if (typeof value !== 'string' || history?.test(value)) continue;
        for (const term of terms) {
          const match = matcherOf(term.match).for(value).exec(value);
          if (match) report(term, match[0], at(fm, `/${path.join('/')}`));
        }
      }
    }
    if (options.body === false) return results;
    // Most blocks name no outdated body: one prefiltered test of all the terms skips them before any sentence work.
    const anyTerm = termGate(options.terms, terms);
    for (const block of ctx.doc.blocks) {
      // (The block's text as its sentences read it: a name wrapped across a line break is found.)
      const split = blockSentences(block);
      if (!anyTerm.mayOccurIn(foldedText(split))) continue;
      const { sentences } = split;
      for (const sentence of sentences) {
        // The terms first: the history phrases are many, and most sentences of such a block name no term.
        if (!anyTerm.test(sentence.text) || history?.test(sentence.text)) continue;
        for (const term of terms) {
          // "Foundations, the What Works Centre for Children's Social Care": the current name is given too.
          if (term.current?.length && matcherOf(term.current).test(sentence.text)) continue;
          for (const match of sentence.text.matchAll(matcherOf(term.match, true).for(sentence.text))) {
            if (quoted(sentence.text, match.index)) continue;
            const start = placeInBlock(block, sentence.offset + match.index);
            const end = placeInBlock(block, sentence.offset + match.index + match[0].length);
            const place: Place = end.line === start.line ? { ...start, endLine: end.line, endColumn: end.column } : start;
            report(term, match[0], { place });
          }
        }
      }
    }
    return results;
  },
});

/** Per rule's term list: the gate of each subset of it in force (by the terms' indexes). */
const gates = new WeakMap<Term[], Map<string, AnyMatcher>>();

/**
 * All the in-force terms' phrases as one matcher with a literal prefilter, made once per rule and
 * subset (a document's date leaves out the terms not yet outdated), not once per document.
 */
function termGate(all: Term[], terms: Term[]): AnyMatcher {
  let byKey = gates.get(all);
  if (!byKey) gates.set(all, (byKey = new Map()));
  const key = terms.length === all.length ? '' : terms.map((t) => all.indexOf(t)).join(',');
  let gate = byKey.get(key);
  if (!gate) {
    gate = anyOf(terms.flatMap((t) => t.match.map((item) => itemsSource([item]))));
    byKey.set(key, gate);
  }
  return gate;
}

/** Inside quotation marks: after an unclosed “, ‘ or an odd number of straight double quotes. */
function quoted(text: string, index: number): boolean {
  const before = text.slice(0, index);
  const count = (pattern: RegExp) => (before.match(pattern) ?? []).length;
  return count(/"/g) % 2 === 1 || count(/“/g) > count(/”/g) || /‘[^’]*$/u.test(before);
}
