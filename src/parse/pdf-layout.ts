// A PDF's text items → the structure detection reads (an mdast tree, as for HTML and Word).
// A PDF has no headings or paragraphs, only pieces of text placed on pages, so they are
// recovered here: pure, positioned items in, tree out (src/parse/pdf.ts reads the items).
//
// - Reading order: items become lines by their baselines; a page set in two columns (an
//   empty band down the middle, full lines on both sides) is read column by column.
// - Furniture dropped: lines repeated at the top or bottom of most pages (title, date, URL,
//   "Page 3 of 24", with the numbers allowed to differ) and bare page numbers there; in a
//   tagged PDF, text outside the structure tree (artifacts).
// - The contents page: runs of contents entries (src/parse/contents-entry.ts) are left out
//   of the body, and their titles confirm headings.
// - Headings, in order of trust: the tagged structure tree (H1–H6); the outline
//   (bookmarks); then lines larger than the body text, bold lines, numbered section titles
//   ("3. Independent scrutiny", "Section 4 – Funding") and short title-case lines standing
//   alone, and lines a contents entry names.
// - Paragraph lines joined (words hyphenated at a line end joined again), list items
//   (bullet or number, or tagged LI) kept as list items, table rows (cells apart by a
//   wide gap, or tagged TR/TD) kept as rows, a paragraph carried over a page or column
//   break joined.
// Positions: each line of the recovered text is numbered from 1 through the document;
// `linePages` gives the page of each, for reports to show beside the line.
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import { parseContentsEntry, type ContentsEntry } from './contents-entry.js';

/** Where a piece of text sits in a tagged PDF's structure tree. */
export interface StructTag {
  /** H (heading), P, LI, TR, Caption, BlockQuote. */
  role: string;
  /** The structure element: items with the same id belong to one block. */
  id: number;
  /** Heading level for H1–H6. */
  level?: number;
  /** The table cell, inside a TR. */
  cell?: number;
  /** Inside a Strong element: bold text, as a lead-in label. */
  strong?: boolean;
}

export interface PdfItem {
  text: string;
  /** Baseline start, in points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size in points. */
  size: number;
  bold: boolean;
  tag?: StructTag;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
}

export interface OutlineEntry {
  title: string;
  /** 1 for a top-level bookmark. */
  depth: number;
  page?: number;
}

export interface PdfContent {
  pages: PdfPage[];
  outline: OutlineEntry[];
  /** The document properties' Title and creation date (YYYY-MM-DD): hints only. */
  title?: string;
  created?: string;
}

export interface PdfLayout {
  root: Root;
  /** The recovered text, one string per line; line N of findings is lines[N - 1]. */
  lines: string[];
  /** The page of each line: linePages[N - 1]. */
  linePages: number[];
  /** The contents page's entries, in order. */
  contents: ContentsEntry[];
  /** Pages with no text at all (scanned images, or pictures of text). */
  imageOnlyPages: number[];
  /** What the headings were recovered from. */
  headingsFrom: 'tags' | 'outline' | 'layout';
}

interface Cell {
  text: string;
  x: number;
  /** The tagged table cell it belongs to. */
  id?: number;
}

interface Line {
  page: number;
  /** 0: across the page; 1, 2: left and right column. */
  column: number;
  x: number;
  xEnd: number;
  y: number;
  size: number;
  bold: boolean;
  /** The bold words a line starts with, when the rest is not bold ("Funding: the partners…"). */
  leadBold?: string;
  text: string;
  cells: Cell[];
  tag?: StructTag;
  /** Baseline distance from the line above in the same page and column; Infinity for the first. */
  gapAbove: number;
  /** Set when the line is a heading: its level. */
  heading?: number;
  contents?: boolean;
}

const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s*)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?(?:\s*[-–—])?$/i;
const CONTENTS_TITLE = /^(?:table of )?contents(?: page)?$|^in this (?:report|document)$/i;
const BULLET = /^([•●▪■◦○‣∙·▸►✓✔➢➤]|[-–*])\s*(?=\S)/u;
const NUMBER_MARKER = /^(\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+(?=\S)/u;
const NUMBERED_TITLE =
  /^(?:(?:section|part|chapter|appendix|annex)\s+(?:\d{1,2}|[a-z]|[ivx]{1,4})|\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s*[-–—:.)]\s*|\s+)\p{Lu}/iu;
