// Markdown → the units detection reads: headings and text blocks (paragraphs,
// list items, table rows), each with positions taken from the mdast nodes.
import type { Nodes, Root, RootContent } from 'mdast';
import { htmlComments, type Comment } from './comments.js';
import { markdownTrees } from './micromark-tree.js';

// CommonMark only, no GFM: the one GFM construct detection needs, the table, is read from the
// paragraph CommonMark leaves it as (splitTableRows); the GFM extensions double parse time.

/** Where a run of plain text starts in the file: lets a sentence map back to its line. */
export interface Segment {
  offset: number; // offset in Block.text
  line: number;
  column: number;
}

export interface Block {
  kind: 'heading' | 'paragraph' | 'table-row';
  text: string;
  line: number;
  column: number;
  segments: Segment[];
  /** Index into headings of the nearest heading above, or -1. */
  heading: number;
  /** A label that leads the block: a table row's first cell, or a bold lead-in ("**Funding:** ..."). */
  label?: string;
  /** The block's text after the label. */
  rest?: string;
  /** Places in this block have no meaningful column (a Word paragraph): every place is column 1. */
  columnless?: boolean;
  /** Set on the text of a list item (a bullet or a numbered item). */
  listItem?: true;
}

export interface Heading {
  depth: number;
  text: string;
  line: number;
  column: number;
  /** Index of this heading's block. */
  block: number;
  /** One past the index of the last block of this heading's section (subsections included). */
  end: number;
}

export interface MarkdownParts {
  yaml: { value: string; line: number } | null;
  headings: Heading[];
  blocks: Block[];
  /** HTML comments (for inline directives). */
  comments: Comment[];
  /** Where nesting (block quotes, lists, emphasis…) first goes deeper than the limit; then nothing else is read. */
  tooDeep: { line: number; column: number } | null;
}

export function parseMarkdown(text: string, maxDepth = Infinity, chunkChars = CHUNK_CHARS): MarkdownParts {
  // micromark's time grows much faster than the input with container depth: measure it first.
  const tooDeep = deepPrefix(text, maxDepth);
  if (tooDeep) return { ...emptyParts(), tooDeep };
  const roots = markdownTrees(chunksOf(text, chunkChars));
  for (const root of roots) {
    const deeper = deeperThan(root, maxDepth);
    if (deeper) return { ...emptyParts(), tooDeep: deeper };
  }
  return partsFromRoots(roots);
}

/** Headings and blocks of any mdast tree: Markdown's own, or one converted from HTML or Word (src/parse/html.ts). */
export function partsFromMdast(root: Root): MarkdownParts {
  return partsFromRoots([root]);
}

function emptyParts(): MarkdownParts {
  return { yaml: null, headings: [], blocks: [], comments: [], tooDeep: null };
}

function partsFromRoots(roots: Root[]): MarkdownParts {
  const parts: MarkdownParts = { ...emptyParts(), comments: roots.flatMap((root) => htmlComments(root)) };
  const first = roots[0]?.children[0];
  if (first?.type === 'yaml' && first.position) {
    parts.yaml = { value: first.value, line: first.position.start.line };
  }
  for (const root of roots) for (const child of root.children) collect(child, parts);
  // Each heading's section runs to the next heading of the same or a higher level.
  const open: Heading[] = [];
  for (const heading of parts.headings) {
    while (open.length && open[open.length - 1]!.depth >= heading.depth) open.pop()!.end = heading.block;
    open.push(heading);
  }
  for (const heading of open) heading.end = parts.blocks.length;
  return parts;
}

/** A bullet in column 1 whose text starts with a letter closes every open container (and can interrupt a paragraph). */
const BULLET_AT_COLUMN_1 = /^[-+*][ \t]+\p{L}/u;
/** Only container markers (an empty list item, perhaps nested): whether it starts a list depends on what came before (micromark), so never cut before one. */
const EMPTY_ITEM = /^(?:(?:[-+*]|\d{1,9}[.)]|>)(?:[ \t]+|$))+$/;
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** Chunks are cut once they reach this many characters, at the next safe line. */
export const CHUNK_CHARS = 4096;

