// Tables of contents in plain text: a "Contents" heading and the entries under it, or a run of
// lines shaped like contents entries (a title and a page number, dot leaders). PDF transcripts
// often put several entries on one line ("1. Introduction 3 2. Our partners 4"); web pages list
// the titles alone under the heading. A reader counts each entry as "the document has a section
// on this": the lines of a list are taken out of the prose and kept as its entries.
import { parseContentsEntry, type ContentsEntry } from '../contents-entry.js';
import type { TextLine } from './lines.js';
import { isSpace } from './words.js';

export interface ContentsItem extends ContentsEntry {
  line: number;
  column: number;
}

export interface ContentsList {
  /** The "Contents" line, when the list has one. */
  heading: TextLine | null;
  items: ContentsItem[];
  /** Indexes (into the lines read) of every line the list takes, its heading included. */
  lines: number[];
}

/** "Contents", "Table of contents", "Contents page", "In this report", with a "Page" column title perhaps. */
const CONTENTS_HEADING =
  /^(?:(?:table\s+of\s+)?contents(?:\s+page)?|in\s+this\s+(?:document|report|plan)|what(?:'|’)?s\s+in\s+this\s+(?:document|report))\s*:?(?:\s+page)?\s*(?<rest>\s\S.*)?$/iu;
/** The column title some lists print above the page numbers. */
const PAGE_COLUMN = /^(?:page|page\s+no\.?|page\s+number|section|section\s+page|title\s+page)$/iu;
/** A page, a list of pages or a range of pages. */
const PAGES = String.raw`\d{1,4}(?:\s*(?:,|&|-|\u2013)\s*\d{1,4})*`;
/** Where a new entry starts after a page number on the same line. */
const NUMBERED_START = String.raw`(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|(?:Section|Part|Chapter|Appendix|Annex)\s+[\dA-Z]{1,3}[.:]?)\s+\p{Lu}`;
const AFTER_PAGE = String.raw`(?<=(?:^|\s|[.\u00b7\u2026_])${PAGES})`;
const PACKED = new RegExp(
  String.raw`${AFTER_PAGE}\s+(?=${NUMBERED_START})|(?<=(?:[.\u00b7\u2026_]\s?){3,}\s*${PAGES})\s+(?=\p{Lu})|${AFTER_PAGE}\s+[-\u2022\u2013]\s+(?=\p{Lu})`,
  'gu',
);
/** Under a contents heading, any capital after a page number starts an entry. */
const PACKED_LOOSE = new RegExp(String.raw`${AFTER_PAGE}\s+(?=\p{Lu}|\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+\p{Lu})`, 'gu');

/** Runs without a heading need this many entries with page numbers. */
const MIN_BARE_RUN = 3;
const MAX_ITEMS = 80;
/** Beyond this a number at the end of a line is a year or a figure, not a page. */
const MAX_PAGE = 400;
/** How far past the last page a wrapped entry's page may be. */
const WRAP_PAGES = 10;
const MAX_TITLE_WORDS = 14;

/** Finds the contents lists among the lines of a document. */
export function findContentsLists(lines: TextLine[]): ContentsList[] {
  const lists: ContentsList[] = [];
  let i = 0;
  while (i < lines.length) {
    const list = listAt(lines, i);
    if (list) {
      lists.push(list);
      i = list.lines[list.lines.length - 1]! + 1;
    } else i++;
  }
  return lists;
}

function listAt(lines: TextLine[], at: number): ContentsList | null {
  const first = lines[at]!;
  const heading = CONTENTS_HEADING.exec(first.text);
  if (heading) return headedList(lines, at, heading.groups?.rest?.trim());
  return bareRun(lines, at);
}

/** A "Contents" line and the entries after it, with or without page numbers. */
function headedList(lines: TextLine[], at: number, rest: string | undefined): ContentsList | null {
  const head = lines[at]!;
  const list: ContentsList = { heading: head, items: [], lines: [at] };
  if (rest) {
    const items = entriesOfLine(rest, head, head.text.length - rest.length, true);
    if (!items) return null; // "Contents of the pack: ..." is a sentence
    list.items.push(...items);
  }
  const seen = new Set(list.items.map((item) => key(item.title)));
  for (let i = at + 1; i < lines.length && list.items.length < MAX_ITEMS; i++) {
    const line = lines[i]!;
    if (PAGE_COLUMN.test(line.text) || PAGE_NUMBER_LINE.test(line.text)) {
      list.lines.push(i);
      continue;
    }
    // A Markdown heading after the list is the first section, not an entry.
    if (line.heading && list.items.length) break;
    const paged = list.items.some((item) => item.page !== undefined);
    // Once entries carry page numbers, a title without one is the first section's.
    const items =
      entriesOfLine(line.text, line, 0, true) ?? packedPrefix(line.text, line) ?? leadersOnly(line) ?? (paged ? null : titleOnly(line));
    // The first section's title repeats an entry: the list has ended.
    if (!items || (items.every((item) => item.page === undefined) && items.some((item) => seen.has(key(item.title))))) break;
    for (const item of items) seen.add(key(item.title));
    list.items.push(...items);
    list.lines.push(i);
  }
  return list.items.length ? list : null;
}

/** Lines that each read as a contents entry with a page number, pages in order. */
function bareRun(lines: TextLine[], at: number): ContentsList | null {
  // A run starts with an entry that ends in its page number: most lines are rejected before any split or parse.
  if (!endsInDigit(lines[at]!.text)) return null;
  const list: ContentsList = { heading: null, items: [], lines: [] };
  let lastPage = 0;
  let gap: number | null = null; // one line that is not an entry (a title wrapped round its page number) is allowed between entries
  for (let i = at; i < lines.length && list.items.length < MAX_ITEMS; i++) {
    const line = lines[i]!;
    if (line.heading) break;
    if (list.items.length && PAGE_NUMBER_LINE.test(line.text)) continue;
    const items = entriesOfLine(line.text, line, 0, false) ?? (list.items.length ? wrappedEntry(line, lastPage) : null);
    const pages = items?.map((item) => item.page) ?? [];
    const fits = items && pages.every((page, k) => page !== undefined && page <= MAX_PAGE && page >= (k === 0 ? lastPage : pages[k - 1]!));
    if (!fits) {
      if (gap !== null || list.items.length === 0) break;
      gap = i;
      continue;
    }
    if (gap !== null) list.lines.push(gap);
    gap = null;
    lastPage = pages[pages.length - 1]!;
    list.items.push(...items);
    list.lines.push(i);
  }
  // Pages rise through a document: the same number on every line is a column of figures or years.
  const first = list.items[0]?.page ?? 0;
  return list.items.length >= MIN_BARE_RUN && lastPage > first ? list : null;
}

/**
 * The entries of one line: one entry, or several packed together (each must read as an
 * entry). `offset` is where `text` starts in the line; `loose` allows the split of a
 * contents list that has its heading (a capital after a page number starts an entry).
 */
function entriesOfLine(text: string, line: TextLine, offset: number, loose: boolean): ContentsItem[] | null {
  const pieces = splitPacked(text, loose);
  const items: ContentsItem[] = [];
  for (const piece of pieces) {
    const entry = parseContentsEntry(normalise(piece.text));
    if (!entry || entry.title.split(/\s+/u).length > MAX_TITLE_WORDS) return null;
    items.push({ ...entry, line: line.line, column: line.column + offset + piece.start });
  }
  return items.length ? items : null;
}

/**
 * A transcript can wrap a title round its page number ("Funding and 25 contributions"): a number
 * just after the last page read, inside a short title, is that entry's page.
 */
function wrappedEntry(line: TextLine, lastPage: number): ContentsItem[] | null {
  const match = /^(?<before>\S.{2,80}?)\s(?<page>\d{1,3})(?:\s*[-–]\s*\d{1,3})?\s(?<after>\S.{0,60})$/u.exec(line.text)?.groups;
  if (!match) return null;
  const page = Number(match.page);
  if (page < lastPage || page > lastPage + WRAP_PAGES) return null;
  const entry = parseContentsEntry(`${match.before} ${match.after} ${page}`);
  return entry ? [{ ...entry, line: line.line, column: line.column }] : null;
}

/** Several entries packed on a line may run on into the text of the first page: the entries before it. */
function packedPrefix(text: string, line: TextLine): ContentsItem[] | null {
  const cuts = [...text.matchAll(PACKED)];
  if (cuts.length < 2) return null;
  const items: ContentsItem[] = [];
  let start = 0;
  for (const cut of cuts) {
    const entry = parseContentsEntry(normalise(text.slice(start, cut.index)));
    if (!entry || entry.title.split(/\s+/u).length > MAX_TITLE_WORDS) break;
    items.push({ ...entry, line: line.line, column: line.column + start });
    start = cut.index! + cut[0].length;
  }
  return items.length >= 2 && items.every((item) => item.page !== undefined) ? items : null;
}

/**
 * What a contents line prints beyond one entry's shape: leaders of any length (a transcript
 * keeps hundreds of dots) and several pages for one title ("15 & 33", "16, 17 & 35").
 */
function normalise(text: string): string {
  return text
    .replace(/(?:[.·…_]\s?){4,}/gu, '....')
    .replace(/(\d{1,4})(?:\s*(?:,|&|and)\s*\d{1,4})+$/u, '$1')
    .replace(/(\d{1,4})\s*[-–]\s*\d{1,4}$/u, '$1');
}

/** /\d\s*$/, read from the end: V8 tries an expression anchored at the end at every position of the line. */
function endsInDigit(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpace(text, i)) i--;
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
}

/** A page's number printed on a line of its own (a transcript keeps the page breaks). */
const PAGE_NUMBER_LINE = /^\d{1,4}$/u;

function splitPacked(text: string, loose: boolean): { text: string; start: number }[] {
  const whole = [{ text, start: 0 }];
  for (const pattern of loose ? [PACKED, PACKED_LOOSE] : [PACKED]) {
    const cuts = [...text.matchAll(pattern)].map((m) => ({ from: m.index!, to: m.index! + m[0].length }));
    if (cuts.length === 0) continue;
    const pieces: { text: string; start: number }[] = [];
    let start = 0;
    for (const cut of cuts) {
      pieces.push({ text: text.slice(start, cut.from), start });
      start = cut.to;
    }
    pieces.push({ text: text.slice(start), start });
    if (pieces.every((piece) => parseContentsEntry(normalise(piece.text)))) return pieces;
  }
  return whole;
}

/** A title and its leaders, the page number lost (to the next line, or the end of a transcript). */
function leadersOnly(line: TextLine): ContentsItem[] | null {
  const title = /^(?<title>\S.{1,100}?)\s*(?:[.·…_]\s?){4,}$/u.exec(line.text)?.groups?.title;
  if (!title || !/\p{L}{2}/u.test(title)) return null;
  return [{ title, leaders: true, line: line.line, column: line.column }];
}

/** Under a contents heading, a title alone is an entry (web pages list the sections as links). */
function titleOnly(line: TextLine): ContentsItem[] | null {
  const text = line.text.replace(/^[-•*▪◦·]\s*/u, '');
  const numbered = /^(?<number>\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+(?<title>\S.*)$/u.exec(text)?.groups;
  const title = (numbered?.title ?? text).trim();
  const words = title.split(/\s+/u);
  if (
    words.length > MAX_TITLE_WORDS ||
    title.length > 100 ||
    !/^[\p{Lu}\d]/u.test(title) ||
    /[.!;,:]$/u.test(title) ||
    /[.!?;]\s/u.test(title)
  )
    return null;
  if (!/\p{L}{2}/u.test(title)) return null;
  return [{ ...(numbered && { number: numbered.number }), title, leaders: false, line: line.line, column: line.column }];
}

const key = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^\p{L}\d]+/gu, ' ')
    .trim();
