// Escaping shared by the reporters: document text (messages, paths, area names) must
// never run as markup, a workflow command or XML in a report (design.md, "Never").
import { plainText } from '../extract/show-value.js';

/** Characters XML 1.0 forbids anywhere (C0 controls but tab, LF, CR; lone surrogates; U+FFFE, U+FFFF). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content of an XML element: `& < >` as entities, forbidden characters replaced by U+FFFD. */
export function xmlText(value: string): string {
  return value.replace(XML_FORBIDDEN, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An XML attribute value in double quotes: also `" '`, and tab, CR, LF as character references so parsers keep them. */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** The message of a GitHub workflow command (actions/toolkit `escapeData`): `%` first, then CR and LF. */
export function workflowData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a GitHub workflow command (toolkit `escapeProperty`): as data, plus `:` and `,`. */
export function workflowProperty(value: string): string {
  return workflowData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

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
  return `\`${plainText(value.replace(/\r\n?|\n/g, ' ')).replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