const SENTENCE_END = /[.!?:;]["'’”)]?$/u;
/** Hyphens kept when a line ends with one of these prefixes: "multi-" + "agency" is "multi-agency". */
const KEPT_PREFIX = /(?:^|[\s(])(?:multi|non|self|cross|co|anti|ex|well|semi)-$/iu;
const SMALL_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'by',
  'for',
  'from',
  'in',
  'into',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
  'our',
  'its',
  'their',
  'we',
]);

export function layoutPdf(content: PdfContent): PdfLayout {
  const imageOnlyPages = content.pages.filter((page) => !page.items.some((item) => item.text.trim() !== '')).map((page) => page.number);
  const lines = content.pages.flatMap(pageLines);
  const tagged = isTagged(lines);
  const body = dropFurniture(lines, content.pages, tagged);
  const contents = markContents(body);
  const kept = body.filter((line) => !line.contents);
  const headingsFrom = markHeadings(kept, content.outline, contents, tagged);
  return { ...emit(kept, tagged), contents, imageOnlyPages, headingsFrom };
}

// ---------------------------------------------------------------- lines and columns

function pageLines(page: PdfPage): Line[] {
  const items = page.items.filter((item) => item.text.trim() !== '' && item.size > 0);
  const gutter = findGutter(items, page.width);
  // A line of the left column may run a little into the gutter; only text from margin to margin is across both.
  const columnOf = (item: PdfItem): number => {
    if (!gutter) return 0;
    if (item.x >= gutter.from) return 2;
    return item.x + item.width <= gutter.to ? 1 : 0;
  };
  const groups = new Map<number, PdfItem[]>([
    [0, []],
    [1, []],
    [2, []],
  ]);
  for (const item of items) groups.get(columnOf(item))!.push(item);
  const [spanning, left, right] = [0, 1, 2].map((c) => toLines(groups.get(c)!, page.number, c));
  // Lines across the page above the columns come first (a title), those below them last.
  const columnTop = Math.max(...[...left!, ...right!].map((l) => l.y), -Infinity);
  const ordered = [...spanning!.filter((l) => l.y > columnTop), ...left!, ...right!, ...spanning!.filter((l) => l.y <= columnTop)];
  let previous: Line | undefined;
  for (const line of ordered) {
    line.gapAbove = previous && previous.column === line.column && previous.y > line.y ? previous.y - line.y : Infinity;
    previous = line;
  }
  return ordered;
}

/**
 * An empty vertical band in the middle of the page with full lines of text on both sides:
 * the page is set in two columns. A table (short label cells on the left) is not.
 */
function findGutter(items: PdfItem[], width: number): { from: number; to: number } | null {
  if (items.length < 12 || width <= 0) return null;
  const from = Math.floor(width * 0.3);
  const to = Math.ceil(width * 0.7);
  const cover = new Array<number>(to - from).fill(0);
  for (const item of items) {
    for (let x = Math.max(from, Math.floor(item.x)); x < Math.min(to, Math.ceil(item.x + item.width)); x++) cover[x - from]!++;
  }
  const allowed = Math.max(2, items.length * 0.03);
  let best: { from: number; to: number } | null = null;
  let start = -1;
  for (let i = 0; i <= cover.length; i++) {
    if (i < cover.length && cover[i]! <= allowed) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= 10 && (!best || i - start > best.to - best.from)) best = { from: from + start, to: from + i };
      start = -1;
    }
  }
  if (!best) return null;
  const leftItems = items.filter((item) => item.x + item.width <= best!.from);
  const rightItems = items.filter((item) => item.x >= best!.to);
  const rows = (list: PdfItem[]) => new Set(list.map((item) => Math.round(item.y))).size;
  if (rows(leftItems) < 6 || rows(rightItems) < 6) return null;
  // Text columns are full: most left-hand lines run close to the gutter.
  const leftEdge = Math.min(...leftItems.map((item) => item.x));
  const reach = new Map<number, number>();
  for (const item of leftItems) reach.set(Math.round(item.y), Math.max(reach.get(Math.round(item.y)) ?? 0, item.x + item.width));
  const full = [...reach.values()].filter((end) => end >= best!.from - (best!.from - leftEdge) * 0.25).length;
  return full >= reach.size * 0.5 ? best : null;
}

/** Items of one column → lines, top to bottom, each with its text and its cells. */
function toLines(items: PdfItem[], page: number, column: number): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfItem[][] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    const base = row?.[0];
    if (row && base && Math.abs(base.y - item.y) <= Math.min(base.size, item.size) * 0.5) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) =>
    lineOf(
      row.sort((a, b) => a.x - b.x),
      page,
      column,
    ),
  );
}