/** A line that may open a container (block quote or list item), read loosely: any indentation, a marker, then a space or the end. */
const CONTAINER_START = /^[ \t]*(?:>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/**
 * How deep micromark must read a piece (micromark-tree.ts): from the document level where a line
 * may open a container; from the flow level where none can; from the text level where the piece
 * is only paragraphs whose every line starts as only paragraph text can (STARTS_PARAGRAPH: no
 * such line can start or interrupt another block, or underline a heading), separated by blank lines.
 */
export type PieceLevel = 'document' | 'flow' | 'paragraphs';

/** A piece of a document that parses alone as it does in the whole. */
export interface Piece {
  text: string;
  line: number;
  level: PieceLevel;
}

/**
 * A line that can only be paragraph text: it starts (after white space, for a line that continues
 * a paragraph) with a letter, a table's pipe, or one or two emphasis markers before a letter (a
 * bold lead-in). No block starts with these: a list item's marker is followed by a space, and a
 * thematic break or setext underline holds nothing but its markers.
 */
const PARAGRAPH_TEXT = String.raw`(?:\p{L}|\||\*{1,2}\p{L}|_{1,2}\p{L})`;
const STARTS_PARAGRAPH = new RegExp(`^${PARAGRAPH_TEXT}`, 'u');
const CONTINUES_PARAGRAPH = new RegExp(`^[ \\t]*${PARAGRAPH_TEXT}`, 'u');
/** Markdown's blank line: a BOM or a no-break space is text. */
const BLANK = /^[ \t]*$/;

/**
 * Splits Markdown where every container (list, block quote) and leaf block has certainly
 * ended, so that each piece parses the same alone as in the whole. micromark copies its
 * whole event list each time a container closes, so a document of N separate lists costs
 * O(N × size): 16,000 lists took 60 s in one piece. A safe line is outside a fenced code
 * block and an HTML block that only ends at a marker (comment, <pre>, <script>…), and
 * either follows a blank line and starts in column 1 (nothing indented continues a list
 * item) but not with `---` (front matter at the start of a piece), or is a bullet with
 * a letter in column 1 (it ends nested lists) with no HTML block open. Front matter is
 * never split. A link definition serves the pieces after its own (they share a parser); a
 * reference to one in a later piece reads as its literal text, which detection treats the same.
 *
 * A piece is also cut, at a safe line, where the level micromark must read it from changes
 * (PieceLevel): most prose opens no container, so the document level has nothing to find, and
 * most paragraphs are lines that each start with a letter, a pipe or a bold lead-in, which the
 * flow and content levels would only find to be one paragraph. With `chunkChars` infinite the
 * text stays one piece.
 */
export function chunksOf(text: string, chunkChars = CHUNK_CHARS): Piece[] {
  // Segments run from one safe line to the next; pieces are runs of segments read at the same level.
  // A segment is a paragraph while it is one block of lines that can only be paragraph text (and
  // blank lines after it); the first never is (it may hold front matter).
  const segments: { start: number; line: number; containers: boolean; paragraph: boolean; blank: boolean }[] = [
    { start: 0, line: 1, containers: false, paragraph: false, blank: false },
  ];
  const cuts = Number.isFinite(chunkChars);
  let start = 0;
  let line = 1;
  let previousBlank = false;
  let fence: string | null = null; // the opening fence while inside fenced code
  let htmlToBlank = false; // a line began with `<`: perhaps an HTML block that runs to the next blank line
  let unsure = false;
  let htmlEnd: string | null = null; // the end marker while inside an HTML block of kinds 1–5
  if (/^---[ \t]*\n/.test(text)) {
    const close = /\n---[ \t]*(?:\n|$)/.exec(text.slice(3));
    if (!close) return [{ text, line: 1, level: 'document' }];
    start = 3 + close.index + close[0].length;
    line = text.slice(0, start).split('\n').length - (text[start - 1] === '\n' ? 0 : 1);
  }
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const content = text.slice(start, end);
    const safe = previousBlank
      ? /^[^\s]/.test(content) && !content.startsWith('---') && !EMPTY_ITEM.test(content)
      : !htmlToBlank && BULLET_AT_COLUMN_1.test(content) && !THEMATIC_BREAK.test(content);
    if (cuts && !unsure && fence === null && htmlEnd === null && safe && start > segments[segments.length - 1]!.start)
      segments.push({ start, line, containers: false, paragraph: STARTS_PARAGRAPH.test(content), blank: false });
    const segment = segments[segments.length - 1]!;
    if (CONTAINER_START.test(content)) segment.containers = true;
    if (segment.paragraph && segment.start !== start) {
      if (BLANK.test(content)) segment.blank = true;
      else if (segment.blank || !CONTINUES_PARAGRAPH.test(content)) segment.paragraph = false;
    }
    if (fence !== null) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(content);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = null;
    } else if (htmlEnd !== null) {
      if (content.toLowerCase().includes(htmlEnd)) htmlEnd = null;
    } else {
      const open = /^( {0,3})(`{3,}(?!.*`)|~{3,})/.exec(content); // a backtick fence's info string holds no backtick
      const end = open ? null : htmlBlockEnd(content);
      // Without following containers, an indented fence (in a list item, or not?) or a fence or
      // HTML start inside an HTML block that runs to a blank line cannot be told apart: from
      // there on, the document is parsed in one piece.
      if ((open && (open[1]!.length > 0 || htmlToBlank)) || (end !== null && htmlToBlank)) unsure = true;
      if (open) fence = open[2]!;
      else htmlEnd = end;
    }
    if (/^ {0,3}</.test(content) && htmlEnd === null && fence === null) htmlToBlank = true;
    previousBlank = BLANK.test(content);
    if (previousBlank) htmlToBlank = false;
    start = end + 1;
    line++;
  }
  const pieces: { start: number; line: number; level: PieceLevel }[] = [];
  for (const segment of segments) {
    const level: PieceLevel = segment.containers ? 'document' : segment.paragraph ? 'paragraphs' : 'flow';
    const piece = pieces[pieces.length - 1];
    if (piece && piece.level === level && segment.start - piece.start < chunkChars) continue;
    pieces.push({ start: segment.start, line: segment.line, level });
  }
  return pieces.map((piece, i) => ({
    text: text.slice(piece.start, pieces[i + 1]?.start ?? text.length),
    line: piece.line,
    level: piece.level,
  }));
}

