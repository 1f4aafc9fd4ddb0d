// A PDF's bytes → Markdown's parts, the page of each line, and the problems a reader must
// hear about (no text layer, pages that are pictures, a password, a damaged file). Reading
// goes through a PdfReader: PDF.js in this thread by default, or the CLI's worker thread,
// which can be stopped when a hostile file takes too long.
import type { Root } from 'mdast';
import { partsFromMdast, type MarkdownParts } from './markdown.js';
import { layoutPdf } from './pdf-layout.js';
import type { PdfRead, PdfReadOptions } from './pdf.js';
import type { ParseProblem } from './document.js';

export type PdfReader = (bytes: Uint8Array, options: PdfReadOptions) => Promise<PdfRead>;

export interface PdfBody {
  ok: true;
  parts: MarkdownParts;
  root: Root;
  linePages: number[];
  hints: { title?: string; created?: string };
  /** Not fatal ones: pages that are pictures; or fatal: no text at all. */
  problems: ParseProblem[];
}

export type PdfBodyProblem = { ok: false; messageId: string; message: string; line: number; column: number };

const OCR_ADVICE = 'ask the partnership for an accessible version (public bodies must publish accessible documents), or run OCR on it';

export async function pdfBody(bytes: Uint8Array, options: PdfReadOptions, reader?: PdfReader): Promise<PdfBody | PdfBodyProblem> {
  const read = await (reader ?? (await import('./pdf.js')).readPdf)(bytes, options);
  if (!read.ok) return { ok: false, messageId: read.messageId, message: read.message, line: 1, column: 1 };
  const layout = layoutPdf(read.content);
  const parts = partsFromMdast(layout.root);
  const problems: ParseProblem[] = [];
  const pages = read.content.pages.length;
  const hasText = parts.blocks.some((b) => b.text.trim() !== '');
  if (!hasText) {
    const scanned = layout.imageOnlyPages.length > 0;
    problems.push({
      messageId: scanned ? 'pdf-no-text' : 'empty',
      message: scanned
        ? `The PDF has no text to read (${pages === 1 ? 'its page is' : `all ${pages} pages are`} pictures, as a scan is): ${OCR_ADVICE}`
        : 'The PDF has no text to check once running headers, footers and page numbers are set aside; expected the text of the arrangements or report',
      line: 1,
      column: 1,
    });
  } else if (layout.imageOnlyPages.length) {
    const list = layout.imageOnlyPages;
    problems.push({
      messageId: 'pdf-image-pages',
      message: `${list.length === 1 ? `Page ${list[0]} has` : `Pages ${listOf(list)} have`} no text to read (pictures, as a scan is), so what ${list.length === 1 ? 'it says' : 'they say'} was not checked: ${OCR_ADVICE}`,
      line: 1,
      column: 1,
    });
  }
  const hints = {
    ...(read.content.title && { title: read.content.title }),
    ...(read.content.created && { created: read.content.created }),
  };
  return { ok: true, parts, root: layout.root, linePages: layout.linePages, hints, problems };
}

/** "3, 4 and 9"; ranges shortened: "3–7 and 9". */
function listOf(pages: number[]): string {
  const ranges: string[] = [];
  for (let i = 0; i < pages.length;) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    ranges.push(j > i + 1 ? `${pages[i]}–${pages[j]}` : j === i + 1 ? `${pages[i]}, ${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  const all = ranges.join(', ').split(', ');
  return all.length === 1 ? all[0]! : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}