function lineOf(items: PdfItem[], page: number, column: number): Line {
  const cells: Cell[] = [];
  let previous: PdfItem | undefined;
  let chars = 0;
  let boldChars = 0;
  const sizes = new Map<number, number>();
  let leadBold: string | undefined = '';
  for (const item of items) {
    const text = item.text.replace(/\s+/g, ' ');
    const gap = previous ? item.x - (previous.x + previous.width) : 0;
    const newCell =
      !previous || gap > Math.max(item.size, previous.size) * 2 || (item.tag?.cell !== undefined && item.tag.cell !== previous.tag?.cell);
    if (newCell) cells.push({ text: text.trimStart(), x: item.x, ...(item.tag?.cell !== undefined && { id: item.tag.cell }) });
    else {
      const cell = cells[cells.length - 1]!;
      const space = gap > item.size * 0.15 && !/\s$/.test(cell.text) && !/^\s/.test(text);
      cell.text += (space ? ' ' : '') + text;
    }
    const visible = item.text.replace(/\s/g, '').length;
    chars += visible;
    if (item.bold) boldChars += visible;
    const size = Math.round(item.size * 2) / 2;
    sizes.set(size, (sizes.get(size) ?? 0) + visible);
    if (leadBold !== undefined) {
      if (item.bold) leadBold += (leadBold && gap > item.size * 0.15 ? ' ' : '') + text;
      else {
        leadBold = leadBold.trim() ? leadBold : undefined;
        if (leadBold !== undefined) break;
      }
    }
    previous = item;
  }
  for (const cell of cells) cell.text = cell.text.replace(/\s+/g, ' ').trim();
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const line: Line = {
    page,
    column,
    x: first.x,
    xEnd: last.x + last.width,
    y: Math.max(...items.map((i) => i.y)),
    size: [...sizes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0],
    bold: boldChars >= chars * 0.9,
    text: cells
      .map((c) => c.text)
      .filter(Boolean)
      .join(' '),
    cells: cells.filter((c) => c.text !== ''),
    gapAbove: Infinity,
  };
  const tag = items.find((i) => i.tag)?.tag;
  if (tag) line.tag = tag;
  const lead = typeof leadBold === 'string' ? leadBold.trim() : '';
  if (!line.bold && lead && line.text.startsWith(lead) && lead.length < line.text.length) line.leadBold = lead;
  return line;
}

function isTagged(lines: Line[]): boolean {
  const chars = (list: Line[]) => list.reduce((n, l) => n + l.text.length, 0);
  const all = chars(lines);
  return all > 0 && chars(lines.filter((l) => l.tag)) >= all * 0.8;
}

// ---------------------------------------------------------------- furniture and contents

function dropFurniture(lines: Line[], pages: PdfPage[], tagged: boolean): Line[] {
  const heights = new Map(pages.map((p) => [p.number, p.height]));
  const zone = (line: Line): string | null => {
    const height = heights.get(line.page) ?? 0;
    if (line.y > height * 0.88) return 'top';
    if (line.y < height * 0.12) return 'bottom';
    return null;
  };
  const key = (line: Line) => `${zone(line)}|${line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ')}`;
  const pagesWithText = new Set(lines.map((l) => l.page)).size;
  const seen = new Map<string, Set<number>>();
  for (const line of lines) {
    if (!zone(line)) continue;
    const k = key(line);
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(line.page);
  }
  const repeated = Math.max(2, Math.ceil(pagesWithText * 0.5));
  return lines.filter((line) => {
    if (tagged && !line.tag) return false; // an artifact: outside the structure tree
    if (!zone(line)) return true;
    if (PAGE_NUMBER.test(line.text)) return false;
    return pagesWithText < 2 || seen.get(key(line))!.size < repeated;
  });
}

/**
 * Marks runs of contents entries (three or more lines in a row, under a "Contents" title or
 * with dot leaders, or five or more with page numbers that never go down) and the title above.
 */
