// Markdown → the units detection reads: headings and text blocks (paragraphs,
// list items, table rows), each with positions taken from the mdast nodes.
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root, RootContent } from 'mdast';

// No remark-gfm: it doubles parse time, and the one GFM construct detection needs, the table,
// is read from the paragraph CommonMark leaves it as (splitTableRows).
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
  /** A label that leads the block: a table row's first cell, or a bold lead-in ("**Funding:** ..."). */
  label?: string;
  /** The block's text after the label. */
  rest?: string;
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
}

export function parseMarkdown(text: string): MarkdownParts {
  const root = processor.parse(text) as Root;
  const parts: MarkdownParts = { yaml: null, headings: [], blocks: [] };
  const first = root.children[0];
  if (first?.type === 'yaml' && first.position) {
    parts.yaml = { value: first.value, line: first.position.start.line };
  }
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
      if (block && TABLE_DELIMITER.test(block.text)) {
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

// A pipe table's second line: | --- | :---: | (CommonMark reads the table as one paragraph).
const TABLE_DELIMITER = /^[^\n]*\|[^\n]*\n\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*(?:\n|$)/;

/** Replaces a table read as a paragraph by one block per row (the delimiter row dropped). */
function splitTableRows(paragraph: Block, parts: MarkdownParts): void {
  parts.blocks.pop();
  let offset = 0; // of the line in the paragraph's text
  paragraph.text.split('\n').forEach((line, i) => {
    const lineOffset = offset;
    offset += line.length + 1;
    if (i === 1) return;
    const cells = line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
    const text = cells.join(' | ');
    const at = placeInBlock(paragraph, lineOffset);
    const row: Block = { kind: 'table-row', text, line: at.line, column: 1, segments: [{ offset: 0, line: at.line, column: 1 }], heading: paragraph.heading };
    if (cells.length > 1) {
      row.label = cells[0]!;
      row.rest = cells.slice(1).join(' | ');
    }
    parts.blocks.push(row);
  });
}

/** Bold-only paragraphs sit below every real heading level. */
export const BOLD_LABEL_DEPTH = 7;

function isBoldLabelOnly(children: Nodes[]): boolean {
  const meaningful = children.filter((c) => !(c.type === 'text' && /^[\s:]*$/.test(c.value)));
  return meaningful.length === 1 && meaningful[0]!.type === 'strong' && toText((meaningful[0] as { children: Nodes[] }).children).length <= 120;
}

function toText(nodes: Nodes[]): string {
  return nodes.map((n) => ('value' in n && typeof n.value === 'string' ? n.value : 'children' in n ? toText(n.children as Nodes[]) : '')).join('');
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
