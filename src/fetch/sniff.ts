// What a downloaded body is, from its first bytes (never from the URL or the Content-Type
// alone): a PDF, a Word document (a zip holding word/document.xml), or an HTML page.
import type { DocumentType } from './types.js';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4", a zip's first local file header
const WORD_PART = Buffer.from('word/document.xml', 'latin1');

/**
 * The tags that open an HTML document in the WHATWG MIME Sniffing Standard ("identifying a
 * resource with an unknown MIME type"), each followed by a space or ">"; "<!--" stands alone.
 */
const HTML_TAGS = [
  '!doctype html',
  'html',
  'head',
  'script',
  'iframe',
  'h1',
  'div',
  'font',
  'table',
  'a',
  'style',
  'title',
  'b',
  'body',
  'br',
  'p',
];

export function sniffType(bytes: Uint8Array): DocumentType | null {
  if (startsWith(bytes, PDF, skipWhitespace(bytes, 0))) return 'pdf';
  if (startsWith(bytes, ZIP, 0)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(WORD_PART) ? 'docx' : null;
  return looksLikeHtml(bytes) ? 'html' : null;
}

/** A short description of what a body that is none of the three looks like, for the failure. */
export function describeOther(bytes: Uint8Array): string {
  if (startsWith(bytes, ZIP, 0)) return 'a zip file that is not a Word document';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0], 0)) return 'an old binary Office file (.doc)';
  if (bytes.length === 0) return 'an empty body';
  return 'not a PDF, Word document or web page';
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  // A page in UTF-16 (with its byte order mark, as wtlint reads it) is sniffed on its text.
  if (startsWith(bytes, [0xff, 0xfe], 0) || startsWith(bytes, [0xfe, 0xff], 0)) {
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2, 2048));
    return looksLikeHtml(Buffer.from(text, 'latin1'));
  }
  let at = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf], 0)) at = 3; // UTF-8 byte order mark
  at = skipWhitespace(bytes, at);
  const head = Buffer.from(bytes.subarray(at, at + 16))
    .toString('latin1')
    .toLowerCase();
  if (head.startsWith('<!--')) return true;
  if (head.startsWith('<?xml')) return /<html[\s>]/i.test(Buffer.from(bytes.subarray(at, at + 1024)).toString('latin1'));
  return HTML_TAGS.some((tag) => head.startsWith(`<${tag}`) && /^[ >\t\n\r\f]$/.test(head.charAt(tag.length + 1)));
}

function skipWhitespace(bytes: Uint8Array, from: number): number {
  let at = from;
  while (at < bytes.length && [0x09, 0x0a, 0x0c, 0x0d, 0x20].includes(bytes[at]!)) at++;
  return at;
}

function startsWith(bytes: Uint8Array, prefix: number[], at: number): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}
