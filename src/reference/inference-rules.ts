// rules/inference.yaml: the terms weighed to tell a document's kind and edition from its text.
// Read and validated by the CLI like the packs (a mistake names file:line:column), its cues
// checked as phrase lists against the vocabulary of rules/phrases.yaml and each named set put in
// its place; the core receives the values and compiles the phrases once per rules object.
import { dottedPath, readValidated } from '../pack/load.js';
import { checkPhraseList, expandSets, type PhraseItem, type PhraseListItem, type Vocabulary } from '../pack/phrases.js';
import type { DocumentKind } from '../types.js';

export type CueWhere = 'title' | 'top' | 'file' | 'text';

export interface InferenceRules {
  /** Raw patterns: each captures the edition's year. */
  citations: { id: string; pattern: string; why: string; note: string }[];
  era: { min_terms: number; min_weight: number; min_margin: number };
  terms: { id: string; edition: string; weight: number; match: PhraseItem[]; source: string }[];
  kind: { min_margin: number; weights: Record<CueWhere, number> };
  kind_cues: {
    id: string;
    kind: DocumentKind | 'other';
    where: CueWhere[];
    weights?: Partial<Record<CueWhere, number>>;
    match: PhraseItem[];
    note: string;
  }[];
}

/** The rules as written: a cue's list may name phrase sets, which loading replaces by their items. */
type WrittenRules = Omit<InferenceRules, 'terms' | 'kind_cues'> & {
  terms: (Omit<InferenceRules['terms'][number], 'match'> & { match: PhraseListItem[] })[];
  kind_cues: (Omit<InferenceRules['kind_cues'][number], 'match'> & { match: PhraseListItem[] })[];
};

export function loadInferenceRules(text: string, file: string, schema: object, vocabulary: Vocabulary): InferenceRules {
  const { data, fail } = readValidated(text, file, schema, 'the inference rules', dottedPath);
  const rules = data as WrittenRules;
  const compiles = (pattern: string, path: (string | number)[]): RegExp => {
    try {
      return new RegExp(pattern, 'iu');
    } catch (error) {
      return fail(path, `not a valid regular expression: ${(error as Error).message}`);
    }
  };
  rules.citations.forEach((c, i) => {
    // One group, the edition's year: an empty match of it would cite nothing.
    if (compiles(`${c.pattern}|`, ['citations', i, 'pattern']).exec('')!.length !== 2)
      fail(['citations', i, 'pattern'], 'must have exactly one capturing group: the year of the edition');
  });
  for (const list of ['terms', 'kind_cues'] as const)
    rules[list].forEach((entry, i) => checkPhraseList(entry.match, vocabulary, (j, problem) => fail([list, i, 'match', j], problem)));
  for (const [list, items] of [
    ['terms', rules.terms],
    ['kind_cues', rules.kind_cues],
    ['citations', rules.citations],
  ] as const) {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) fail([list, i, 'id'], `the id ${item.id} is used twice; give each entry its own id`);
      seen.add(item.id);
    });
  }
  return {
    ...rules,
    terms: rules.terms.map((t) => ({ ...t, match: expandSets(t.match, vocabulary) })),
    kind_cues: rules.kind_cues.map((c) => ({ ...c, match: expandSets(c.match, vocabulary) })),
  };
}
