// An HTML page, Word document or PDF's body, converted for the core: Word through mammoth to
// HTML, HTML to Markdown's parts; a PDF's structure recovered from its layout (../pdf-body.ts).
// The converters load here, on first use, so Markdown never pays for them.
// Pages and Word documents respect maxBytes and maxElementDepth: one nested past it is a
// parse-error at the first element past the limit, found before anything recurses over it.
import type { MarkdownParts } from '../markdown.js';
import { decodeBytes } from '../decode.js';
import { normaliseText, type ConvertedFormat } from '../document.js';
import { resolveLimits, type Limits } from '../limits.js';
import type { PdfBody, PdfReader } from '../pdf-body.js';
import type { ParseProblem } from '../document.js';
import type { ParseMessageOf } from '../../reserved.js';

/** Why a page or Word document could not be converted: a parse-error finding. */
export type ConversionProblem = { ok: false } & ParseProblem;

export interface BodyOptions {
  /** Overrides the limits' maxBytes (or maxPdfBytes for a PDF). */
  maxBytes?: number;
  limits?: Partial<Limits>;
  /** How a PDF is read (PDF.js in this thread unless given). */
  readPdf?: PdfReader;
}

/** The limits a page or Word conversion respects. */
export type ConversionLimits = Pick<Limits, 'maxBytes' | 'maxElementDepth'>;

/** A converted body; a PDF's also carries the page of each line, its properties and its problems. */
export type ConvertedBody = { ok: true; parts: MarkdownParts; pdf?: PdfBody };

/** The maxBytes and maxElementDepth that apply to a page or Word document under these options. */
export function conversionLimits(options: BodyOptions = {}): ConversionLimits {
  const limits = resolveLimits(options.limits);
  return { maxBytes: options.maxBytes ?? limits.maxBytes, maxElementDepth: limits.maxElementDepth };
}

/** An HTML page, Word document or PDF's body as Markdown's parts. The converters load here, on first use. */
export async function convertBody(
  format: ConvertedFormat,
  bytes: Uint8Array,
  options: BodyOptions = {},
): Promise<ConvertedBody | ConversionProblem> {
  if (format === 'pdf') {
    const pdf = await readPdfBody(bytes, options);
    return pdf.ok ? { ok: true, parts: pdf.parts, pdf } : pdf;
  }
  const limits = conversionLimits(options);
  const html = await convertToHtml(format, bytes, limits);
  if (!html.ok) return html;
  const { htmlParts } = await import('../html.js');
  const parsed = htmlParts(html.html, format === 'docx' ? 'paragraphs' : 'source', limits.maxElementDepth);
  return parsed.ok ? parsed : tooDeep(format, parsed, limits.maxElementDepth);
}

/** A PDF's recovered structure (../pdf-body.ts), within the PDF limits (size, pages). */
export async function readPdfBody(bytes: Uint8Array, options: BodyOptions): Promise<PdfBody | ConversionProblem> {
  const limits = resolveLimits(options.limits);
  const maxBytes = options.maxBytes ?? limits.maxPdfBytes;
  if (bytes.length > maxBytes) {
    return { ok: false, messageId: 'too-large', variant: 'pdf', data: { size: bytes.length, max: maxBytes }, line: 1, column: 1 };
  }
  const { pdfBody } = await import('../pdf-body.js');
  return pdfBody(bytes, { maxPages: limits.maxPages }, options.readPdf);
}

/** A page or Word document nested past maxElementDepth: a parse-error at the first element past it. */
export function tooDeep(format: Exclude<ConvertedFormat, 'pdf'>, place: { line: number; column: number }, max: number): ConversionProblem {
  const message: ParseMessageOf<'too-deep'> =
    format === 'html'
      ? { messageId: 'too-deep', variant: 'html', data: { max } }
      : { messageId: 'too-deep', variant: 'docx', data: { max, paragraph: place.line } };
  return { ok: false, ...message, line: place.line, column: place.column };
}

/** The HTML of a page (decoded) or of a Word document (through mammoth). */
export async function convertToHtml(
  format: Exclude<ConvertedFormat, 'pdf'>,
  bytes: Uint8Array,
  limits: ConversionLimits = conversionLimits(),
): Promise<{ ok: true; html: string } | ConversionProblem> {
  const { maxBytes } = limits;
  if (format === 'html') {
    const decoded = decodeBytes(bytes, maxBytes);
    return decoded.ok ? { ok: true, html: normaliseText(decoded.text) } : decoded;
  }
  if (bytes.length > maxBytes) {
    return { ok: false, messageId: 'too-large', variant: 'file', data: { size: bytes.length, max: maxBytes }, line: 1, column: 1 };
  }
  const { docxToHtml } = await import('../docx.js');
  const docx = await docxToHtml(bytes, limits.maxElementDepth);
  if (docx.ok) return docx;
  if (docx.tooDeep) return tooDeep(format, { line: docx.tooDeep.paragraph, column: 1 }, limits.maxElementDepth);
  return { ok: false, messageId: 'not-docx', data: { detail: docx.message }, line: 1, column: 1 };
}
