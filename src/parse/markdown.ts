// Markdown → the units detection reads: headings and text blocks (paragraphs,
// list items, table rows), each with positions taken from the mdast nodes.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root, RootContent } from 'mdast';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).freeze();

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
  /** Where nesting (block quotes, lists, emphasis…) first goes deeper than the limit; then nothing else is read. */
  tooDeep: { line: number; column: number } | null;
}

export function parseMarkdown(text: string, maxDepth = Infinity): MarkdownParts {
  const parts: MarkdownParts = { yaml: null, headings: [], blocks: [], tooDeep: null };
  // micromark's time grows much faster than the input with container depth: measure it first.
  parts.tooDeep = deepPrefix(text, maxDepth);
  if (parts.tooDeep) return parts;
  const root = processor.parse(text) as Root;
  const first = root.children[0];
  if (first?.type === 'yaml' && first.position) {
    parts.yaml = { value: first.value, line: first.position.start.line };
  }
  parts.tooDeep = deeperThan(root, maxDepth);
  if (parts.tooDeep) return parts;
  for (const child of root.children) collect(child, parts);
  // Each heading's section runs to the next heading of the same or a higher level.
  const open: Heading[] = [];
  for (const heading of parts.headings) {
    while (open.length && open[open.length - 1]!.depth >= heading.depth) open.pop()!.end = heading.block;
    open.push(heading);
  }
  for (const heading of open) heading.end = parts.blocks.length;
  return parts;
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
function deeperThan(root: Root, max: number): { line: number; column: number } | null {
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
    case 'paragraph':
      toBlock('paragraph', node.children, node, parts);
      return;
    case 'tableRow': {
      const cells = node.children.map((cell) => cell.children);
      toBlock('table-row', cells, node, parts);
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
  const start = node.position?.start;
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
  const before = block.text.slice(segment.offset, offset);
  const newlines = before.split('\n');
  if (newlines.length === 1) return { line: segment.line, column: segment.column + before.length };
  // Continuation lines of a paragraph: column counted from the line start.
  return { line: segment.line + newlines.length - 1, column: newlines[newlines.length - 1]!.length + 1 };
}
