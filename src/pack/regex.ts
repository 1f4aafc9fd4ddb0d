// The rule data's regular expressions (cues, phrase sets, check options, inference cues) are
// case-insensitive Unicode expressions: flags "iu". V8 runs `\b` and case-insensitive matching
// under "iu" 10 to 30 times slower than under "i" alone (docs/performance.md), and on almost every
// text the two agree. So each is compiled twice, and a text runs the one without "u" unless it
// holds a character where the two can differ:
//   - ſ (U+017F) and K (U+212A), which "iu" matches as s and k (and counts as word characters);
//   - any surrogate (a character beyond U+FFFF is one atom under "u", two without it).
// On every other text the results are the same, provided the source reads the same without
// "u": no \p{…}/\P{…} or \u{…} (these need "u"), no character beyond U+FFFF, and no non-ASCII
// letter that has case (whose case folding differs between the two modes).

/** Where "iu" and "i" can give different answers on the same text. */
const UNUSUAL_TEXT = /[\u017f\u212a\ud800-\udfff]/;
// Many expressions run on one sentence in turn: the text is scanned once for all of them.
let lastText = '';
let lastUnusual = false;

function isUnusual(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastUnusual = UNUSUAL_TEXT.test(text);
  }
  return lastUnusual;
}

/** A source that means something else, or may, without "u". */
const NEEDS_UNICODE = /\\[pP]|\\u\{|[\ud800-\udfff]/;

export class PackRegExp {
  /** The expression as the rule data means it (flags as given, with "u"). */
  readonly exact: RegExp;
  /** The same without "u", or `exact` itself where the source needs "u". */
  private readonly fast: RegExp;

  constructor(
    readonly source: string,
    readonly flags = 'iu',
  ) {
    this.exact = new RegExp(source, flags);
    this.fast = flags.includes('u') && readsTheSameWithoutUnicode(source) ? new RegExp(source, flags.replace('u', '')) : this.exact;
  }

  /** The compiled expression to run on this text: one that gives the answer `exact` would. */
  for(text: string): RegExp {
    return this.fast === this.exact || isUnusual(text) ? this.exact : this.fast;
  }

  test(text: string): boolean {
    return this.for(text).test(text);
  }

  /** As the rule data means it: `/source/iu`. */
  toString(): string {
    return String(this.exact);
  }
}

function readsTheSameWithoutUnicode(source: string): boolean {
  if (NEEDS_UNICODE.test(source)) return false;
  for (let i = 0; i < source.length; i++) {
    if (source.charCodeAt(i) < 0x80) continue;
    const c = source[i]!;
    if (c.toLowerCase() !== c || c.toUpperCase() !== c) return false;
  }
  return true;
}
