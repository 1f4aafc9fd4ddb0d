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
//
// A source whose only Unicode need is \p{L} (a name's letters) gets a third form for text with no
// letter beyond ASCII, where \p{L} under "iu" means [A-Za-z]: that form compiles and runs several
// times faster (V8 closes \p{L} over case folding when it compiles one under "iu").

/** Where "iu" and "i" can give different answers on the same text. */
const UNUSUAL_TEXT = /[\u017f\u212a\ud800-\udfff]/;

/**
 * The characters beyond ASCII that no \p{L} matches under "iu", not even by case folding:
 * Latin-1 punctuation and symbols (not ª µ º, which are letters), × and ÷, general punctuation
 * (quotation marks, dashes, bullets, spaces), currency signs, arrows, box drawing and geometric
 * shapes (test/pack-regex.test.ts checks every one).
 */
export const PLAIN_NON_ASCII =
  '\u00a0-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u00bf\u00d7\u00f7\u2000-\u206f\u20a0-\u20cf\u2190-\u21ff\u2500-\u25ff';
const NOT_PLAIN = new RegExp(`[^\\x00-\\x7f${PLAIN_NON_ASCII}]`);

/** What a text allows: every form (no letter beyond ASCII), the forms without "u", or only the exact one. */
const enum TextKind {
  Plain,
  Usual,
  Unusual,
}

// Many expressions run on one sentence in turn: the text is scanned once for all of them.
let lastText = '';
let lastKind = TextKind.Plain;

function kindOf(text: string): TextKind {
  if (text !== lastText) {
    lastText = text;
    lastKind = !NOT_PLAIN.test(text) ? TextKind.Plain : UNUSUAL_TEXT.test(text) ? TextKind.Unusual : TextKind.Usual;
  }
  return lastKind;
}

/** A source that means something else, or may, without "u". */
const NEEDS_UNICODE = /\\[pP]|\\u\{|[\ud800-\udfff]/;

export class PackRegExp {
  /** The expression as the rule data means it (flags as given, with "u"). */
  readonly exact: RegExp;
  /** The same without "u", or `exact` itself where the source needs "u". */
  private readonly fast: RegExp;
  /** For text without letters beyond ASCII: \p{L} as A-Za-z, without "u"; or undefined. */
  private readonly ascii: RegExp | undefined;

  constructor(
    readonly source: string,
    readonly flags = 'iu',
  ) {
    this.exact = new RegExp(source, flags);
    const unicode = flags.includes('u');
    this.fast = unicode && readsTheSameWithoutUnicode(source) ? new RegExp(source, flags.replace('u', '')) : this.exact;
    const ascii = unicode && this.fast === this.exact ? asciiLetters(source) : undefined;
    this.ascii = ascii !== undefined && readsTheSameWithoutUnicode(ascii) ? new RegExp(ascii, flags.replace('u', '')) : undefined;
  }

  /** The compiled expression to run on this text: one that gives the answer `exact` would. */
  for(text: string): RegExp {
    if (this.fast !== this.exact) return kindOf(text) === TextKind.Unusual ? this.exact : this.fast;
    return this.ascii !== undefined && kindOf(text) === TextKind.Plain ? this.ascii : this.exact;
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

/** The source with each \p{L} written for ASCII letters (A-Za-z in a class, [A-Za-z] outside one), or undefined if it has none. */
function asciiLetters(source: string): string | undefined {
  if (!source.includes('\\p{L}')) return undefined;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      if (source.startsWith('\\p{L}', i)) {
        out += inClass ? 'A-Za-z' : '[A-Za-z]';
        i += 4;
      } else {
        out += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    out += c;
  }
  return out;
}
