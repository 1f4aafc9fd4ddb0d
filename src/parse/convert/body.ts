// An HTML page, Word document or PDF's body, converted for the core: Word through mammoth to
// HTML, HTML to Markdown's parts; a PDF's structure recovered from its layout (../pdf-body.ts).
// The converters load here, on first use, so Markdown never pays for them.
import type { MarkdownParts } from '../markdown.js';
import { decodeBytes, DEFAULT_MAX_BYTES } from '../decode.js';
import { normaliseText, type ConvertedFormat } from '../document.js';
import { resolveLimits, type Limits } from '../limits.js';
import type { PdfBody, PdfReader } from '../pdf-body.js';

/** Why a page or Word document could not be converted: a parse-error finding. */
export type ConversionProblem = { ok: false; messageId: string; message: string; line: number; column: number };

export interface BodyOptions {
  maxBytes?: number;
  limits?: Partial<Limits>;
  /** How a PDF is read (PDF.js in this thread unless given). */
  readPdf?: PdfReader;
}

/** A converted body; a PDF's also carries the page of each line, its properties and its problems. */
export type ConvertedBody = { ok: true; parts: MarkdownParts; pdf?: PdfBody };

/** An HTML page, Word document or PDF's body as Markdown's parts. The converters load here, on first use. */
export async function convertBody(format: ConvertedFormat, bytes: Uint8Array, options: BodyOptions = {}): Promise<ConvertedBody | ConversionProblem> {
  if (format === 'pdf') {
    const pdf = await readPdfBody(bytes, options);
    return pdf.ok ? { ok: true, parts: pdf.parts, pdf } : pdf;
  }
  const html = await convertToHtml(format, bytes, options.maxBytes ?? resolveLimits(options.limits).maxBytes);
  if (!html.ok) return html;
  const { parseHtml } = await import('../html.js');
  return { ok: true, parts: parseHtml(html.html, format === 'docx' ? 'paragraphs' : 'source') };
}

/** A PDF's recovered structure (../pdf-body.ts), within the PDF limits (size, pages). */
export async function readPdfBody(bytes: Uint8Array, options: BodyOptions): Promise<PdfBody | ConversionProblem> {
  const limits = resolveLimits(options.limits);
  const maxBytes = options.maxBytes ?? limits.maxPdfBytes;
  if (bytes.length > maxBytes) {
    return { ok: false, messageId: 'too-large', message: `File is ${bytes.length} bytes, over the limit of ${maxBytes} bytes (limit maxPdfBytes)`, line: 1, column: 1 };
  }
  const { pdfBody } = await import('../pdf-body.js');
  return pdfBody(bytes, { maxPages: limits.maxPages }, options.readPdf);
}

/** The HTML of a page (decoded) or of a Word document (through mammoth). */
export async function convertToHtml(
  format: Exclude<ConvertedFormat, 'pdf'>,
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
