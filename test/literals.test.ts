// The literal prefilter in front of detection patterns: exact literals for known shapes, and
// never a rejected text that the pattern matches (checked for every pattern of both packs on
// every heading, block and sentence of the examples, the prose fixtures and a bench document).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold, mayMatch, mayMatchPairs, PAIR_WORDS, pairsOf, prepareLiterals, requiredLiterals } from '../src/extract/literals.js';
import { anyOf, compilePattern, matchesCue, placeholderMatcher } from '../src/extract/detection.js';
import { splitSentences } from '../src/extract/elements.js';
import { setSource } from '../src/pack/phrases.js';
import { bundledVocabulary } from './helpers.js';
import { parseDocument } from '../src/parse/document.js';
import { PACK_IDS, loadBundledPacks } from '../src/engine/resources.js';
import { validatePack } from '../src/pack/load.js';
// @ts-expect-error: a plain ESM script without types (the bench's corpus generator)
import { loadSections, makeDocument } from './bench/corpus.mjs';

const root = join(import.meta.dirname, '..');

describe('requiredLiterals', () => {
  it('finds the literals a match must contain', () => {
    const cases: [string, string[] | null][] = [
      ['\\bfunding\\b', ['funding']],
      ['\\b(?:annual|yearly) report', [' report']],
      ['\\bbudgets?\\b', ['budget']],
      ['co-?production', ['production']],
      ['^(?!.*\\bindependent chair).*\\bchair', ['chair']],
      ['\\b(?:funded|budget(?![- ]holders?)|contributions?)\\b', ['funded', 'budget', 'contribution']],
      ['(?:Lead|delegated) Partners|LSPs?', [' partners', 'lsp']],
      ['\\[(?:insert|tbc)[^\\]]{0,80}\\]', ['insert', 'tbc']],
      ['x{2,}y', ['x']],
      ['(?:a|b)?c', ['c']],
      ['a|.b', ['a', 'b']],
      ['a|.', null],
      ['(?:foo|)', null],
      ['[a-z]+\\d', null],
      ['£\\d+', null],
      ['', null],
    ];
    expect(cases.map(([source]) => [source, requiredLiterals(source)])).toEqual(cases);
  });

  it('fold + mayMatch: a text with none of the literals is rejected; ſ and K count as s and k', () => {
    expect(mayMatch(['chair'], fold('The CHAIR reports'))).toBe(true);
    expect(mayMatch(['chair'], fold('The board reports'))).toBe(false);
    expect([fold('ſkill'), fold('\u212Aey')]).toEqual(['skill', 'key']);
    expect([compilePattern('skill').test('ſkill'), compilePattern('key').test('\u212Aey')]).toEqual([true, true]);
    expect(mayMatch(null, 'anything')).toBe(true);
  });

  it('mayMatchPairs agrees with mayMatch: pairs only rule literals out', () => {
    const prepared = prepareLiterals(['chair', 'scrutin', 'lsp', 'a']);
    const texts = ['the chair', 'scrutiny', 'lsps and dsps', 'hair', 'crutin', 'b', 'a', ''];
    expect(texts.map((t) => mayMatchPairs(prepared, t, pairsOf(t)))).toEqual(texts.map((t) => mayMatch(prepared.literals, t)));
    expect(texts.map((t) => mayMatch(prepared.literals, t))).toEqual([true, true, true, true, false, false, true, false]);
  });

  it('never rejects a text that the pattern matches (every phrase set of the vocabulary)', () => {
    const sources = new Set(Object.values(bundledVocabulary().phrases).map(setSource));
    const files = [
      ...readdirSync(join(root, 'examples'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(root, 'examples', f)),
      ...readdirSync(join(root, 'test/fixtures/prose'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => join(root, 'test/fixtures/prose', f)),
    ];
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    texts.push(makeDocument(loadSections(root), 11, 'yearly-report', 40 * 1024) as string);
    const units = new Set<string>();
    for (const [i, text] of texts.entries()) {
      const doc = parseDocument({ path: `doc${i}.md`, text });
      for (const block of doc.blocks) {
        units.add(block.text);
        units.add(block.text.trim());
        splitSentences(block.text).forEach((s) => units.add(s.text));
      }
    }
    const missed: string[] = [];
    let matched = 0;
    for (const source of sources) {
      const pattern = compilePattern(source);
      const literals = requiredLiterals(source);
      for (const unit of units) {
        if (!pattern.test(unit)) continue;
        matched++;
        const folded = fold(unit);
        if (!mayMatch(literals, folded)) missed.push(`${source} ⇐ ${unit.slice(0, 60)}`);
        if (literals && !mayMatchPairs(prepareLiterals(literals), folded, pairsOf(folded)))
          missed.push(`pairs: ${source} ⇐ ${unit.slice(0, 60)}`);
      }
    }
    expect(missed).toEqual([]);
    expect(matched).toBeGreaterThan(1000); // the check saw real matches, not an empty corpus
  });
});

describe('placeholderMatcher', () => {
  it('says exactly what one anchored regex per placeholder list says (a length check and a search, never a backtracking cap)', () => {
    const vocabulary = bundledVocabulary();
    const packSchema = JSON.parse(readFileSync(join(root, 'schemas/rule-pack.schema.json'), 'utf8')) as object;
    const source = (name: string) => setSource(vocabulary.phrases[name]!);
    const any = (names: string[] = []) => names.map((n) => `(?:${source(n)})`).join('|');
    const texts = [
      'TBC',
      'To be confirmed.',
      '[Insert date]',
      'The budget is tbc',
      'This section will be completed in May.',
      'Being finalised',
      'n/a',
      '…',
    ];
    for (const filler of ['', 'a', 'x '.repeat(100), 'y'.repeat(230), 'z'.repeat(241)]) {
      for (const phrase of ['tbc', 'to follow', '[insert name]', 'being finalised', 'not yet agreed', 'nothing']) {
        texts.push(`${filler}${phrase}`, `${phrase}${filler}`, `${filler} ${phrase} ${filler}`);
      }
    }
    const prose = readdirSync(join(root, 'test/fixtures/prose')).filter((f) => f.endsWith('.md'));
    for (const f of prose)
      for (const block of parseDocument({ path: f, text: readFileSync(join(root, 'test/fixtures/prose', f), 'utf8') }).blocks)
        texts.push(block.text.trim());
    let placeholders = 0;
    for (const id of PACK_IDS) {
      const { alone, starts, short, phrases } = validatePack(
        readFileSync(join(root, `rules/${id}.yaml`), 'utf8'),
        id,
        packSchema,
        vocabulary,
      ).placeholders;
      const matcher = placeholderMatcher({
        alone: alone!.map(source),
        starts: starts!.map(source),
        short: short!,
        phrases: phrases!.map(source),
      });
      const patterns = [
        `^(?:${any(alone)})\\s*[.!]?$`,
        `^(?:${any(starts)})`,
        `^(?=[\\s\\S]{0,${short}}$)[\\s\\S]*(?:${any(phrases)})`,
      ].map(compilePattern);
      const expected = texts.map((t) => patterns.some((p) => p.test(t)));
      expect(texts.map((t) => matcher.test(t))).toEqual(expected);
      placeholders += expected.filter(Boolean).length;
    }
    expect(placeholders).toBeGreaterThan(40); // both verdicts were exercised
  });
});

describe('pairsOf into a buffer', () => {
  it("gives each text's own pairs when one buffer is refilled for text after text", () => {
    const a = 'the chief constable of oxley';
    const b = 'safeguarding children partnership';
    const buffer = new Uint32Array(PAIR_WORDS);
    expect([...pairsOf(a, buffer)]).toEqual([...pairsOf(a)]);
    expect(pairsOf(b, buffer)).toBe(buffer);
    expect([...buffer]).toEqual([...pairsOf(b)]); // no bit of a's left
    expect([...pairsOf(a)]).not.toEqual([...pairsOf(b)]);
  });
});

describe('anyOf(...).mayOccurIn', () => {
  it('rules a text out only when no pattern can match in it', () => {
    const matcher = anyOf(['clinical commissioning group[s]?', '\\bCCGs?\\b', 'public health england']);
    const texts = [
      'The CCG funds a third.',
      'NHS Oxley Clinical Commissioning Group',
      'Public Health England reported',
      'the integrated care board funds a third',
      'accgx',
      '',
    ];
    for (const text of texts) if (matcher.test(text)) expect(matcher.mayOccurIn(fold(text))).toBe(true);
    expect(texts.map((t) => matcher.mayOccurIn(fold(t)))).toEqual([true, true, true, false, true, false]);
  });
});

describe('sentenceGate', () => {
  it('passes every sentence that some sentences or partial cue of the element matches, and rejects most others', () => {
    const texts = new Set<string>();
    for (const dir of ['examples', 'test/fixtures/prose'])
      for (const f of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')))
        for (const block of parseDocument({ path: f, text: readFileSync(join(root, dir, f), 'utf8') }).blocks)
          splitSentences(block.text).forEach((s) => texts.add(s.text));
    const rejected: string[] = [];
    let matched = 0;
    let passed = 0;
    let tested = 0;
    for (const pack of loadBundledPacks()) {
      for (const rule of pack.rules) {
        const d = rule.detection;
        if (!d) continue;
        for (const text of texts) {
          const folded = fold(text);
          const open = d.sentenceGate(folded, pairsOf(folded));
          tested++;
          if (open) passed++;
          if (!matchesCue(text, [...d.sentences, ...d.partial])) continue;
          matched++;
          if (!open) rejected.push(`${rule.ruleId}: ${text.slice(0, 60)}`);
        }
      }
    }
    expect(rejected).toEqual([]);
    expect(matched).toBeGreaterThan(200); // the gate met sentences that match
    expect(passed).toBeLessThan(tested / 4); // and it is a gate: most sentences stop at it
  });
});
