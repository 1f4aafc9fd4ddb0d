// The rule data's expressions run without the "u" flag where that gives the same answer
// (src/pack/regex.ts): checked for every expression of both packs and the phrase sets, on
// sentences of the prose fixtures and on the same sentences with the characters where "iu" and
// "i" differ (ſ, the Kelvin sign K, characters beyond U+FFFF) and other letters with case.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN_NON_ASCII, PackRegExp } from '../src/pack/regex.js';
import { setSource } from '../src/pack/phrases.js';
import { splitSentences } from '../src/extract/elements.js';
import { parseDocument } from '../src/parse/document.js';
import { loadBundledPacks } from '../src/engine/resources.js';
import type { CompiledDetection } from '../src/extract/detection.js';
import { bundledVocabulary } from './helpers.js';

const root = join(import.meta.dirname, '..');

function detectionSources(d: CompiledDetection): string[] {
  const cues = [...d.sentences, ...d.section, ...d.partial, ...d.qualify].flat().map((c) => c.pattern.source);
  return [...cues, ...[...d.headings, ...d.mentions, ...d.exclude].map((p) => p.source)];
}

function allSources(): string[] {
  const sources = new Set(Object.values(bundledVocabulary().phrases).map(setSource));
  for (const pack of loadBundledPacks()) {
    for (const rule of pack.rules) if (rule.detection) detectionSources(rule.detection).forEach((s) => sources.add(s));
    for (const p of [...(pack.signatureVocabulary?.posts ?? []), ...(pack.signatureVocabulary?.organisations ?? [])])
      sources.add(p.pattern.source);
  }
  return [...sources];
}

/** Every 7th sentence of the prose fixtures, and each in four altered forms. */
function texts(): string[] {
  const dir = join(root, 'test/fixtures/prose');
  const sentences: string[] = [];
  for (const f of readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort())
    for (const block of parseDocument({ path: f, text: readFileSync(join(dir, f), 'utf8') }).blocks)
      sentences.push(...splitSentences(block.text).map((s) => s.text));
  const picked = sentences.filter((_, i) => i % 7 === 0);
  const variants = picked.flatMap((s) => [
    s.replaceAll('s', 'ſ'), // long s: "iu" reads it as s
    s.replaceAll('k', '\u212a').replaceAll('K', '\u212a'), // the Kelvin sign: "iu" reads it as k
    s.replace(/ /g, (space, i: number) => (i % 3 === 0 ? ' \u{1F600} ' : space)), // beyond U+FFFF
    s.toUpperCase().replaceAll('I', '\u0130').replaceAll('E', 'É'), // letters with case outside ASCII
    s.replaceAll('a', 'ª').replaceAll('o', 'º').replaceAll('u', 'µ'), // letters among Latin-1's symbols
    s.replaceAll("'", '’').replaceAll(' - ', ' – ').replace(/^/, '• “').replace(/$/, '” £5 × 2'), // punctuation beyond ASCII
  ]);
  return [...picked, ...variants];
}

describe('PackRegExp', () => {
  it('answers as the "iu" expression does, for every expression of the rule data', () => {
    const sources = allSources();
    const all = texts();
    expect(sources.length).toBeGreaterThan(200);
    expect(all.length).toBeGreaterThan(500);
    const differ: string[] = [];
    let matched = 0;
    for (const source of sources) {
      const pattern = new PackRegExp(source);
      const exact = new RegExp(source, 'iu');
      for (const text of all) {
        const expected = exact.test(text);
        if (expected) matched++;
        if (pattern.test(text) !== expected) differ.push(`${source} on ${JSON.stringify(text.slice(0, 80))}`);
      }
    }
    expect(differ).toEqual([]);
    expect(matched).toBeGreaterThan(1000); // the texts do exercise the expressions
  });

  it('finds the same matches at the same places when scanning', () => {
    const pattern = new PackRegExp('\\bpartner(?:s|ship)?\\b', 'giu');
    for (const text of ['The partners and the Partnership', 'The partnerſ and the partnerſhip', 'partners \u{1F600} partnership']) {
      const found = [...text.matchAll(pattern.for(text))].map((m) => [m.index, m[0]]);
      expect(found).toEqual([...text.matchAll(new RegExp(pattern.source, 'giu'))].map((m) => [m.index, m[0]]));
    }
  });

  it('runs the expression without "u" on ordinary text, and the exact one where the two can differ', () => {
    const pattern = new PackRegExp('\\bschools?\\b');
    expect(pattern.for('Schools and colleges').flags).toBe('i');
    expect(pattern.for('Schoolſ and colleges')).toBe(pattern.exact);
    expect(pattern.for('Schools \u{1F3EB}')).toBe(pattern.exact);
    expect(pattern.for('Ke\u212ay stage')).toBe(pattern.exact);
  });

  it('runs \\p{L} as A-Za-z without "u" on text with no letter beyond ASCII, and exactly on other text', () => {
    const pattern = new PackRegExp("\\b(?:[\\p{L}'’&-]{1,30} ){1,3}council\\b", 'giu');
    const plain = 'Signed for Westvale’s Borough Council – and “Eastmere Council”';
    expect(pattern.for(plain).source).toBe("\\b(?:[A-Za-z'’&-]{1,30} ){1,3}council\\b");
    expect(pattern.for(plain).flags).toBe('gi');
    for (const text of [plain, 'Signed for Zürich City Council', 'For ªbc Council and ſomeplace Council']) {
      const found = [...text.matchAll(pattern.for(text))].map((m) => [m.index, m[0]]);
      expect(found).toEqual([...text.matchAll(new RegExp(pattern.source, 'giu'))].map((m) => [m.index, m[0]]));
    }
    expect(pattern.for('Signed for Zürich City Council')).toBe(pattern.exact);
    expect(pattern.for('For ªbc Council')).toBe(pattern.exact);
  });

  it('counts as plain only characters no \\p{L} matches under "iu", each of them checked', () => {
    const wrong: string[] = [];
    const plain = new RegExp(`[${PLAIN_NON_ASCII}]`);
    for (let code = 0x80; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      if (!plain.test(c)) continue;
      if (/\p{L}/iu.test(c) || /[A-Za-z]/i.test(c) || /\w/iu.test(c) || /\w/i.test(c)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
    expect([...'ªµºſ\u212a'].filter((c) => plain.test(c))).toEqual([]);
  });

  it('keeps "u" where the source needs it or has letters with case beyond ASCII', () => {
    for (const source of ['\\p{Lu}\\p{Ll}+', '\\u{1F600}', 'caf\u00e9', '\\bstraße\\b', '\u{1F600}'])
      expect(new PackRegExp(source).for('plain text').flags).toBe('iu');
    expect(new PackRegExp('[\u2013\u2014-]').for('a \u2013 b').flags).toBe('i'); // dashes have no case
  });
});
