// rules/inference.yaml's patterns as regular expressions, compiled once per rules object.
import type { CueWhere, InferenceRules } from '../../reference/inference-rules.js';
import type { DocumentKind } from '../../types.js';

export interface CompiledInference {
  citations: RegExp[];
  era: InferenceRules['era'];
  terms: { id: string; edition: string; weight: number; patterns: RegExp[] }[];
  kind: InferenceRules['kind'];
  kindCues: { id: string; kind: DocumentKind | 'other'; where: CueWhere[]; weights: Record<CueWhere, number>; patterns: RegExp[] }[];
}

const compiled = new WeakMap<InferenceRules, CompiledInference>();

export function compileInference(rules: InferenceRules): CompiledInference {
  let result = compiled.get(rules);
  if (!result) {
    const re = (pattern: string, flags = 'iu') => new RegExp(pattern, flags);
    result = {
      citations: rules.citations.map((c) => re(c.pattern, 'giu')),
      era: rules.era,
      terms: rules.terms.map((t) => ({ id: t.id, edition: t.edition, weight: t.weight, patterns: t.patterns.map((p) => re(p)) })),
      kind: rules.kind,
      kindCues: rules.kind_cues.map((c) => ({
        id: c.id,
        kind: c.kind,
        where: c.where,
        weights: { ...rules.kind.weights, ...c.weights },
        patterns: c.patterns.map((p) => re(p, 'imu')),
      })),
    };
    compiled.set(rules, result);
  }
  return result;
}

/** Without rules/inference.yaml (a library caller that passed none), only dates and the plain citation are read. */
export const NO_RULES: InferenceRules = {
  citations: [
    { id: 'working-together-year', pattern: '\\bWorking\\s+Together(?:\\s+to\\s+Safeguard\\s+Children)?[\\s,:(]*(\\d{4})\\b', note: '' },
  ],
  era: { min_terms: 2, min_weight: 3, min_margin: 2 },
  terms: [],
  kind: { min_margin: 1, weights: { title: 4, top: 2, file: 3, text: 1 } },
  kind_cues: [
    { id: 'annual-report', kind: 'yearly-report', where: ['title', 'file'], patterns: ['\\b(?:annual|yearly)\\s+report\\b'], note: '' },
    { id: 'arrangements', kind: 'arrangements', where: ['title', 'file'], patterns: ['\\barrangements\\b'], note: '' },
  ],
};
