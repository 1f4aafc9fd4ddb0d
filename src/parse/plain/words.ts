// Word-level tests the plain-text readers make on every line of a document: counted in one pass
// over the characters, without splitting the line into an array or running a Unicode
// expression on ASCII text (most lines of most documents).

const UNICODE_SPACE = /\s/u;
const UNICODE_LETTER = /\p{L}/u;
const UNICODE_UPPER = /\p{Lu}/u;
const UNICODE_CAPITAL_START = /^[\p{Lu}\d(‘'"“]/u;

/** Whether the character at `index` is white space as `\s` means it. */
export function isSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return UNICODE_SPACE.test(text[index]!);
}

/**
 * How many words (runs of characters that are not white space) the text holds, as
 * `text.split(/\s+/u).filter(Boolean).length` counts them; it stops counting past `limit`.
 */
export function countWords(text: string, limit = Infinity): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text, i)) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++count > limit) return count;
    }
  }
  return count;
}

/** Whether a word starts as a name, a post or a number does: a capital, a digit, an opening bracket or quote. */
export function startsCapitalised(word: string): boolean {
  return startsCapitalisedAt(word, 0);
}

/** startsCapitalised for the word that starts at `index` of the text. */
export function startsCapitalisedAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 40 || code === 39 || code === 34;
  return UNICODE_CAPITAL_START.test(text.slice(index, index + 2));
}

/** Whether the character at `index` is a capital letter (`\p{Lu}`). */
export function startsUpperAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code >= 65 && code <= 90;
  return UNICODE_UPPER.test(String.fromCodePoint(text.codePointAt(index)!));
}

/** How many letters the text holds, and how many of them are capitals (`\p{L}` and `\p{Lu}`). */
export function countLetters(text: string): { letters: number; upper: number } {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if (code >= 65 && code <= 90) {
        letters++;
        upper++;
      } else if (code >= 97 && code <= 122) letters++;
      continue;
    }
    const point = text.codePointAt(i)!;
    const char = String.fromCodePoint(point);
    if (point > 0xffff) i++; // the second half of a surrogate pair
    if (UNICODE_LETTER.test(char)) {
      letters++;
      if (UNICODE_UPPER.test(char)) upper++;
    }
  }
  return { letters, upper };
}
