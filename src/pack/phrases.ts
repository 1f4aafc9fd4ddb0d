// The shared vocabulary of the rule packs (rules/phrases.yaml): named sets of phrases, written in
// words, that the engine turns into regular expressions. A pack names sets; it never holds regex.
// The phrase syntax (docs/phrasing.md, "Writing a cue"):
//   words        matched case-insensitively, as whole words: `police` does not match "policed"
//   word*        a stem: the word may go on (`scrutin*` matches "scrutiny", "scrutineer")
//   (a|b)        one of the alternatives (`(lead|delegated) partner`)
//   [x]          optional (`partner[s]`, `co[-]production`, `[local ]authority`); `[a|b]` one or none
// Every other character stands for itself. A phrase starts at a word start (unless it starts with
// a character that is not a letter or digit) and ends at a word end (unless it ends with `*` or
// such a character). Where a phrase cannot say it (digits, any spacing, "not followed by"), a set
// item may be `{ pattern, why }`: a raw regular expression with the reason it is one.

/** One item of a set as written: a phrase, or a raw pattern with its reason. */
export type PhraseItem = string | { pattern: string; why: string };

export interface PhraseSet {
  /** What the set is, in a sentence. */
  about: string;
  match: PhraseItem[];
}

/** rules/phrases.yaml, validated (schemas/phrases.schema.json). */
export interface Vocabulary {
  phrases: Record<string, PhraseSet>;
}

const WORD = /[\p{L}\p{N}_]/u;
const SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/** A phrase's regular expression source; throws an Error that says what is wrong with it. */
export function phraseSource(phrase: string): string {
  let i = 0;
  const body = (closers: string): string => {
    let out = '';
    while (i < phrase.length && !closers.includes(phrase[i]!)) {
      const c = phrase[i]!;
      if (c === '(' || c === '[') {
        const open = i++;
        const close = c === '(' ? ')' : ']';
        const options = [body(`|${close}`)];
        while (phrase[i] === '|') {
          i++;
          options.push(body(`|${close}`));
        }
        if (phrase[i] !== close) throw new Error(`the "${c}" at character ${open + 1} is not closed by "${close}"`);
        i++;
        if (options.some((o) => o === '')) throw new Error(`an empty alternative inside "${c}…${close}"`);
        out += `(?:${options.join('|')})${c === '[' ? '?' : ''}`;
      } else if (c === '*') {
        i++;
        if (!WORD.test(phrase[i - 2] ?? '') && phrase[i - 2] !== ')' && phrase[i - 2] !== ']') throw new Error('"*" must follow a word');
        out += i < phrase.length ? '\\w*' : '';
      } else if (c === ')' || c === ']' || c === '|') {
        throw new Error(`the "${c}" at character ${i + 1} has no opening bracket`);
      } else {
        out += c.replace(SPECIAL, '\\$&');
        i++;
      }
    }
    return out;
  };
  if (phrase.trim() !== phrase || phrase === '') throw new Error('a phrase must not be empty or start or end with a space');
  const source = body('');
  if (i < phrase.length) throw new Error(`the "${phrase[i]}" at character ${i + 1} has no opening bracket`);
  const first = phrase.replace(/^[([]+/, '')[0] ?? '';
  const last = phrase.replace(/[)\]]+$/, '').at(-1) ?? '';
  const start = WORD.test(first) ? '\\b' : '';
  const end = phrase.endsWith('*') || !WORD.test(last) ? '' : '\\b';
  return `${start}${source}${end}`;
}

/** A set's regular expression source: any of its phrases or patterns. */
export function setSource(set: PhraseSet): string {
  const sources = set.match.map((item) => (typeof item === 'string' ? phraseSource(item) : item.pattern));
  return sources.length === 1 ? sources[0]! : sources.map((s) => (/[|]/.test(s) ? `(?:${s})` : s)).join('|');
}

/** How a set reads to a person: its phrases in quotes, its raw patterns as /…/. */
export function phrasesInWords(set: PhraseSet): string[] {
  return set.match.map((item) => (typeof item === 'string' ? `"${item}"` : `/${item.pattern}/`));
}