/** The marker that ends an HTML block this line starts (kinds 1–5 end at a marker, not a blank line), unless the line holds it. */
function htmlBlockEnd(content: string): string | null {
  const start = /^ {0,3}<(!--|\?|!\[cdata\[|![a-z]|(?:script|pre|style|textarea)(?=[\s>]|$))/i.exec(content);
  if (!start) return null;
  const kind = start[1]!.toLowerCase();
  const end = kind === '!--' ? '-->' : kind === '?' ? '?>' : kind === '![cdata[' ? ']]>' : kind.startsWith('!') ? '>' : `</${kind}>`;
  return content.toLowerCase().slice(start[0].length).includes(end) ? null : end;
}

/**
 * Nesting depth read from line starts, before parsing: each block-quote `>` and list
 * marker counts one level, and each two columns of indentation one level (the least
 * a nested list item needs). Returns where a line first goes deeper than `max`.
 */
function deepPrefix(text: string, max: number): { line: number; column: number } | null {
  if (!Number.isFinite(max)) return null;
  const prefix = /[ \t]*(?:(?:>|[-+*]|\d{1,9}[.)])(?=[ \t\n]|$)[ \t]*)*/y;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    prefix.lastIndex = start;
    const match = prefix.exec(text)![0];
    let depth = 0;
    let indent = 0;
    let afterMarker = false; // the space that ends a marker belongs to it
    for (let i = 0; i < match.length; i++) {
      const c = match[i]!;
      if (c === ' ' || c === '\t') {
        if (afterMarker) afterMarker = false;
        else indent += c === ' ' ? 1 : 4 - (indent % 4);
      } else if (c === '>' || c === '-' || c === '+' || c === '*' || c === '.' || c === ')') {
        depth++;
        afterMarker = true;
      }
      if (depth + Math.floor(indent / 2) > max) return { line, column: i + 1 };
    }
    start = end + 1;
  }
  return null;
}