function markContents(lines: Line[]): ContentsEntry[] {
  const found: ContentsEntry[] = [];
  let i = 0;
  while (i < lines.length) {
    const run: { line: Line; entry: ContentsEntry }[] = [];
    let j = i;
    while (j < lines.length) {
      const entry = lines[j]!.tag?.role === 'H' ? null : parseContentsEntry(lines[j]!.cells.map((c) => c.text).join('  '));
      if (!entry || entry.page === undefined) break;
      run.push({ line: lines[j]!, entry });
      j++;
    }
    const titled = i > 0 && CONTENTS_TITLE.test(lines[i - 1]!.text);
    const leadered = run.some((r) => r.entry.leaders);
    const ascending = run.every((r, k) => k === 0 || r.entry.page! >= run[k - 1]!.entry.page!);
    if (run.length >= 3 && (titled || leadered || (run.length >= 5 && ascending))) {
      if (titled) lines[i - 1]!.contents = true;
      for (const r of run) r.line.contents = true;
      found.push(...run.map((r) => r.entry));
      i = j;
    } else i = Math.max(i + 1, j);
  }
  return found;
}

// ---------------------------------------------------------------- headings

function markHeadings(lines: Line[], outline: OutlineEntry[], contents: ContentsEntry[], tagged: boolean): PdfLayout['headingsFrom'] {
  if (tagged && lines.some((l) => l.tag?.role === 'H')) {
    for (const line of lines) if (line.tag?.role === 'H') line.heading = line.tag.level ?? 2;
    return 'tags';
  }
  const body = bodySize(lines);
  const spacing = lineSpacing(lines, body);
  const isolatedAbove = (line: Line) => line.gapAbove > spacing * 1.4;
  const isolatedBelow = (i: number) => {
    const next = lines[i + 1];
    return (
      !next ||
      next.page !== lines[i]!.page ||
      next.column !== lines[i]!.column ||
      next.gapAbove > spacing * 1.4 ||
      Math.abs(next.size - lines[i]!.size) >= 1
    );
  };
  // Outline titles (and contents entries) confirm a heading wherever the text matches.
  const outlined = new Map<string, OutlineEntry>();
  for (const entry of outline) if (!outlined.has(normal(entry.title))) outlined.set(normal(entry.title), entry);
  const listed = new Set(contents.map((entry) => normal(entry.title)));
  const bigSizes = [...new Set(lines.filter((l) => l.size >= body * 1.15 && isTitleLength(l.text)).map((l) => l.size))].sort(
    (a, b) => b - a,
  );
  const sizeLevel = (size: number) => Math.min(6, bigSizes.indexOf(size) + 1);
  const belowSizes = Math.min(6, bigSizes.length + 1);
  const useOutline = outline.length >= 2 && lines.some((l) => outlined.has(normal(l.text)) || outlined.has(normal(withoutNumber(l.text))));
  lines.forEach((line, i) => {
    if (line.cells.length > 1 || !/\p{L}{2}/u.test(line.text)) return;
    const entry = outlined.get(normal(line.text)) ?? outlined.get(normal(withoutNumber(line.text)));
    if (entry && (entry.page === undefined || entry.page === line.page)) {
      line.heading = Math.min(6, entry.depth);
      return;
    }
    if (useOutline) return; // the outline names the headings; a bookmarked PDF's layout is not guessed at
    if (bigSizes.includes(line.size)) {
      line.heading = sizeLevel(line.size);
      return;
    }
    if (!isTitleLength(line.text) || (SENTENCE_END.test(line.text) && !line.text.endsWith(':'))) {
      if (!listed.has(normal(withoutNumber(line.text)))) return;
    }
    const standalone = isolatedAbove(line) && isolatedBelow(i);
    const numbered = NUMBERED_TITLE.test(line.text) && wordCount(line.text) <= 14 && !SENTENCE_END.test(line.text);
    const depth = numbered ? numberDepth(line.text) : 1;
    if (listed.has(normal(withoutNumber(line.text))) || listed.has(normal(line.text))) line.heading = Math.min(6, belowSizes + depth - 1);
    else if (standalone && line.bold && line.size >= body && !line.text.endsWith(':')) line.heading = Math.min(6, belowSizes + depth - 1);
    else if (standalone && numbered) line.heading = Math.min(6, belowSizes + depth - 1);
    else if (standalone && isTitleCase(line.text) && !BULLET.test(line.text)) line.heading = belowSizes;
  });
  return useOutline ? 'outline' : 'layout';
}

