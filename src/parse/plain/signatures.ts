// Signature blocks: the partners' officers signing the document by name and post. Text
// converted from PDF or Word prints them stacked (a name, a post, an organisation, one to a
// line), on one line ("A. Lead, Chief Executive, Northshire County Council") or, flattened from
// columns, as a line of names, a line of posts and a line of organisations, sometimes all run
// together at the end of a paragraph. What they share: a stretch of capitalised words, not a
// sentence, holding people's names and the partners' posts. Which posts and organisations
// belong to which partner is vocabulary, passed in (the pack's).
import type { TextLine } from './lines.js';
import type { PackRegExp } from '../../pack/regex.js';
import { countWords, isSpace, startsCapitalised, startsCapitalisedAt, startsUpperAt } from './words.js';

export interface SignatureVocabulary {
  /** Posts of the partners' officers; `partner` when the post says whose it is ("Chief Constable": police). */
  posts: { pattern: PackRegExp; partner?: string }[];
  /** The partners' organisations, each with its partner type. */
  organisations: { pattern: PackRegExp; partner: string }[];
}

export interface SignatureBlock {
  /** The posts named, in order. */
  posts: string[];
  /** The organisations named, in order. */
  organisations: string[];
  /** People's names found beside them. */
  names: string[];
  /** The partner types the posts and organisations name. */
  partners: string[];
  line: number;
  column: number;
  /** Indexes (into the lines read) of the lines the block takes whole. */
  lines: number[];
}

const HONORIFIC = String.raw`(?:Dr|Cllr|Councillor|Professor|Prof|Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Lord|Baroness)\.?`;
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'\u2019-]*\p{Ll}|\p{Lu}\.?`;
/** Two to four capitalised words (a title and initials allowed), post-nominal letters after. */
const NAME = new RegExp(
  String.raw`(?<![\p{L}-])(?:${HONORIFIC}\s+)?(?:${NAME_WORD})(?:\s+(?:${NAME_WORD})){1,3}(?:,?\s+[A-Z]{2,5}\b)*`,
  'gu',
);
/** Words that make a capitalised phrase a title, a place or an organisation, not a person. */
const NOT_A_NAME =
  /^(?:council|police|partnership|board|safeguarding|children|child|services?|nhs|trust|county|city|borough|district|report|arrangements|contents|introduction|foreword|appendix|chief|director|executive|officer|constable|signed|signature|date|group|care|health|integrated|commissioning|clinical|local|authority|friendly|operations|interim|deputy|acting|page|the|and|of|for|our|working|together|partners?|young|people|families|annual|multi-agency|key|statutory|adults?|social|independent|chair|scrutineer|neighbourhood|policing|unit|commander|nursing|lead|head|manager|members?|north|south|east|west|central|greater|country|midlands|united|kingdom|england|team|business|strategic|education|learning|quality|assurance|public|community|safety|family|youth|justice)$/iu;
const SIGNED = /^(?:signed|signature|signatures|signed by|signed on behalf of)\b/iu;
const FUNCTION_WORDS = new Set(['a', 'an', 'of', 'and', 'for', 'the', 'to', 'in', 'on', '&', '-', '–', '—', '|', 'at', 'with', '•']);
/** A line longer than this is prose: only a stretch of it can be a signature block. */
const MAX_LINE_WORDS = 24;
const MAX_BLOCK_WORDS = 80;

/** Finds the signature blocks among the lines of a document. */
export function findSignatureBlocks(
  lines: TextLine[],
  vocabulary: SignatureVocabulary,
  taken: ReadonlySet<number> = new Set(),
): SignatureBlock[] {
  const blocks: SignatureBlock[] = [];
  for (const unit of unitsOf(lines, taken)) {
    const block = readUnit(unit, vocabulary);
    if (block) blocks.push(block);
  }
  return blocks;
}

interface Unit {
  text: string;
  line: number;
  column: number;
  lines: number[];
}

/**
 * Stretches of text that could be a signature block: runs of consecutive short lines of
 * capitalised words, and, inside longer lines, such stretches between sentences.
 */
function unitsOf(lines: TextLine[], taken: ReadonlySet<number>): Unit[] {
  const units: Unit[] = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length) {
      const first = lines[run[0]!]!;
      units.push({ text: run.map((i) => lines[i]!.text).join('\n'), line: first.line, column: first.column, lines: run });
    }
    run = [];
  };
  lines.forEach((line, i) => {
    // A table or a list of partners and their officers (a membership, the delegates) is not a signature block.
    if (taken.has(i) || line.heading || line.tableRow || line.listItem || /^[•▪◦·*-]\s/u.test(line.text)) return flush();
    if (countWords(line.text, MAX_LINE_WORDS) <= MAX_LINE_WORDS && isListing(line.text)) {
      run.push(i);
      if (run.reduce((sum, k) => sum + countWords(lines[k]!.text), 0) > MAX_BLOCK_WORDS) run.shift();
      return;
    }
    flush();
    // A long line: its sentences, and the capitalised tail of one (a block run into a paragraph).
    forEachSentence(line.text, (from, to) => {
      const tail = capitalisedTail(line.text, from, to);
      if (tail && countWords(tail, 4) >= 4) {
        const offset = line.text.indexOf(tail);
        units.push({ text: tail, line: line.line, column: line.column + offset, lines: [] });
      }
    });
  });
  flush();
  return units;
}

/** Prose about the officers, not their signatures: a name in brackets, "the" before a post ("the Chief Constable (Mr …)"). */
const PROSE_MARKS = /[()]|\sthe\s/u;

