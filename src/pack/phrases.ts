// The shared vocabulary of the rule packs (rules/phrases.yaml): named sets of phrases, written in
// words, that the engine turns into regular expressions. A pack names sets or lists phrases; it never holds regex.
// The phrase syntax (docs/phrasing.md, "Writing a cue"):
//   words        matched case-insensitively, as whole words: `police` does not match "policed"
//   word*        a stem: the word may go on (`scrutin*` matches "scrutiny", "scrutineer")
//   (a|b)        one of the alternatives (`(lead|delegated) partner`)
//   [x]          optional (`partner[s]`, `co[-]production`, `[local ]authority`); `[a|b]` one or none
// Every other character stands for itself. A phrase starts at a word start (unless it starts with
// a character that is not a letter or digit) and ends at a word end (unless it ends with `*` or
// such a character). Where a phrase cannot say it (digits, any spacing, "not followed by"), a set
// item may be `{ pattern, why }`: a raw regular expression with the reason it is one.
// Check options and rules/inference.yaml hold phrase lists of the same items, and may name a set
// of this file among them (`{ set: name }`); the loaders put the set's items in its place.

/** One item of a set as written: a phrase, or a raw pattern with its reason. */
export type PhraseItem = string | { pattern: string; why: string };

/** An item of a phrase list outside rules/phrases.yaml: a phrase set's item, or a set named whole. */
export type PhraseListItem = PhraseItem | { set: string };

export interface PhraseSet {
  /** What the set is, in a sentence. */
  about: string;
  match: PhraseItem[];
}

/** rules/phrases.yaml, validated (schemas/phrases.schema.json). */
export interface Vocabulary {
  phrases: Record<string, PhraseSet>;
  /** Each set's regular expression source (setSource), kept by the build's snapshot: building them is ~10 ms of a cold start. */
  sources?: Record<string, string>;
}

/** The vocabulary with each set's source built, as the build's snapshot keeps it. */
export function withSources(vocabulary: Vocabulary): Vocabulary {
  return { ...vocabulary, sources: Object.fromEntries(Object.entries(vocabulary.phrases).map(([name, set]) => [name, setSource(set)])) };
}

const WORD = /[\p{L}\p{N}_]/u;
const SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/**
 * A phrase's regular expression source; throws an Error that says what is wrong with it. `space`
 * is what a space of the phrase becomes: itself, or `\s+` where the text's spacing is not
 * normalised (rules/inference.yaml reads blocks as they stand).
 */
export function phraseSource(phrase: string, space = ' '): string {
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
        out += c === ' ' ? space : c.replace(SPECIAL, '\\$&');
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
  return itemsSource(set.match);
}

/** The regular expression source of a list of phrases and patterns: any of them. */
export function itemsSource(items: PhraseItem[], space = ' '): string {
  const sources = items.map((item) => (typeof item === 'string' ? phraseSource(item, space) : item.pattern));
  return sources.length === 1 ? sources[0]! : sources.map((s) => (/[|]/.test(s) ? `(?:${s})` : s)).join('|');
}

/** What is wrong with one item (a phrase that does not parse, a pattern that does not compile), or null. */
export function itemProblem(item: PhraseItem): string | null {
  const [what, source] = typeof item === 'string' ? ['phrase', item] : ['pattern', item.pattern];
  try {
    new RegExp(typeof item === 'string' ? phraseSource(item) : item.pattern, 'iu');
    return null;
  } catch (error) {
    return `invalid ${what} ${JSON.stringify(source)}: ${(error as Error).message}`;
  }
}

/**
 * A phrase list checked against the vocabulary: each item's problem, or an unknown set, reported
 * by `fail` at the item's index. Every list of phrases in the rule data passes through here.
 */
export function checkPhraseList(items: PhraseListItem[], vocabulary: Vocabulary, fail: (index: number, problem: string) => void): void {
  items.forEach((item, i) => {
    if (typeof item === 'object' && 'set' in item) {
      if (!Object.hasOwn(vocabulary.phrases, item.set)) fail(i, unknownSet(item.set, vocabulary));
      return;
    }
    const problem = itemProblem(item);
    if (problem) fail(i, problem);
  });
}

/** A phrase list with each named set replaced by that set's items, in place. */
export function expandSets(items: PhraseListItem[], vocabulary: Vocabulary): PhraseItem[] {
  return items.flatMap((item) => (typeof item === 'object' && 'set' in item ? vocabulary.phrases[item.set]!.match : [item]));
}

/** The message for a set name that the vocabulary does not define. */
export function unknownSet(name: string, vocabulary: Vocabulary): string {
  return `unknown phrase set "${name}"${suggest(name, Object.keys(vocabulary.phrases))}; define it in rules/phrases.yaml or correct the name`;
}

/** " (did you mean …?)" for a near name: same letters up to one edit, or one contains the other. */
function suggest(name: string, names: string[]): string {
  const near = names.find((n) => n.includes(name) || name.includes(n) || withinOneEdit(n, name));
  return near ? ` (did you mean "${near}"?)` : '';
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/** How a set reads to a person: its phrases in quotes, its raw patterns as /…/. */
export function phrasesInWords(set: PhraseSet): string[] {
  return set.match.map((item) => (typeof item === 'string' ? `"${item}"` : `/${item.pattern}/`));
}
