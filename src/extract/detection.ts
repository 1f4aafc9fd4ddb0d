// Detection data from a pack, compiled once when the pack loads.
import type { Detection, SentenceCue } from '../pack/types.js';
import { pointerToPath } from '../parse/locate.js';

export interface CompiledDetection {
  fields: string[][];
  headings: RegExp[];
  sentences: RegExp[][];
  section: RegExp[][];
  partial: RegExp[][];
  qualify: RegExp[][];
  exclude: RegExp[];
  /** Tests like `headings.some(...)`, in one regex. */
  anyHeading: Matcher;
  /** Tests like `exclude.some(...)`, in one regex. */
  anyExclude: Matcher;
  /**
   * A gate for the sentence pass: true wherever the first pattern of any `sentences` or `partial`
   * cue matches. A sentence it rejects matches no cue of the element, so one regex per element
   * replaces a test of every cue on most sentences.
   */
  sentenceGate: Matcher;
}

export interface Matcher {
  test(text: string): boolean;
}

const NEVER: Matcher = { test: () => false };
const ALWAYS: Matcher = { test: () => true };

/** One regex matching wherever any of the patterns does; the list itself where that is not safe. */
export function anyOf(sources: string[]): Matcher {
  if (sources.length === 0) return NEVER;
  const patterns = sources.map(compilePattern);
  // Back-references would be renumbered in an alternation: keep those as a list.
  if (sources.some((s) => /\\(?:[1-9]|k<)/.test(s))) return { test: (text) => patterns.some((p) => p.test(text)) };
  return sources.length === 1 ? patterns[0]! : compilePattern(sources.map((s) => `(?:${s})`).join('|'));
}

/** Patterns are case-insensitive and match on word starts unless they say otherwise. */
export function compilePattern(source: string): RegExp {
  return new RegExp(source, 'iu');
}

const compileCues = (cues: SentenceCue[] | undefined): RegExp[][] =>
  (cues ?? []).map((cue) => cue.all.map(compilePattern));

export function compileDetection(detection: Detection): CompiledDetection {
  return {
    fields: (detection.fields ?? []).map(pointerToPath),
    headings: (detection.headings ?? []).map(compilePattern),
    sentences: compileCues(detection.sentences),
    section: compileCues(detection.section),
    partial: compileCues(detection.partial),
    qualify: compileCues(detection.qualify),
    exclude: (detection.exclude ?? []).map(compilePattern),
    anyHeading: anyOf(detection.headings ?? []),
    anyExclude: anyOf(detection.exclude ?? []),
    sentenceGate: gate([...(detection.sentences ?? []), ...(detection.partial ?? [])]),
  };
}

export function matchesCue(text: string, cues: RegExp[][]): boolean {
  return cues.some((cue) => cue.every((pattern) => pattern.test(text)));
}

function gate(cues: SentenceCue[]): Matcher {
  if (cues.some((cue) => cue.all.length === 0)) return ALWAYS; // an empty cue matches every sentence
  return anyOf(cues.map((cue) => cue.all[0]!));
}
