// The structure plain text keeps in its lines, read back into the parts detection works on:
// contents lists (taken out of the prose and kept as entries), signature blocks, and, for a
// document without Markdown headings, the title lines that are its headings (each becomes a
// heading block, so its section is judged as a Markdown section is).
import { placeInBlock, type Block, type Heading } from '../markdown.js';
import { findContentsLists, type ContentsList } from './contents-list.js';
import { findPlainHeadings, type PlainHeading } from './headings.js';
import { linesOf, type TextLine } from './lines.js';
import { findSignatureBlocks, type SignatureBlock, type SignatureVocabulary } from './signatures.js';

export interface PlainStructure {
  headings: Heading[];
  blocks: Block[];
  contents: ContentsList[];
  signatures: SignatureBlock[];
}

export interface PlainOptions {
  /** Read headings from title lines (for documents whose headings are not marked up). */
  headings: boolean;
  /** Posts and organisations of the partners' officers; without it no signature block is read. */
  signatures?: SignatureVocabulary;
}

/** Whether a document's headings are marked up: more than a title. */
export function hasMarkedHeadings(headings: Heading[]): boolean {
  return headings.filter((h) => h.depth <= 6).length > 1;
}

export function readPlainStructure(parts: { headings: Heading[]; blocks: Block[] }, options: PlainOptions): PlainStructure {
  const lines = linesOf(parts.blocks);
  const contents = findContentsLists(lines);
  const taken = new Set(contents.flatMap((list) => list.lines));
  const signatures = options.signatures ? findSignatureBlocks(lines, options.signatures, taken) : [];
  const plainHeadings = options.headings ? findPlainHeadings(lines, new Set([...taken, ...signatures.flatMap((s) => s.lines)])) : [];
  if (taken.size === 0 && plainHeadings.length === 0) return { ...parts, contents, signatures };
  return { ...rebuild(parts, lines, taken, plainHeadings), contents, signatures };
}

/** Blocks with contents lines taken out and heading lines made heading blocks; headings renumbered. */
function rebuild(
  parts: { headings: Heading[]; blocks: Block[] },
  lines: TextLine[],
  removed: ReadonlySet<number>,
  plainHeadings: PlainHeading[],
): { headings: Heading[]; blocks: Block[] } {
  const headingAt = new Map(plainHeadings.map((h) => [h.index, h]));
  const linesByBlock = new Map<number, number[]>();
  lines.forEach((line, index) => linesByBlock.set(line.block, [...(linesByBlock.get(line.block) ?? []), index]));
  const blocks: Block[] = [];
  const headings: Heading[] = [];
  const addHeading = (block: Block, depth: number, text: string) => {
    headings.push({ depth, text, line: block.line, column: block.column, block: blocks.length, end: 0 });
    blocks.push(block);
  };
  parts.blocks.forEach((block, b) => {
    const own = linesByBlock.get(b) ?? [];
    if (block.kind === 'heading') {
      const original = parts.headings[block.heading]!;
      if (own.some((i) => removed.has(i))) return; // a "Contents" heading
      addHeading(block, original.depth, original.text);
      return;
    }
    const changed = own.some((i) => removed.has(i) || headingAt.has(i));
    // Table rows and labelled paragraphs keep their shape.
    if (!changed || block.kind === 'table-row' || block.label !== undefined) {
      if (!own.every((i) => removed.has(i)) || own.length === 0) blocks.push(block);
      return;
    }
    let run: number[] = [];
    const flush = () => {
      if (run.length) blocks.push(slice(block, lines[run[0]!]!.start, lines[run[run.length - 1]!]!.end));
      run = [];
    };
    for (const i of own) {
      if (removed.has(i)) flush();
      else if (headingAt.has(i)) {
        flush();
        const line = lines[i]!;
        const heading = headingAt.get(i)!;
        addHeading({ ...slice(block, line.start, line.end), kind: 'heading' }, heading.depth, line.text);
      } else run.push(i);
    }
    flush();
  });
  // Each heading's section runs to the next heading of the same or a higher level; every block points at the nearest heading above.
  const open: Heading[] = [];
  for (const heading of headings) {
    while (open.length && open[open.length - 1]!.depth >= heading.depth) open.pop()!.end = heading.block;
    open.push(heading);
  }
  for (const heading of open) heading.end = blocks.length;
  let current = -1;
  const headingOfBlock = new Map(headings.map((h, index) => [h.block, index]));
  const placed = blocks.map((block, index) => {
    current = headingOfBlock.get(index) ?? current;
    return block.heading === current ? block : { ...block, heading: current };
  });
  return { headings, blocks: placed };
}

/** The part [start, end) of a block's text as a block of its own, placed where it stands. */
function slice(block: Block, start: number, end: number): Block {
  const first = placeInBlock(block, start);
  const segments = [{ offset: 0, ...first }];
  for (const s of block.segments)
    if (s.offset > start && s.offset < end) segments.push({ offset: s.offset - start, line: s.line, column: s.column });
  const { label: _label, rest: _rest, ...kept } = block;
  return { ...kept, kind: 'paragraph', text: block.text.slice(start, end), ...first, segments };
}
