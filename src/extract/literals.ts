// A cheap necessary condition for a pack pattern: literal strings, one of which must occur in
// any text the pattern matches (case-insensitively). A sentence that contains none of them is
// rejected with a few native `includes` calls instead of a regex run at every position.
// Conservative by construction: anything it does not understand gives no literals (null),
// and the pattern is then always run.

const SPECIAL = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);

/** Lowercase ASCII strings, one of which every match of `source` (flags "iu") contains; or null. */
export function requiredLiterals(source: string): string[] | null {
  let i = 0;

  // min repetitions of the atom just read (1 when no quantifier follows)
  const quantifier = (): number => {
    const c = source[i];
    let min = 1;
    if (c === '?' || c === '*') {
      min = 0;
      i++;
    } else if (c === '+') {
      i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(source.slice(i));
      if (!m) return 1; // a literal "{" would be a syntax error under the u flag; nothing to do
      min = Number(m[1]);
      i += m[0].length;
    } else {
      return 1;
    }
    if (source[i] === '?') i++; // lazy
    return min;
  };

  const skipEscape = (): void => {
    i++; // the backslash
    const c = source[i++];
    if ((c === 'u' || c === 'p' || c === 'P') && source[i] === '{') i = source.indexOf('}', i) + 1;
    else if (c === 'u') i += 4;
    else if (c === 'x') i += 2;
    else if (c === 'c') i += 1;
    else if (c === 'k' && source[i] === '<') i = source.indexOf('>', i) + 1;
  };

  const skipClass = (): void => {
    i++; // [
    while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
    i++; // ]
  };

  /** The best candidate of a sequence (up to "|" or ")"): the set whose shortest literal is longest. */
  const sequence = (): string[] | null => {
    let best: string[] | null = null;
    let run = '';
    const offer = (set: string[] | null) => {
      if (set && set.length && (!best || Math.min(...set.map((s) => s.length)) > Math.min(...best.map((s) => s.length)))) best = set;
    };
    const endRun = () => {
      if (run) offer([run]);
      run = '';
    };
    while (i < source.length && source[i] !== '|' && source[i] !== ')') {
      const c = source[i]!;
      if (c === '\\') {
        const zeroWidth = source[i + 1] === 'b' || source[i + 1] === 'B';
        skipEscape();
        if (zeroWidth) continue; // \b between literal characters does not break the run's text
        quantifier();
        endRun();
      } else if (c === '[') {
        skipClass();
        quantifier();
        endRun();
      } else if (c === '(') {
        const look = /^\(\?<?[=!]/.test(source.slice(i));
        const head = /^\((?:\?:|\?<?[=!]|\?<[^>=!]+>)?/.exec(source.slice(i))![0];
        i += head.length;
        const inner = alternation();
        i++; // )
        const min = quantifier();
        if (look) continue; // zero-width: the run's text goes on around it
        endRun();
        if (min >= 1) offer(inner);
      } else if (c === '^' || c === '$') {
        i++;
      } else if (c === '.' || SPECIAL.has(c) || c.charCodeAt(0) > 0x7e || c.charCodeAt(0) < 0x20) {
        i++;
        quantifier();
        endRun();
      } else {
        i++;
        const min = quantifier();
        if (min === 0) endRun();
        else if (min === 1 && source[i - 1] === c) run += c.toLowerCase();
        else {
          run += c.toLowerCase(); // c{2,}: c occurs; what follows may not be adjacent in the same way
          endRun();
        }
      }
    }
    endRun();
    return best;
  };

  /** Every branch must give literals, or the whole gives none. */
  const alternation = (): string[] | null => {
    const branches = [sequence()];
    while (source[i] === '|') {
      i++;
      branches.push(sequence());
    }
    if (branches.some((b) => b === null)) return null;
    return [...new Set(branches.flat() as string[])];
  };

  try {
    const result = alternation();
    return i >= source.length ? result : null;
  } catch {
    return null;
  }
}

/**
 * The text as the literals are compared with: lowercased, and ſ as s. Under /iu only two
 * characters outside ASCII match an ASCII letter, ſ (s) and K (k), and toLowerCase already
 * turns K into k.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

/** False only when the text cannot match (its fold() holds none of the literals); true means "run the regex". */
export function mayMatch(literals: string[] | null, folded: string): boolean {
  if (literals === null) return true;
  for (const literal of literals) if (folded.includes(literal)) return true;
  return false;
}

// Character pairs, hashed into 4,096 bits: a literal can occur in a text only if every pair of
// adjacent characters in it occurs there, so most absent literals are ruled out with a few bit
// tests instead of an includes() scan. The bits only filter; includes() still decides.
const pairHash = (a: number, b: number): number => ((a << 5) ^ b) & 4095;

/** Words in a set of character pairs (4,096 bits). */
export const PAIR_WORDS = 128;

/**
 * The set of adjacent character pairs of a folded text, written into `into` when given. A reader
 * that reads many texts in turn passes one array for all of them: a fresh 512-byte array per
 * text lives outside V8's heap, and allocating and collecting it cost more than filling it.
 */
export function pairsOf(folded: string, into = new Uint32Array(PAIR_WORDS)): Uint32Array {
  into.fill(0);
  for (let i = 1; i < folded.length; i++) {
    const h = pairHash(folded.charCodeAt(i - 1), folded.charCodeAt(i));
    into[h >>> 5]! |= 1 << (h & 31);
  }
  return into;
}

/** Literals with the pair hashes each needs, prepared once per pattern set. */
export interface PreparedLiterals {
  literals: string[];
  pairs: number[][];
}

export function prepareLiterals(literals: string[]): PreparedLiterals {
  return {
    literals,
    pairs: literals.map((l) => {
      const hashes = new Set<number>();
      for (let i = 1; i < l.length; i++) hashes.add(pairHash(l.charCodeAt(i - 1), l.charCodeAt(i)));
      return [...hashes];
    }),
  };
}

/** mayMatch, with the pairs of the folded text ruling out most literals before includes(). */
export function mayMatchPairs(prepared: PreparedLiterals, folded: string, pairs: Uint32Array): boolean {
  const { literals } = prepared;
  outer: for (let k = 0; k < literals.length; k++) {
    for (const h of prepared.pairs[k]!) if ((pairs[h >>> 5]! & (1 << (h & 31))) === 0) continue outer;
    if (folded.includes(literals[k]!)) return true;
  }
  return false;
}