/** The size most of the text is set in. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) weight.set(line.size, (weight.get(line.size) ?? 0) + line.text.length);
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/** The usual baseline distance between lines of body text. */
function lineSpacing(lines: Line[], body: number): number {
  const gaps = new Map<number, number>();
  for (const line of lines) {
    if (line.size !== body || !Number.isFinite(line.gapAbove) || line.gapAbove <= 0) continue;
    const gap = Math.round(line.gapAbove * 2) / 2;
    gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
  }
  return [...gaps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? body * 1.2;
}

function isTitleLength(text: string): boolean {
  return text.length <= 150 && wordCount(text) <= 20;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function isTitleCase(text: string): boolean {
  const words = text
    .replace(/^[\d.]+\s*/, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length === 0 || words.length > 8 || SENTENCE_END.test(text) || /[,]/.test(text)) return false;
  const significant = words.filter((w, i) => i === 0 || !SMALL_WORDS.has(w.toLowerCase()));
  return significant.filter((w) => /^\p{Lu}/u.test(w)).length >= significant.length * 0.7;
}

function numberDepth(text: string): number {
  const number = /^(\d{1,2}(?:\.\d{1,2})*)/.exec(text)?.[1];
  return number ? number.split('.').length : 1;
}

function withoutNumber(text: string): string {
  return text.replace(
    /^(?:(?:section|part|chapter|appendix|annex)\s+(?:\d{1,2}|[a-z]|[ivx]{1,4})|\d{1,2}(?:\.\d{1,2}){0,3})\.?(?:\s*[-–—:.)]\s*|\s+)/iu,
    '',
  );
}

function normal(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}

// ---------------------------------------------------------------- blocks and the tree

interface Block {
  kind: 'heading' | 'paragraph' | 'item' | 'row';
  lines: Line[];
  /** A list item's marker ("•", "1.", "(a)"): ordered when it is a number or letter. */
  marker?: string;
  level?: number;
}

function blocksOf(lines: Line[], tagged: boolean): Block[] {
  const body = bodySize(lines);
  const spacing = lineSpacing(lines, body);
  const blocks: Block[] = [];
  lines.forEach((line, i) => {
    const current = blocks[blocks.length - 1];
    const last = current?.lines[current.lines.length - 1];
    if (line.heading !== undefined) {
      const merge =
        current?.kind === 'heading' &&
        current.level === line.heading &&
        last!.page === line.page &&
        (tagged ? last!.tag?.id === line.tag?.id : last!.size === line.size && line.gapAbove <= line.size * 1.6);
      if (merge) current.lines.push(line);
      else blocks.push({ kind: 'heading', lines: [line], level: line.heading });
      return;
    }
    if (tagged) {
      const role = line.tag?.role;
      if (current && last?.tag && line.tag && last.tag.id === line.tag.id && current.kind !== 'heading') {
        current.lines.push(line);
        return;
      }
      if (role === 'LI') blocks.push(markedItem(line));
      else if (role === 'TR') blocks.push({ kind: 'row', lines: [line] });
      else blocks.push({ kind: 'paragraph', lines: [line] });
      return;
    }
    const marked = BULLET.exec(line.text) ?? NUMBER_MARKER.exec(line.text);
    if (marked) {
      blocks.push(markedItem(line));
      return;
    }
    const tabular = line.cells.length > 1 && ((lines[i + 1]?.cells.length ?? 0) > 1 || current?.kind === 'row');
    if (tabular) {
      blocks.push({ kind: 'row', lines: [line] });
      return;
    }
    if (current && last && (current.kind === 'paragraph' || current.kind === 'item') && continues(last, line, spacing, current)) {
      current.lines.push(line);
      return;
    }
    blocks.push({ kind: 'paragraph', lines: [line] });
  });
  return blocks;
}

function markedItem(line: Line): Block {
  const marked = BULLET.exec(line.text) ?? NUMBER_MARKER.exec(line.text);
  return marked ? { kind: 'item', lines: [line], marker: marked[1]! } : { kind: 'item', lines: [line] };
}

/** Whether a line carries on the paragraph (or list item) above it. */
function continues(last: Line, line: Line, spacing: number, block: Block): boolean {
  if (Math.abs(last.size - line.size) >= 1 || line.cells.length > 1) return false;
  if (last.page !== line.page || last.column !== line.column) {
    // Over a page or column break: only a sentence left unfinished carries on.
    return !SENTENCE_END.test(last.text) && /^\p{Ll}/u.test(line.text);
  }
  if (line.gapAbove > spacing * 1.4) return false;
  if (block.kind === 'item' && line.x < block.lines[0]!.x - 1) return false;
  // A short line that ends a sentence ends its paragraph.
  const width = Math.max(...block.lines.map((l) => l.xEnd - l.x));
  if (SENTENCE_END.test(last.text) && last.xEnd - last.x < width * 0.7 && block.lines.length > 1) return false;
  return true;
}

function emit(lines: Line[], tagged: boolean): Pick<PdfLayout, 'root' | 'lines' | 'linePages'> {
  const texts: string[] = [];
  const pages: number[] = [];
  const addLine = (text: string, page: number) => {
    texts.push(text);
    pages.push(page);
    return texts.length;
  };
  const children: RootContent[] = [];
  let list: List | undefined;
  let table: Table | undefined;
  for (const block of blocksOf(lines, tagged)) {
    if (block.kind !== 'item') list = undefined;
    if (block.kind !== 'row') table = undefined;
    if (block.kind === 'row') {
      if (!table) {
        table = { type: 'table', align: [], children: [] };
        children.push(table);
      }
      table.children.push(rowOf(block.lines, addLine));
      continue;
    }
    const phrasing = phrasingOf(block, addLine);
    if (block.kind === 'heading') {
      children.push({ type: 'heading', depth: block.level as Heading['depth'], children: phrasing });
      continue;
    }
    const paragraph: Paragraph = { type: 'paragraph', children: phrasing };
    if (block.kind === 'paragraph') {
      children.push(paragraph);
      continue;
    }
    const ordered = block.marker !== undefined && /[\da-z]/i.test(block.marker);
    if (!list || list.ordered !== ordered) {
      list = { type: 'list', ordered, spread: false, children: [] };
      children.push(list);
    }
    const item: ListItem = { type: 'listItem', spread: false, children: [paragraph] };
    list.children.push(item);
  }
  return { root: { type: 'root', children }, lines: texts, linePages: pages };
}

/** A block's lines as text nodes, one per line of the recovered text, joined as one paragraph. */
function phrasingOf(block: Block, addLine: (text: string, page: number) => number): PhrasingContent[] {
  const nodes: PhrasingContent[] = [];
  block.lines.forEach((line, k) => {
    let text = line.text;
    let column = 1;
    if (k === 0 && block.marker) {
      const cut = (BULLET.exec(text) ?? NUMBER_MARKER.exec(text))![0].length;
      column += cut;
      text = text.slice(cut);
    }
    const next = block.lines[k + 1];
    const hyphenated = next && /\p{L}-$/u.test(text) && /^\p{Ll}/u.test(next.text) && !KEPT_PREFIX.test(text);
    const shown = line.text;
    const number = addLine(shown, line.page);
    const value = hyphenated ? text.slice(0, -1) : next ? `${text}${/-$/.test(text) && /^\p{Ll}/u.test(next.text) ? '' : ' '}` : text;
    const at = (col: number, length: number): Text['position'] => ({
      start: { line: number, column: col },
      end: { line: number, column: col + length },
    });
    if (k === 0 && line.leadBold && !block.marker && block.kind !== 'heading') {
      const lead = line.leadBold;
      nodes.push({
        type: 'strong',
        children: [{ type: 'text', value: lead, position: at(column, lead.length) }],
        position: at(column, lead.length),
      });
      const rest = value.slice(lead.length);
      if (rest) nodes.push({ type: 'text', value: rest, position: at(column + lead.length, rest.length) });
    } else nodes.push({ type: 'text', value, position: at(column, text.length) });
  });
  return nodes;
}

/** A table row: one line of the recovered text, cells joined by " | " (a tagged row's wrapped cells put together again). */
function rowOf(lines: Line[], addLine: (text: string, page: number) => number): TableRow {
  const merged: Cell[] = [];
  for (const cell of lines.flatMap((line) => line.cells)) {
    const same = cell.id !== undefined ? merged.find((c) => c.id === cell.id) : undefined;
    if (same) same.text += ` ${cell.text}`;
    else merged.push({ ...cell });
  }
  const shown = merged.map((c) => c.text).join(' | ');
  const number = addLine(shown, lines[0]!.page);
  let column = 1;
  const cells: TableCell[] = merged.map((cell) => {
    const node: TableCell = {
      type: 'tableCell',
      children: [
        {
          type: 'text',
          value: cell.text,
          position: { start: { line: number, column }, end: { line: number, column: column + cell.text.length } },
        },
      ],
    };
    column += cell.text.length + 3;
    return node;
  });
  return {
    type: 'tableRow',
    children: cells,
    position: { start: { line: number, column: 1 }, end: { line: number, column: shown.length + 1 } },
  };
}
