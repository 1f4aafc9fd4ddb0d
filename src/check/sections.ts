// The sections of the body a check reads: those whose heading matches one of the phrases.
import type { ParsedDocument } from '../parse/document.js';
import type { Block, Heading } from '../parse/markdown.js';
import { matcherOf } from './phrase-lists.js';
import type { PhraseItem } from '../pack/phrases.js';

export interface Section {
  heading: Heading;
  /** The blocks under the heading (subsections included), the heading itself excluded. */
  blocks: Block[];
}

export function sectionsMatching(doc: ParsedDocument, headings: PhraseItem[] | undefined): Section[] {
  if (!headings?.length) return [];
  const pattern = matcherOf(headings);
  return doc.headings
    .filter((h) => pattern.test(h.text))
    .map((heading) => ({ heading, blocks: doc.blocks.slice(heading.block + 1, heading.end) }));
}
