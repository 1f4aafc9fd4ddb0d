// rules/inference.yaml's cues as regular expressions, compiled once per rules object: each item
// of a cue's list on its own (the first that matches a block is the one quoted), by the phrase
// compiler of the packs, a space matching any run of spaces since blocks are read as they stand.
import type { CueWhere, InferenceRules } from '../../reference/inference-rules.js';
import { itemsSource, type PhraseItem } from '../../pack/phrases.js';
import type { DocumentKind } from '../../types.js';
import { PackRegExp } from '../../pack/regex.js';

export interface CompiledInference {
  citations: PackRegExp[];
  era: InferenceRules['era'];
  terms: { id: string; edition: string; weight: number; patterns: PackRegExp[] }[];
  kind: InferenceRules['kind'];
  kindCues: { id: string; kind: DocumentKind | 'other'; where: CueWhere[]; weights: Record<CueWhere, number>; patterns: PackRegExp[] }[];
}

const compiled = new WeakMap<InferenceRules, CompiledInference>();

export function compileInference(rules: InferenceRules): CompiledInference {
  let result = compiled.get(rules);
  if (!result) {
    const re = (pattern: string, flags = 'iu') => new PackRegExp(pattern, flags);
    const each = (items: PhraseItem[], flags?: string) => items.map((item) => re(itemsSource([item], '\\s+'), flags));
    result = {
      citations: rules.citations.map((c) => re(c.pattern, 'giu')),
      era: rules.era,
      terms: rules.terms.map((t) => ({ id: t.id, edition: t.edition, weight: t.weight, patterns: each(t.match) })),
      kind: rules.kind,
      kindCues: rules.kind_cues.map((c) => ({
        id: c.id,
        kind: c.kind,
        where: c.where,
        weights: { ...rules.kind.weights, ...c.weights },
        patterns: each(c.match, 'imu'), // m: a raw pattern's ^ is a line's start
      })),
    };
    compiled.set(rules, result);
  }
  return result;
}

/** Without rules/inference.yaml (a library caller that passed none), only dates and the plain citation are read. */
export const NO_RULES: InferenceRules = {
  citations: [
    {
      id: 'working-together-year',
      pattern: '\\bWorking\\s+Together(?:\\s+to\\s+Safeguard\\s+Children)?[\\s,:(]*(\\d{4})\\b',
      why: 'captures the year',
      note: '',
    },
  ],
  era: { min_terms: 2, min_weight: 3, min_margin: 2 },
  terms: [],
  kind: { min_margin: 1, weights: { title: 4, top: 2, file: 3, text: 1 } },
  kind_cues: [
    { id: 'annual-report', kind: 'yearly-report', where: ['title', 'file'], match: ['(annual|yearly) report'], note: '' },
    { id: 'arrangements', kind: 'arrangements', where: ['title', 'file'], match: ['arrangements'], note: '' },
  ],
};
