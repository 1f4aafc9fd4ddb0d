// Detection data from a pack, compiled once when the pack loads.
import type { Detection, SentenceCue } from '../pack/types.js';
import { pointerToPath } from '../parse/locate.js';
import {
  fold,
  mayMatch,
  mayMatchPairs,
  PAIR_WORDS,
  pairsOf,
  prepareLiterals,
  requiredLiterals,
  type PreparedLiterals,
} from './literals.js';
import { PackRegExp } from '../pack/regex.js';

export interface CompiledDetection {
  fields: string[][];
  headings: PackRegExp[];
  /** Cues: each pattern behind its literal prefilter (matchesCue). */
  sentences: CuePattern[][];
  section: CuePattern[][];
  partial: CuePattern[][];
  qualify: CuePattern[][];
  exclude: PackRegExp[];
  /** Tests like `mentions.some(...)`: weak evidence, counted only where no section is found. */
  anyMention: Matcher;
  /** The `mentions` patterns, compiled (the element has mentions when there are any). */
  mentions: PackRegExp[];
  /** Partner types whose officers' signatures evidence the element (all of them, across the document's signature blocks). */
  signedBy: string[];
  /** Tests like `headings.some(...)`, in one regex. */
  anyHeading: Matcher;
  /** Tests like `exclude.some(...)`, in one regex. */
  anyExclude: Matcher;
  /**
   * A gate for the sentence pass: true wherever some `sentences` or `partial` cue may match, every
   * one of its patterns' literals being in the text (`folded` is fold(text), `pairs` pairsOf(folded)).
   * It runs no regex: a sentence it rejects matches no cue of the element.
   */
  sentenceGate: SentenceGate;
}

export interface Matcher {
  /** `folded` is fold(text) and `pairs` pairsOf(folded), when the caller has them already (once per sentence). */
  test(text: string, folded?: string, pairs?: Uint32Array): boolean;
  /** Literals one of which a matching text contains (see literals.ts), or null. */
  literals?: string[] | null;
}

/** A matcher of any of several patterns (anyOf), which can also rule out a whole block. */
export interface AnyMatcher extends Matcher {
  /**
   * False only when no text inside this one can match: its fold() (`folded`) holds none of the
   * literals. Read on a block, it rules the matcher out for every sentence of the block at once.
   */
  mayOccurIn(folded: string): boolean;
}

export type SentenceGate = (folded: string, pairs: Uint32Array) => boolean;

/** One pattern of a cue behind its literal prefilter; `pattern` is the regular expression itself. */
export interface CuePattern extends Matcher {
  pattern: PackRegExp;
  /** The prefilter's literals, prepared (null: the pattern's literals cannot be read, it may match anything). */
  prepared: PreparedLiterals | null;
}

const NEVER: AnyMatcher = { test: () => false, mayOccurIn: () => false };

/**
 * Whether any of the patterns matches: one regex for those without literals (the list itself
 * where an alternation is not safe), and the others each behind its own literal prefilter, after
 * a prefilter of all their literals. A text holding none of the literals is rejected without
 * running a regex; one holding some runs only the patterns that need them, so a pattern is
 * compiled (on its first run) only once a text could match it, not with every pattern of the list.
 */
export function anyOf(all: string[]): AnyMatcher {
  const sources = [...new Set(all)]; // cues often share a first pattern
  if (sources.length === 0) return NEVER;
  const literalsOf = new Map(sources.map((s) => [s, requiredLiterals(s)]));
  const open = sources.filter((s) => literalsOf.get(s) === null);
  const gated = sources.filter((s) => literalsOf.get(s) !== null).map((s) => cuePattern(s, literalsOf.get(s)!));
  const openRegex = open.length ? union(open) : NEVER;
  if (gated.length === 0) return { test: (text) => openRegex.test(text), literals: null, mayOccurIn: () => true };
  const literals = [...new Set(gated.flatMap((g) => g.literals!))];
  const prepared = prepareLiterals(literals);
  return {
    test: (text, folded, pairs) => {
      if (openRegex.test(text)) return true;
      folded ??= fold(text);
      if (!(pairs ? mayMatchPairs(prepared, folded, pairs) : mayMatch(literals, folded))) return false;
      return gated.some((g) => g.test(text, folded, pairs));
    },
    literals: open.length ? null : literals,
    mayOccurIn: open.length ? () => true : (folded) => mayMatch(literals, folded),
  };
}

/** One regex for "any of these"; a list where an alternation is not safe or not faster. */
function union(sources: string[]): Matcher {
  const patterns = sources.map(compilePattern);
  // An alternation also hides anchoring: V8 runs a pattern that starts with ^ at the start only,
  // but (?:^a)|(?:b) at every position.
  if (sources.some((s) => /\\(?:[1-9]|k<)/.test(s) || s.startsWith('^'))) return { test: (text) => patterns.some((p) => p.test(text)) };
  return sources.length === 1 ? patterns[0]! : compilePattern(sources.map((s) => `(?:${s})`).join('|'));
}

