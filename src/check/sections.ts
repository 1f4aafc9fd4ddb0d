// The sections of the body a check reads: those whose heading matches one of the patterns.
import type { ParsedDocument } from '../parse/document.js';
import type { Block, Heading } from '../parse/markdown.js';
import { alternation } from './patterns.js';

export interface Section {
  heading: Heading;
  /** The blocks under the heading (subsections included), the heading itself excluded. */
  blocks: Block[];
}

export function sectionsMatching(doc: ParsedDocument, headingPatterns: string[]): Section[] {
  if (headingPatterns.length === 0) return [];
  const pattern = alternation(headingPatterns);
  return doc.headings
    .filter((h) => pattern.test(h.text))
    .map((heading) => ({ heading, blocks: doc.blocks.slice(heading.block + 1, heading.end) }));
}
