// The phrase syntax of rules/phrases.yaml: what each phrase builds and matches, its errors, and
// that the vocabulary and the packs agree (every set used, every name defined).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { phraseSource, phrasesInWords, setSource } from '../src/pack/phrases.js';
import { compilePattern } from '../src/extract/detection.js';
import { PACK_IDS } from '../src/engine/resources.js';
import { bundledVocabulary } from './helpers.js';

const matches = (phrase: string, text: string) => compilePattern(phraseSource(phrase)).test(text);

describe('a phrase', () => {
  it('builds a case-insensitive, whole-word expression', () => {
    expect(phraseSource('police')).toBe('\\bpolice\\b');
    expect(['Police', 'the POLICE said', 'police,'].map((t) => matches('police', t))).toEqual([true, true, true]);
    expect(['policed', 'subpolice'].map((t) => matches('police', t))).toEqual([false, false]);
  });
  it('`*` is a stem: the word may go on, at the end or inside the phrase', () => {
    expect(phraseSource('scrutin*')).toBe('\\bscrutin');
    expect(['scrutiny', 'Scrutineers', 'inscrutinable'].map((t) => matches('scrutin*', t))).toEqual([true, true, false]);
    expect(phraseSource('work* with')).toBe('\\bwork\\w* with\\b');
    expect(['works with', 'working with', 'work with', 'worked without'].map((t) => matches('work* with', t))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
  it('`(a|b)` is one of the alternatives, `[x]` is optional, and brackets nest', () => {
    expect(phraseSource('(lead|delegated) partner[s]')).toBe('\\b(?:lead|delegated) partner(?:s)?\\b');
    expect(['lead partners', 'delegated partner', 'partner'].map((t) => matches('(lead|delegated) partner[s]', t))).toEqual([
      true,
      true,
      false,
    ]);
    expect(
      ['rapid review', 'local child safeguarding practice review', 'national review'].map((t) =>
        matches('[local |national ][child ](safeguarding practice|rapid) review', t),
      ),
    ).toEqual([true, true, false]);
    expect(['local authority', 'the Authority', 'authorityx'].map((t) => matches('[local ]authority', t))).toEqual([true, true, false]);
  });
  it('every other character stands for itself; no boundary beside one that is not a letter or digit', () => {
    expect(phraseSource('www.')).toBe('\\bwww\\.');
    expect(phraseSource('…')).toBe('…');
    expect(phraseSource('n[/]a')).toBe('\\bn(?:/)?a\\b');
    expect(['www.example.org', 'wwwxorg'].map((t) => matches('www.', t))).toEqual([true, false]);
    expect(['learning & development', 'learning and development'].map((t) => matches('learning (and|&) development', t))).toEqual([
      true,
      true,
    ]);
  });
  it('a mistake says what is wrong and where in the phrase', () => {
    expect(() => phraseSource('(paid|pays for')).toThrow('the "(" at character 1 is not closed by ")"');
    expect(() => phraseSource('pays] for')).toThrow('the "]" at character 5 has no opening bracket');
    expect(() => phraseSource('(paid||pays) for')).toThrow('an empty alternative inside "(…)"');
    expect(() => phraseSource('* for')).toThrow('"*" must follow a word');
    expect(() => phraseSource(' police')).toThrow('a phrase must not be empty or start or end with a space');
  });
});

describe('a set', () => {
  it('matches where any of its items does; a raw pattern is kept as written, and reads as /…/', () => {
    const set = { about: 'Money.', match: ['funding', 'pay[s] for', { pattern: '£\\s?\\d', why: 'figures' }] };
    const re = compilePattern(setSource(set));
    expect(['Funding was agreed', 'who pays for it', '£ 5 000', 'a fund', 'payroll'].map((t) => re.test(t))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(phrasesInWords(set)).toEqual(['"funding"', '"pay[s] for"', '/£\\s?\\d/']);
  });
});

describe('the bundled vocabulary and packs', () => {
  const vocabulary = bundledVocabulary();
  const packTexts = PACK_IDS.map((id) => readFileSync(join(import.meta.dirname, '..', 'rules', `${id}.yaml`), 'utf8'));
  // rules/inference.yaml names sets too (`{ set: name }`), as the packs' check options do.
  const inferenceText = readFileSync(join(import.meta.dirname, '..', 'rules', 'inference.yaml'), 'utf8');
  const named = new Set(
    [...packTexts, inferenceText].flatMap((text) =>
      [
        ...text.matchAll(
          /(?:all|headings|exclude|mentions|alone|starts|phrases): \[([^\]]*)\]|(?:matches|phrases|set): ([a-z][a-z0-9-]*)/g,
        ),
      ].flatMap((m) => (m[1] ?? m[2]!).split(/,\s*/)),
    ),
  );

  it('every set is named by a pack or the inference rules, and every name they give is a set', () => {
    expect(Object.keys(vocabulary.phrases).filter((name) => !named.has(name))).toEqual([]);
    expect([...named].filter((name) => !Object.hasOwn(vocabulary.phrases, name))).toEqual([]);
  });
  it('no phrase holds a word cut short without its `*` ("local authorit" matches neither "authority" nor "authorities")', () => {
    // Every word of our own examples and fixtures: a phrase word that never occurs there whole, but
    // does begin longer words there, is a stem missing its `*` — unless it is listed here as a word.
    const root = join(import.meta.dirname, '..');
    const texts = ['examples', 'test/fixtures'].flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(?:md|yaml)$/.test(f))
        .map((f) => readFileSync(join(root, dir, f), 'utf8')),
    );
    const words = new Set(
      texts
        .join(' ')
        .toLowerCase()
        .match(/[a-z]+/g),
    );
    const longer = [...words];
    const knownWords = ['court', 'jar', 'prior', 'soon', 'submit', 'vcs'];
    const cut: string[] = [];
    for (const [name, set] of Object.entries(vocabulary.phrases)) {
      for (const item of set.match) {
        if (typeof item !== 'string') continue;
        for (const token of item.split(/\s+/)) {
          const word = token.toLowerCase();
          if (!/^[a-z]+$/.test(word) || words.has(word) || knownWords.includes(word)) continue;
          if (longer.some((w) => w.startsWith(word))) cut.push(`${name}: ${item}`);
        }
      }
    }
    expect(cut).toEqual([]);
  });
  it('packs hold no regular expressions in their detection: only set names', () => {
    for (const text of packTexts) {
      const detection = text
        .split('\n')
        .filter((line) => /^\s+(?:- )?(?:all|headings|exclude|mentions|alone|starts|phrases|matches):/.test(line));
      expect(detection.filter((line) => /\\|\(\?/.test(line))).toEqual([]);
      // Nor anywhere else but a raw pattern with its reason: check options list phrases or name sets too.
      expect(text.split('\n').filter((line) => /\\|\(\?/.test(line) && !/^\s*(?:- )?pattern:/.test(line))).toEqual([]);
      expect(detection.length).toBeGreaterThan(50);
    }
  });
});