/** Patterns are case-insensitive and match on word starts unless they say otherwise. */
export function compilePattern(source: string): PackRegExp {
  return new PackRegExp(source);
}

const compileCues = (cues: SentenceCue[] | undefined): CuePattern[][] => (cues ?? []).map((cue) => cue.all.map((s) => cuePattern(s)));

function cuePattern(source: string, literals = requiredLiterals(source)): CuePattern {
  const pattern = compilePattern(source);
  if (literals === null) return { test: (text) => pattern.test(text), literals, pattern, prepared: null };
  const prepared = prepareLiterals(literals);
  return {
    test: (text, folded, pairs) =>
      (pairs ? mayMatchPairs(prepared, folded!, pairs) : mayMatch(literals, folded ?? fold(text))) && pattern.test(text),
    literals,
    pattern,
    prepared,
  };
}

export function compileDetection(detection: Detection): CompiledDetection {
  const sentences = compileCues(detection.sentences);
  const partial = compileCues(detection.partial);
  return {
    fields: (detection.fields ?? []).map(pointerToPath),
    headings: (detection.headings ?? []).map(compilePattern),
    sentences,
    section: compileCues(detection.section),
    partial,
    qualify: compileCues(detection.qualify),
    exclude: (detection.exclude ?? []).map(compilePattern),
    signedBy: detection.signed_by ?? [],
    anyMention: anyOf(detection.mentions ?? []),
    mentions: (detection.mentions ?? []).map(compilePattern),
    anyHeading: anyOf(detection.headings ?? []),
    anyExclude: anyOf(detection.exclude ?? []),
    sentenceGate: gate([...sentences, ...partial]),
  };
}

/** A pack's placeholder sets as regular expression sources (src/pack/types.ts, Placeholders). */
export interface PlaceholderSources {
  alone: string[];
  starts: string[];
  short: number;
  phrases: string[];
}

/**
 * Tests a trimmed block: does it only hold a place? Each test is anchored or length-capped, so a
 * literal prefilter that lowercases the whole block would cost more than it saves; "short and
 * contains" is a length check and an unanchored search, never a regex that backtracks over the text.
 */
export function placeholderMatcher({ alone, starts, short, phrases }: PlaceholderSources): Matcher {
  return new PlaceholderMatcher(
    alone.length ? compilePattern(`^(?:${alone.map((s) => `(?:${s})`).join('|')})\\s*[.!]?$`) : null,
    starts.length ? compilePattern(`^(?:${starts.map((s) => `(?:${s})`).join('|')})`) : null,
    short,
    phrases.map(compilePattern),
  );
}

/**
 * One class for every pack's placeholders (not closures made per pack): the sentence pass, which
 * tests every block, then calls one function whichever pack a document is checked with, and V8
 * need not throw away and recompile its optimised code when the other pack's documents come.
 */
class PlaceholderMatcher implements Matcher {
  constructor(
    private readonly whole: PackRegExp | null,
    private readonly start: PackRegExp | null,
    private readonly short: number,
    private readonly contains: PackRegExp[],
  ) {}

  test(text: string): boolean {
    if (this.whole?.test(text) || this.start?.test(text)) return true;
    return text.length <= this.short && this.contains.some((p) => p.test(text));
  }
}

/**
 * Whether every pattern of some cue matches the text; `folded` and `pairs` as for Matcher.test,
 * made here when not given. A cue's regexes run only once all its patterns' literals are found.
 */
export function matchesCue(text: string, cues: CuePattern[][], folded?: string, pairs?: Uint32Array): boolean {
  if (cues.length === 0) return false;
  folded ??= fold(text);
  pairs ??= pairsOf(folded, CUE_PAIRS);
  return cues.some((cue) => mayMatchCue(cue, folded, pairs) && cue.every((p) => p.pattern.test(text)));
}

/** matchesCue's own pairs when the caller has none: read only inside the call, which calls nothing that uses them. */
const CUE_PAIRS = new Uint32Array(PAIR_WORDS);

/** Whether every pattern of the cue has one of its literals in the text (a pattern without literals always may). */
function mayMatchCue(cue: CuePattern[], folded: string, pairs: Uint32Array): boolean {
  for (const p of cue) if (p.prepared && !mayMatchPairs(p.prepared, folded, pairs)) return false;
  return true;
}

/**
 * The sentence pass's gate (CompiledDetection.sentenceGate): some cue whose every pattern has one
 * of its literals in the sentence. It runs for every sentence and element, so it reads plain
 * arrays of each cue's prepared literals (patterns without literals left out) in plain loops.
 */
function gate(cues: CuePattern[][]): SentenceGate {
  if (cues.length === 0) return () => false;
  const sets = cues.map((cue) => cue.flatMap((p) => (p.prepared ? [p.prepared] : [])));
  // A cue none of whose patterns has literals (or an empty cue) may match any sentence.
  if (sets.some((cue) => cue.length === 0)) return () => true;
  return (folded, pairs) => {
    for (const cue of sets) {
      let all = true;
      for (const set of cue) {
        if (!mayMatchPairs(set, folded, pairs)) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  };
}