/** The first node nested deeper than `max` (lists not counted: their items are), found without recursion. */
export function deeperThan(root: Root, max: number): { line: number; column: number } | null {
  const stack: [Nodes, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
    const inner = node.type === 'list' ? depth : depth + 1;
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i] as Nodes, inner]);
  }
  return null;
}

function collect(node: RootContent | Nodes, parts: MarkdownParts): void {
  switch (node.type) {
    case 'heading': {
      const block = toBlock('heading', node.children, node, parts);
      if (!block) return;
      parts.headings.push({
        depth: node.depth,
        text: block.text.trim(),
        line: block.line,
        column: block.column,
        block: parts.blocks.length - 1,
        end: parts.blocks.length,
      });
      block.heading = parts.headings.length - 1;
      return;
    }
    case 'paragraph': {
      if (isBoldLabelOnly(node.children)) {
        // A paragraph that is only bold text ("**Who chairs**") acts as a heading below all real ones.
        collect({ type: 'heading', depth: 6, children: node.children, position: node.position } as Nodes, parts);
        parts.headings[parts.headings.length - 1]!.depth = BOLD_LABEL_DEPTH;
        return;
      }
      const block = toBlock('paragraph', node.children, node, parts);
      // (A paragraph without a pipe is no table: tested first, it spares the expression's backtracking over every line.)
      if (block && block.text.includes('|') && TABLE_DELIMITER.test(block.text)) {
        splitTableRows(block, parts);
        return;
      }
      const lead = node.children[0];
      if (block && lead?.type === 'strong' && node.children.length > 1) {
        const label = toText(lead.children);
        block.label = label.replace(/[:.\s]+$/, '');
        block.rest = block.text.slice(label.length).replace(/^[\s:.–-]+/, '');
      }
      return;
    }
    case 'tableRow': {
      const cells = node.children.map((cell) => cell.children);
      const block = toBlock('table-row', cells, node, parts);
      if (block && cells.length > 1) {
        block.label = toText(cells[0]!).trim();
        block.rest = cells.slice(1).map(toText).join(' | ');
      }
      return;
    }
    case 'listItem': {
      const first = parts.blocks.length;
      for (const child of node.children) collect(child, parts);
      for (const block of parts.blocks.slice(first)) if (block.kind === 'paragraph') block.listItem = true;
      return;
    }
    case 'yaml':
    case 'code':
    case 'html':
    case 'thematicBreak':
    case 'definition':
      return;
    default:
      if ('children' in node) for (const child of node.children) collect(child as Nodes, parts);
  }
}

/** Flattens inline nodes to text, keeping where each text run starts. Cells are joined by " | ". */
function toBlock(kind: Block['kind'], inline: Nodes[] | Nodes[][], node: Nodes, parts: MarkdownParts): Block | undefined {
  // A paragraph implied by converted HTML (text loose in a list item) has no position of its own: use its first text's.
  const start = node.position?.start ?? firstPosition(node);
  if (!start) return undefined;
  const block: Block = {
    kind,
    text: '',
    line: start.line,
    column: start.column,
    segments: [],
    heading: parts.headings.length - 1,
  };
  const groups = Array.isArray(inline[0]) || inline.length === 0 ? (inline as Nodes[][]) : [inline as Nodes[]];
  groups.forEach((group, i) => {
    if (i > 0) block.text += ' | ';
    for (const child of group) appendInline(child, block);
  });
  parts.blocks.push(block);
  return block;
}

// A pipe table's second line: | --- | :---: | (CommonMark reads the table as one paragraph).
const TABLE_DELIMITER = /^[^\n]*\|[^\n]*\n\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*(?:\n|$)/;

