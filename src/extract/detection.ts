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
  };
}

export function matchesCue(text: string, cues: RegExp[][]): boolean {
  return cues.some((cue) => cue.every((pattern) => pattern.test(text)));
}
