// An HTML page or Word document's body, converted for the core: Word through mammoth to HTML,
// HTML to Markdown's parts. The converters load here, on first use, so Markdown never pays for them.
import type { MarkdownParts } from '../markdown.js';
import { decodeBytes, DEFAULT_MAX_BYTES } from '../decode.js';
import { normaliseText, type ConvertedFormat } from '../document.js';

/** Why a page or Word document could not be converted: a parse-error finding. */
export type ConversionProblem = { ok: false; messageId: string; message: string; line: number; column: number };

/** An HTML page or Word document's body as Markdown's parts. The converters load here, on first use. */
export async function convertBody(format: ConvertedFormat, bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Promise<{ ok: true; parts: MarkdownParts } | ConversionProblem> {
  const html = await convertToHtml(format, bytes, maxBytes);
  if (!html.ok) return html;
  const { parseHtml } = await import('../html.js');
  return { ok: true, parts: parseHtml(html.html, format === 'docx' ? 'paragraphs' : 'source') };
}

/** The HTML of a page (decoded) or of a Word document (through mammoth). */
export async function convertToHtml(
  format: ConvertedFormat,
  bytes: Uint8Array,
  maxBytes = DEFAULT_MAX_BYTES,
): Promise<{ ok: true; html: string } | ConversionProblem> {
  if (format === 'html') {
    const decoded = decodeBytes(bytes, maxBytes);
    return decoded.ok ? { ok: true, html: normaliseText(decoded.text) } : decoded;
  }
  if (bytes.length > maxBytes) {
    return { ok: false, messageId: 'too-large', message: `File is ${bytes.length} bytes, over the limit of ${maxBytes} bytes`, line: 1, column: 1 };
  }
  const { docxToHtml } = await import('../docx.js');
  const docx = await docxToHtml(bytes);
  if (docx.ok) return docx;
  return { ok: false, messageId: 'not-docx', message: `Cannot read the Word document: ${docx.message}; expected a .docx file saved by Word or a compatible editor`, line: 1, column: 1 };
}
