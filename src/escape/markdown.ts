// GitHub-flavoured Markdown: document text never forms links, HTML, emphasis, table cells or
// new blocks. Check's Markdown summary and migrate's Markdown checklist use these.
import { plainText } from '../extract/show-value.js';

/**
 * Document text inline in GitHub-flavoured Markdown (a table cell, a heading): the
 * characters that open code, emphasis, links, HTML, entities, table cells, strikethrough
 * or math are backslash-escaped (CommonMark allows it for any ASCII punctuation); line
 * breaks become spaces, so nothing can start a block; other control characters show as \u{…}.
 */
export function markdownText(value: string): string {
  return plainText(value.replace(/\r\n?|\n/g, ' ')).replace(/[\\`*_[\]<>&|~$]/g, (c) => `\\${c}`);
}

/**
 * A code span for a file path or rule id inside a GFM table cell: a backtick cannot be
 * escaped inside a code span, so it becomes `'`; `|` is escaped as GFM tables require.
 */
export function markdownCodeCell(value: string): string {
  return `\`${plainText(value.replace(/\r\n?|\n/g, ' '))
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')}\``;
}
