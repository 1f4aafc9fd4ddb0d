// Headings that are not Markdown headings: the title lines of text converted from PDF or Word
// or copied from a web page. Three shapes, as such documents print them:
// - a numbered title: "4.1 Safeguarding Partners", "Section 3: Funding", "Appendix B – Escalation";
// - a short line in capitals: "KEY PRIORITIES";
// - a short line on its own between paragraphs: "Independent scrutiny", "Our Budget".
// The first lines of the document, when short, are its title.
import type { TextLine } from './lines.js';
import { countLetters, countWords } from './words.js';

export interface PlainHeading {
  /** Index of the line (into the lines read). */
  index: number;
  /** 1 for the title (2 for the lines of a subtitle); numbered titles by their number's depth ("4" → 2, "4.1" → 3); capitals 2; other short lines 3. */
  depth: number;
  /** The title without its number. */
  title: string;
  number?: string;
}

export interface HeadingShape {
  depth: number;
  title: string;
  number?: string;
  /** A short line whose shape alone does not make it a heading: its place between paragraphs must. */
  needsContext: boolean;
}

const NUMBERED =
  /^(?:(?<word>Section|SECTION|Part|PART|Chapter|CHAPTER|Appendix|APPENDIX|Annex|ANNEX)\s+(?<wordNumber>\d{1,2}|[A-Z]|[IVX]{1,5})|(?<number>\d{1,2}(?:\.\d{1,2}){0,3}))(?:[.):]|\s*[-–—:])?\s+(?<title>[\p{Lu}\d‘'"“(].*)$/u;
const MONTH_START =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/iu;
/** Words a title does not end with: a line ending with one is a wrapped sentence. */
const OPEN_END =
  /\b(?:a|an|the|and|or|of|to|for|with|in|on|at|by|from|will|which|that|this|our|their|its|as|into|under|across|between|including|such)$/iu;
const SENTENCE_END = /[.!?:;]["'”’)]?$/u;
const MAX_TITLE_CHARS = 90;
const MAX_NUMBERED_WORDS = 14;
const MAX_CAPITALS_WORDS = 10;
const MAX_SHORT_WORDS = 8;
const MAX_TITLE_LINES = 3;

/** What a line would be as a heading, or null when its shape rules it out. */
export function headingShape(text: string): HeadingShape | null {
  if (text.length > MAX_TITLE_CHARS || !/\p{L}{2}/u.test(text) || /^[-•*▪◦·–]/u.test(text)) return null;
  if (/[.,;:!]["'”’)]?$/u.test(text) || /[.!?;]\s+\p{L}/u.test(text)) return null;
  const numbered = NUMBERED.exec(text)?.groups;
  if (numbered) {
    const title = numbered.title!.trim();
    if (
      MONTH_START.test(title) ||
      countWords(title, MAX_NUMBERED_WORDS) > MAX_NUMBERED_WORDS ||
      !/\p{L}{2}/u.test(title) ||
      OPEN_END.test(title)
    )
      return null;
    if (numbered.word) return { depth: 2, title, number: `${numbered.word} ${numbered.wordNumber}`, needsContext: false };
    // A bare number is a heading only for a short title ("12 Practitioners attended the course" is a sentence).
    const depth = Math.min(6, 1 + numbered.number!.split('.').length);
    return { depth, title, number: numbered.number!, needsContext: !numbered.number!.includes('.') && countWords(title, 6) > 6 };
  }
  if (OPEN_END.test(text)) return null;
  const { letters, upper } = countLetters(text);
  if (letters >= 5 && upper / letters >= 0.9 && countWords(text, MAX_CAPITALS_WORDS) <= MAX_CAPITALS_WORDS && /\p{L}{4}/u.test(text)) {
    return { depth: 2, title: text, needsContext: false };
  }
  if (/^\p{Lu}/u.test(text) && countWords(text, MAX_SHORT_WORDS) <= MAX_SHORT_WORDS) return { depth: 3, title: text, needsContext: true };
  return null;
}

/**
 * The lines of a plain-text document that are headings. `taken` holds the indexes of lines
 * another reader has claimed (a contents list, a signature block): never headings.
 */
export function findPlainHeadings(lines: TextLine[], taken: ReadonlySet<number> = new Set()): PlainHeading[] {
  const found: PlainHeading[] = [];
  let titleLines = 0;
  for (let i = 0; i < lines.length; i++) {
    if (taken.has(i) || lines[i]!.heading) continue;
    const line = lines[i]!;
    // The document opens with its title: its first short lines, before any sentence, in the
    // first block or in blocks of one line each; a numbered line is already a section's.
    const previous = lines[i - 1];
    const inTitle = i === 0 || (previous !== undefined && (previous.block === line.block || (line.first && line.last)));
    if (i === titleLines && titleLines < MAX_TITLE_LINES && inTitle && isTitleLine(line.text) && !NUMBERED.test(line.text)) {
      // Lines after the first are its subtitle: the title's section is the whole document.
      found.push({ index: i, depth: titleLines === 0 ? 1 : 2, title: line.text });
      titleLines++;
      continue;
    }
    titleLines = -1;
    const shape = headingShape(line.text);
    if (!shape) continue;
    if (shape.needsContext && !standsAlone(lines, i, taken)) continue;
    found.push({ index: i, depth: shape.depth, title: shape.title, ...(shape.number !== undefined && { number: shape.number }) });
  }
  return found;
}

/** A line that introduces what follows ("The three partners are"), not a title. */
const LEAD_IN_END = /\b(?:are|is|include|includes|including|comprise|comprises|as follows|namely)$/iu;

function isTitleLine(text: string): boolean {
  return (
    !LEAD_IN_END.test(text) &&
    text.length <= 120 &&
    /\p{L}{2}/u.test(text) &&
    !SENTENCE_END.test(text) &&
    !/,$/u.test(text) &&
    !/[.!?;]\s/u.test(text) &&
    /^[\p{Lu}\d]/u.test(text) &&
    !OPEN_END.test(text)
  );
}

/** Between paragraphs: what comes before it has ended, and what follows starts afresh. */
function standsAlone(lines: TextLine[], i: number, taken: ReadonlySet<number>): boolean {
  const line = lines[i]!;
  const before = lines[i - 1];
  const after = lines[i + 1];
  if (!after || after.heading || taken.has(i + 1)) return false;
  // An item of a list, or a line a colon introduces, is an entry of the list; a line that introduces a list is its lead-in.
  if ((line.listItem && line.last) || (before && /:$/u.test(before.text)) || (after.listItem && after.first && LEAD_IN_END.test(line.text)))
    return false;
  // What came before ended a sentence, or was a heading, a list item or a paragraph: two short lines in a row are a list or an address.
  const endedBefore =
    !before ||
    before.heading ||
    taken.has(i - 1) ||
    SENTENCE_END.test(before.text) ||
    (before.listItem && !line.listItem) ||
    (line.first && before.text.length > 60);
  const startsAfter = /^[\p{Lu}\d"“‘'(•*▪◦·–-]/u.test(after.text);
  // What follows is a paragraph, longer than the title: a wrapped sentence's lines are of a length.
  // A numbered title read by Markdown as a list item carries its section in the item.
  const longerAfter =
    line.listItem && line.first && !line.last
      ? true
      : line.last
        ? after.text.length > line.text.length + 10
        : line.text.length < 0.6 * after.text.length || (after.last && line.text.length + 15 < after.text.length);
  return endedBefore && startsAfter && longerAfter;
}
