// Phrase lists in check options and in rules/inference.yaml: found through the option schemas,
// named sets put in place, compiled by the vocabulary's compiler; and the bundled lists read as
// the regular expressions they replaced did.
import { describe, expect, it } from 'vitest';
import { mapPhraseLists, matcherOf, PHRASE_LIST } from '../src/check/phrase-lists.js';
import { expandSets, phraseSource, type PhraseItem } from '../src/pack/phrases.js';
import { compileInference } from '../src/extract/inference/compile.js';
import { bundledLinter } from '../src/engine/resources.js';
import { bundledVocabulary } from './helpers.js';

const linter = bundledLinter();
const optionsOf = (ruleId: string) => linter.packs.flatMap((p) => p.rules).find((r) => r.ruleId === ruleId)!.checks[0]!;

describe('a phrase list in check options', () => {
  const schema = {
    type: 'object',
    properties: { headings: PHRASE_LIST, items: { type: 'array', items: { type: 'object', properties: { match: PHRASE_LIST } } } },
  };

  it('is found by its schema, wherever it sits, with its path', () => {
    const seen: [unknown, (string | number)[]][] = [];
    mapPhraseLists(
      schema,
      {
        what: 'x',
        headings: ['a'],
        items: [
          { id: 'b', match: ['c'] },
          { id: 'd', match: ['e'] },
        ],
      },
      (list, at) => seen.push([list, at]),
    );
    expect(seen).toEqual([
      [['a'], ['headings']],
      [['c'], ['items', 0, 'match']],
      [['e'], ['items', 1, 'match']],
    ]);
  });

  it('has each named set replaced by the set’s items, in place and in order', () => {
    const vocabulary = { phrases: { pair: { about: 'Two.', match: ['one', { pattern: 't\\wo', why: 'a test' }] } } };
    expect(expandSets(['zero', { set: 'pair' }, 'three'], vocabulary)).toEqual([
      'zero',
      'one',
      { pattern: 't\\wo', why: 'a test' },
      'three',
    ]);
  });

  it('compiles once per list, case-insensitively, as the vocabulary compiles a set', () => {
    const list: PhraseItem[] = ['former*', { pattern: '\\bcouncil$', why: 'last word' }];
    expect(matcherOf(list)).toBe(matcherOf(list));
    expect(['FORMERLY of the police', 'Northshire Council', 'Council for Voluntary Service'].map((t) => matcherOf(list).test(t))).toEqual([
      true,
      true,
      false,
    ]);
    expect([...'a Former, a former'.matchAll(matcherOf(list, true).exact)].map((m) => m.index)).toEqual([2, 12]);
  });
});

describe('the bundled check options, in words', () => {
  it('tell a scrutineer’s employer by the partner bodies’ names and posts, and a former post', () => {
    const { bodies, except } = optionsOf('wt2023/scrutiny-independence') as unknown as {
      bodies: { body: string; match: PhraseItem[] }[];
      except: PhraseItem[];
    };
    const bodyOf = (text: string) => bodies.find((b) => matcherOf(b.match).test(text))?.body ?? null;
    expect(
      [
        'Eastbrook Borough Council',
        'Northshire Council',
        'Council for Voluntary Service',
        'Director of Childrens Services, Westmoor',
        'Deputy Chief Nurse',
        'Detective Chief Superintendent',
        'Independent consultant',
      ].map(bodyOf),
    ).toEqual([
      'the local authority',
      'the local authority',
      null,
      'the local authority',
      'the health partner (ICB or CCG)',
      'the police',
      null,
    ]);
    expect(['retired chief superintendent', 'ex-detective', 'superintendent'].map((t) => matcherOf(except).test(t))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('tell history apart from an outdated name used as current', () => {
    const { history, terms } = optionsOf('wt2023/outdated-terms') as unknown as { history: PhraseItem[]; terms: { match: PhraseItem[] }[] };
    const tells = (t: string) => matcherOf(history).test(t);
    expect(
      [
        'The LSCB met until 2019.',
        'It was formerly the CCG.',
        'It has been known as the ICB before 29 September 2019.',
        'The CCG funds it.',
      ].map(tells),
    ).toEqual([true, true, true, false]);
    expect(
      [..."Our Local Safeguarding Children's Board and the LSCBs".matchAll(matcherOf(terms[1]!.match, true).exact)].map((m) => m[0]),
    ).toEqual(["Local Safeguarding Children's Board", 'LSCBs']);
  });
});

describe('rules/inference.yaml, in words', () => {
  const rules = compileInference(linter.reference.inference!);

  it('reads a space of a phrase as any run of spaces, since blocks are read as they stand', () => {
    expect(phraseSource('lead safeguarding partner[s]', '\\s+')).toBe('\\blead\\s+safeguarding\\s+partner(?:s)?\\b');
    const lead = rules.terms.find((t) => t.id === 'lead-safeguarding-partner')!;
    expect(lead.patterns.some((p) => p.test('the lead  safeguarding   partners'))).toBe(true);
  });

  it('names the vocabulary’s sets where the packs mean the same: the CCG is one set for both', () => {
    const ccg = rules.terms.find((t) => t.id === 'clinical-commissioning-group')!;
    expect(ccg.patterns.map((p) => String(p.exact))).toEqual(
      bundledVocabulary().phrases['clinical-commissioning-group']!.match.map((item) =>
        String(new RegExp(phraseSource(item as string, '\\s+'), 'iu')),
      ),
    );
  });

  it('keeps each item its own expression, so the first that matches a block is the one quoted', () => {
    const cue = rules.kindCues.find((c) => c.id === 'committee-paper')!;
    expect(cue.patterns.length).toBe(6);
    expect(cue.patterns.map((p) => p.test('Minutes : the Committee noted the report'))).toEqual([true, true, false, false, false, true]);
  });
});
