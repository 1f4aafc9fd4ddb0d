// One line of a table of contents, as published documents print them: a section number, a
// title, and a page number after dot leaders, a tab or spaces ("9. Thresholds ....... 14",
// "Section 4 – Funding 12", "Appendix A: Terms of reference 31"). Shared by every reader
// that meets contents lists in plain text: PDF layout recovery and the prose passes.
// Whether a run of such lines is a contents list is the caller's judgement; this module
// only reads one line.

export interface ContentsEntry {
  /** The section number as printed ("9", "4.1", "Section 4", "Appendix A"), when there is one. */
  number?: string;
  /** The title without number, leaders or page. */
  title: string;
  /** The page number at the end of the line, when there is one. */
  page?: number;
  /** True when dot (or other) leaders join the title to the page number. */
  leaders: boolean;
}

// Three or more leader characters (dots, middle dots, underscores, ellipses), spaces allowed between.
const LEADERS = /\s*(?:[.·…_](?:\s?[.·…_]){2,})\s*/u;
const PAGE_AT_END = /^(?<rest>.*?\S)(?<gap>\s*(?:[.·…_](?:\s?[.·…_]){2,})\s*|\t+\s*| {2,}| )(?:p(?:age|\.)?\s*)?(?<page>\d{1,4})$/iu;
const NUMBER_AT_START =
  /^(?<number>(?:(?:[Ss]ection|SECTION|[Pp]art|PART|[Cc]hapter|CHAPTER|[Aa]ppendix|APPENDIX|[Aa]nnex|ANNEX)\s+(?:\d{1,2}(?:\.\d{1,2})*|[A-Z]|[IVX]{1,5})|\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,5}|[A-Z]))(?:[.):]|\s*[-–—:]|(?=\s))\s+(?<title>\S.*)$/u;

const MAX_LINE = 200;

/** Reads a line as a contents entry, or returns null when it is not shaped like one. */
export function parseContentsEntry(line: string): ContentsEntry | null {
  const text = line.replace(/\s+$/u, '').replace(/^\s+/u, '');
  if (text.length === 0 || text.length > MAX_LINE) return null;
  let rest = text;
  let page: number | undefined;
  let leaders = false;
  const paged = PAGE_AT_END.exec(rest);
  const pagedParts = paged?.groups as { rest: string; gap: string; page: string } | undefined;
  if (pagedParts) {
    leaders = LEADERS.test(pagedParts.gap);
    rest = pagedParts.rest;
    page = Number(pagedParts.page);
  }
  let number: string | undefined;
  const numbered = NUMBER_AT_START.exec(rest);
  const numberedParts = numbered?.groups as { number: string; title: string } | undefined;
  if (numberedParts) {
    number = numberedParts.number;
    rest = numberedParts.title;
  }
  const title = rest.replace(LEADERS, ' ').trim();
  if (!/\p{L}{2}/u.test(title)) return null;
  // A bare number or a bare page is not enough: a sentence can end with a number.
  if (!leaders && (number === undefined || page === undefined)) {
    if (page !== undefined && !leaders && /[.!?;,]$/u.test(title)) return null;
    if (!(leaders || (number !== undefined && page !== undefined) || (page !== undefined && looksLikeTitle(title)))) {
      return null;
    }
  }
  return { ...(number !== undefined && { number }), title, ...(page !== undefined && { page }), leaders };
}

/** Short, no sentence punctuation inside, few words: how a title looks next to a page number. */
function looksLikeTitle(title: string): boolean {
  const words = title.split(/\s+/u);
  return words.length <= 12 && !/[.!?;]\s/u.test(title) && /^[\p{Lu}\d]/u.test(title);
}