/** Replaces a table read as a paragraph by one block per row (the delimiter row dropped). */
function splitTableRows(paragraph: Block, parts: MarkdownParts): void {
  parts.blocks.pop();
  const lines = paragraph.text.split('\n');
  let lineStart = 0;
  lines.forEach((line, i) => {
    const at = placeInBlock(paragraph, lineStart);
    lineStart += line.length + 1;
    if (i === 1) return;
    // Cells with the column each starts at, so a term inside a cell is placed exactly.
    const cells: { text: string; column: number }[] = [];
    let from = 0;
    for (const piece of line.split('|')) {
      const lead = piece.length - piece.trimStart().length;
      cells.push({ text: piece.trim(), column: at.column + from + lead });
      from += piece.length + 1;
    }
    if (cells.length > 1 && cells[0]!.text === '') cells.shift();
    if (cells.length > 1 && cells[cells.length - 1]!.text === '') cells.pop();
    const row: Block = { kind: 'table-row', text: '', line: at.line, column: at.column, segments: [], heading: paragraph.heading };
    cells.forEach((cell, c) => {
      if (c > 0) row.text += ' | ';
      row.segments.push({ offset: row.text.length, line: at.line, column: cell.column });
      row.text += cell.text;
    });
    if (cells.length > 1) {
      row.label = cells[0]!.text;
      row.rest = cells
        .slice(1)
        .map((cell) => cell.text)
        .join(' | ');
    }
    parts.blocks.push(row);
  });
}

/** Bold-only paragraphs sit below every real heading level. */
export const BOLD_LABEL_DEPTH = 7;

function isBoldLabelOnly(children: Nodes[]): boolean {
  const meaningful = children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  return (
    meaningful.length === 1 && meaningful[0]!.type === 'strong' && toText((meaningful[0] as { children: Nodes[] }).children).length <= 120
  );
}

function toText(nodes: Nodes[]): string {
  return nodes
    .map((n) => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? toText(n.children as Nodes[]) : ''))
    .join('');
}

function firstPosition(node: Nodes): { line: number; column: number } | undefined {
  if (node.position) return node.position.start;
  if ('children' in node) {
    for (const child of node.children) {
      const found = firstPosition(child as Nodes);
      if (found) return found;
    }
  }
  return undefined;
}

function appendInline(node: Nodes, block: Block): void {
  if (node.type === 'text' || node.type === 'inlineCode') {
    const at = node.position?.start;
    if (at) block.segments.push({ offset: block.text.length, line: at.line, column: at.column + (node.type === 'inlineCode' ? 1 : 0) });
    block.text += node.value;
  } else if (node.type === 'break') {
    block.text += ' ';
  } else if ('children' in node) {
    for (const child of node.children) appendInline(child as Nodes, block);
  }
}

/** The file position of a character offset within a block's text. */
export function placeInBlock(block: Block, offset: number): { line: number; column: number } {
  let segment: Segment | undefined;
  for (const s of block.segments) {
    if (s.offset > offset) break;
    segment = s;
  }
  if (!segment) return { line: block.line, column: block.column };
  if (block.columnless) return { line: segment.line, column: 1 };
  const before = block.text.slice(segment.offset, offset);
  const newlines = before.split('\n');
  if (newlines.length === 1) return { line: segment.line, column: segment.column + before.length };
  // Continuation lines of a paragraph: column counted from the line start.
  return { line: segment.line + newlines.length - 1, column: newlines[newlines.length - 1]!.length + 1 };
}

/**
 * The headings a heading sits under, and itself: "Funding › Contributions". A lone level-1
 * heading is the document's title and is left out unless it is the heading itself.
 */
export function headingPath(headings: Heading[], index: number): string {
  const heading = headings[index];
  if (!heading) return '';
  const trail: Heading[] = [heading];
  for (let i = index - 1, depth = heading.depth; i >= 0 && depth > 1; i--) {
    const above = headings[i]!;
    if (above.depth < depth) {
      trail.unshift(above);
      depth = above.depth;
    }
  }
  const titled = headings.filter((h) => h.depth === 1).length === 1;
  const shown = titled && trail.length > 1 && trail[0]!.depth === 1 ? trail.slice(1) : trail;
  return shown.map((h) => h.text).join(' › ');
}
