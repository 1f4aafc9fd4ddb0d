// The plain-text readers' word counts give the answers of the Unicode expressions they replace,
// on ASCII and on text with other spaces, accented and astral letters.
import { describe, expect, it } from 'vitest';
import { countLetters, countWords, startsCapitalised } from '../src/parse/plain/words.js';

const SAMPLES = [
  '',
  '   ',
  'Jo Bloggs, Chief Executive, Northshire County Council',
  '  leading and trailing  spaces ',
  'tabs\tand\nnew lines\r\nand\fform feeds\vtoo',
  'no\u00a0break\u2003em\u3000ideographic\u2028line\ufeffbom spaces',
  'Élodie Öztürk, Directrice, Conseil de Zürich',
  'ÉLODIE ÖZTÜRK',
  'éa ça 𝐀𝐁 𝐚 Ⅻ ǅ',
  'surrogate \ud83d\ude00 emoji and a lone \ud800 half',
  '“Quoted” ‘single’ (bracket) 12 3rd',
];

describe('countWords', () => {
  it('counts as split(/\\s+/u) does, with and without a limit', () => {
    for (const text of SAMPLES) {
      const words = text.split(/\s+/u).filter(Boolean).length;
      expect(countWords(text), JSON.stringify(text)).toBe(words);
      expect(countWords(text, 2) <= 2, JSON.stringify(text)).toBe(words <= 2);
    }
  });

  it('stops just past the limit', () => {
    expect(countWords('one two three four five', 2)).toBe(3);
  });
});

describe('startsCapitalised', () => {
  it('agrees with /^[\\p{Lu}\\d(‘\'"“]/u on every word of the samples', () => {
    const words = SAMPLES.flatMap((text) => text.split(/\s+/u).filter(Boolean));
    for (const word of [...words, 'apple', 'Apple', '9', '(a', "'a", '"a', '‘a', '“a', '’a', '-a', 'ångström', 'Ångström']) {
      expect(startsCapitalised(word), word).toBe(/^[\p{Lu}\d(‘'"“]/u.test(word));
    }
  });
});

describe('countLetters', () => {
  it('counts as /\\p{L}/gu and /\\p{Lu}/gu match', () => {
    for (const text of SAMPLES) {
      expect(countLetters(text), JSON.stringify(text)).toEqual({
        letters: (text.match(/\p{L}/gu) ?? []).length,
        upper: (text.match(/\p{Lu}/gu) ?? []).length,
      });
    }
  });
});
