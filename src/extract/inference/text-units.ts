// The document as a reader scans it for metadata: its title, the lines near the top, every
// block, and its file name — each piece of text with a way back to its line and column.
import { placeInBlock } from '../../parse/markdown.js';
import type { ParsedDocument } from '../../parse/document.js';
import type { Place } from '../../types.js';

export interface Unit {
  /** The block's text, whitespace flattened to spaces (offsets unchanged). */
  text: string;
  /** Index of the block in the document. */
  block: number;
  place: (offset: number) => Place;
}

/** A short block near the top can be a title, a date line or a signature; a long one is prose. */
const TITLE_CHARS = 200;
/** How many blocks from the top can still be the title (a site name or "About us" often comes first). */
const TOP_BLOCKS = 4;

export interface Units {
  all: Unit[];
  /** The headings' blocks, in order. */
  headings: Unit[];
  /** The document's title: its first level-1 heading, else its first heading, else its first short block. */
  title: Unit | null;
  /** The other title-like blocks among the first four, where a site name or "About us" may come first. */
  top: Unit[];
  /** The file name without folders and extension, separators as spaces ("annual-report_2023.html" → "annual report 2023"). */
  fileName: string;
  file: string;
}

export function unitsOf(doc: ParsedDocument): Units {
  const all: Unit[] = doc.blocks.map((b, i) => ({
    text: b.text.replace(/\s/g, ' '),
    block: i,
    place: (offset) => placeInBlock(b, offset),
  }));
  const heading = doc.headings.find((h) => h.depth === 1) ?? doc.headings[0];
  const first = all.find((u) => u.text.trim() !== '');
  const title = heading ? all[heading.block]! : first && first.text.length <= TITLE_CHARS ? first : null;
  // Title-like: short, and not a sentence (a sentence ends with a full stop).
  const top = all
    .filter((u) => u.text.trim() !== '')
    .slice(0, TOP_BLOCKS)
    .filter((u) => u.text.length <= TITLE_CHARS && u !== title && !/[.!?;]\s*$/.test(u.text));
  const file = doc.path.split(/[\\/]/).pop() ?? '';
  const fileName = file
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[-_.+]+/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'); // "ieDecisionDetails" → "ie Decision Details"
  return { all, headings: doc.headings.map((h) => all[h.block]!), title, top, fileName, file };
}

/** A quote for a message: the words matched, or the start of a long block, on one line. */
export function excerpt(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
