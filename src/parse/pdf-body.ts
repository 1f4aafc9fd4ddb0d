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

export type PdfBodyProblem = { ok: false } & ParseProblem;

export async function pdfBody(bytes: Uint8Array, options: PdfReadOptions, reader?: PdfReader): Promise<PdfBody | PdfBodyProblem> {
  const read = await (reader ?? (await import('./pdf.js')).readPdf)(bytes, options);
  if (!read.ok) return { ...read, line: 1, column: 1 };
  const layout = layoutPdf(read.content);
  const parts = partsFromMdast(layout.root);
  const problems: ParseProblem[] = [];
  const pages = read.content.pages.length;
  const hasText = parts.blocks.some((b) => b.text.trim() !== '');
  if (!hasText) {
    const scanned = layout.imageOnlyPages.length > 0;
    problems.push(
      !scanned
        ? { messageId: 'empty', variant: 'pdf', line: 1, column: 1 }
        : pages === 1
          ? { messageId: 'pdf-no-text', variant: 'one-page', line: 1, column: 1 }
          : { messageId: 'pdf-no-text', variant: 'pages', data: { pages }, line: 1, column: 1 },
    );
  } else if (layout.imageOnlyPages.length) {
    const list = layout.imageOnlyPages;
    problems.push({
      messageId: 'pdf-image-pages',
      variant: list.length === 1 ? 'one-page' : 'pages',
      data: { pages: listOf(list) },
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
