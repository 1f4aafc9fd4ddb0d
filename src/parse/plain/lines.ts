// The lines of a document's blocks, each placed in the file. Text converted from PDF or Word,
// or pasted from a web page, keeps its structure in lines (a contents list, a numbered title,
// a signature block), not in Markdown syntax: the plain-text readers work on these lines.
import { placeInBlock, type Block } from '../markdown.js';

export interface TextLine {
  /** The line without leading and trailing spaces. */
  text: string;
  /** Index of its block. */
  block: number;
  /** Where the trimmed line starts and ends in its block's text. */
  start: number;
  end: number;
  line: number;
  column: number;
  /** True for the first line of its block. */
  first: boolean;
  /** True for the last line of its block. */
  last: boolean;
  /** The block is a Markdown heading. */
  heading: boolean;
  /** The block is a list item's text. */
  listItem: boolean;
  /** The block is a row of a Markdown table. */
  tableRow: boolean;
}

/** Every non-blank line of every block, in document order. */
export function linesOf(blocks: Block[]): TextLine[] {
  const lines: TextLine[] = [];
  blocks.forEach((block, index) => {
    const own: TextLine[] = [];
    let offset = 0;
    for (const raw of block.text.split('\n')) {
      const lead = raw.length - raw.trimStart().length;
      const text = raw.trim();
      if (text) {
        const start = offset + lead;
        const place = placeInBlock(block, start);
        own.push({
          text,
          block: index,
          start,
          end: start + text.length,
          line: place.line,
          column: place.column,
          first: false,
          last: false,
          heading: block.kind === 'heading',
          listItem: block.listItem === true,
          tableRow: block.kind === 'table-row',
        });
      }
      offset += raw.length + 1;
    }
    if (own.length) {
      own[0]!.first = true;
      own[own.length - 1]!.last = true;
    }
    lines.push(...own);
  });
  return lines;
}