function readUnit(unit: Unit, vocabulary: SignatureVocabulary): SignatureBlock | null {
  if (PROSE_MARKS.test(unit.text)) return null;
  const posts = matchesIn(unit.text, vocabulary.posts);
  if (posts.length === 0) return null;
  const organisations = matchesIn(unit.text, vocabulary.organisations);
  let rest = unit.text;
  for (const m of [...posts, ...organisations]) rest = rest.replace(m.text, '\n');
  const names = namesIn(rest);
  const signed = SIGNED.test(unit.text);
  if (names.length === 0 && !signed) return null;
  const named = [...posts, ...organisations].sort((a, b) => a.index - b.index);
  const partners = [...new Set(named.flatMap((m) => (m.partner === undefined ? [] : [m.partner])))];
  return {
    posts: posts.map((m) => m.text),
    organisations: organisations.map((m) => m.text),
    names,
    partners,
    line: unit.line,
    column: unit.column,
    lines: unit.lines,
  };
}

/** The people's names in what is left once posts and organisations are taken out. */
function namesIn(text: string): string[] {
  const names: string[] = [];
  for (const piece of text.split(/\n|\s{2,}|[,|•;:()]/u)) {
    // Place and body words split a capitalised run: "Child-Friendly Borough Jo Bloggs" holds one name.
    const words = piece.trim().split(/\s+/u);
    let current: string[] = [];
    const take = () => {
      const candidate = current.join(' ');
      for (const m of candidate.matchAll(NAME)) names.push(m[0]);
      current = [];
    };
    for (const word of words) {
      if (!word || NOT_A_NAME.test(word.replace(/[’']s$/u, '')) || !/^\p{Lu}/u.test(word)) take();
      else current.push(word);
    }
    take();
  }
  return names;
}

interface Match {
  text: string;
  partner?: string;
  index: number;
}

/** Every non-overlapping match of the patterns, leftmost first (a longer match wins at the same place). */
function matchesIn(text: string, patterns: { pattern: PackRegExp; partner?: string }[]): Match[] {
  const all: Match[] = [];
  for (const { pattern, partner } of patterns) {
    for (const m of text.matchAll(pattern.for(text)))
      if (m[0]) all.push({ text: m[0], index: m.index!, ...(partner !== undefined && { partner }) });
  }
  all.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: Match[] = [];
  for (const m of all) {
    const previous = kept[kept.length - 1];
    if (!previous || m.index >= previous.index + previous.text.length) kept.push(m);
  }
  return kept;
}

/** Capitalised words (names, posts, organisations), not a sentence. */
function isListing(text: string): boolean {
  // (\p{Ll}{2,}\.$ read on the end alone: anchored at the end, V8 would still try every position.)
  if (/[.!?;]\s+\p{Ll}/u.test(text) || /[!?;]$/.test(text) || (text.endsWith('.') && /\p{Ll}{2}\.$/u.test(text.slice(-5)))) return false;
  let words = 0;
  let capitalised = 0;
  for (const word of wordsOf(text)) {
    if (FUNCTION_WORDS.has(word.toLowerCase())) continue;
    words++;
    if (startsCapitalised(word)) capitalised++;
  }
  return words > 0 && capitalised / words >= 0.8;
}

/**
 * Calls `each` with the bounds of every piece of the line that `text.split(/(?<=[.!?:;])\s+/)`
 * gives, without making the strings: most pieces are prose, read no further than two words.
 */
function forEachSentence(text: string, each: (from: number, to: number) => void): void {
  let from = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(text); m; m = SENTENCE_BREAK.exec(text)) {
    each(from, m.index + 1);
    from = SENTENCE_BREAK.lastIndex;
  }
  each(from, text.length);
}

/** The white space after a sentence's last character, as the split above finds it. */
const SENTENCE_BREAK = /[.!?:;]\s+/g;
const LONGEST_FUNCTION_WORD = Math.max(...[...FUNCTION_WORDS].map((w) => w.length));

// The words capitalisedTail has read, last first, as bounds in its text (one call at a time).
const wordStarts: number[] = [];
const wordEnds: number[] = [];

/** The longest stretch at the end of text[from, to) that reads as a listing. */
function capitalisedTail(text: string, from: number, to: number): string | null {
  // Read from the end, a word at a time: prose ends in lower-case words and is rejected after two.
  wordStarts.length = 0;
  wordEnds.length = 0;
  let accepted = 0; // how many of the words read (from the end) belong to the stretch
  let lower = 0;
  for (let end = to; ;) {
    while (end > from && isSpace(text, end - 1)) end--;
    if (end === from) break;
    let start = end;
    while (start > from && !isSpace(text, start - 1)) start--;
    wordStarts.push(start);
    wordEnds.push(end);
    const isFunctionWord = end - start <= LONGEST_FUNCTION_WORD && FUNCTION_WORDS.has(text.slice(start, end).toLowerCase());
    end = start;
    if (isFunctionWord) continue;
    if (!startsCapitalisedAt(text, start) && ++lower > 1) break;
    accepted = wordStarts.length;
  }
  // The stretch starts at its first word with a capital letter.
  let first = accepted - 1;
  while (first >= 0 && !startsUpperAt(text, wordStarts[first]!)) first--;
  if (first < 0) return null;
  const words: string[] = [];
  for (let k = first; k >= 0; k--) words.push(text.slice(wordStarts[k], wordEnds[k]));
  const tail = words.join(' ');
  return isListing(tail) ? tail : null;
}

const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);
