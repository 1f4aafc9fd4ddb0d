// Bytes → text, before the parsers see anything. Pure: the shell reads the bytes.
import { DEFAULT_LIMITS } from './limits.js';
import type { ParseMessageOf } from '../reserved.js';
import type { Place } from '../types.js';

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' }
  | ({ ok: false } & ParseMessageOf<'too-large' | 'binary' | 'invalid-utf8' | 'invalid-utf16'> & Place);

export const DEFAULT_MAX_BYTES = DEFAULT_LIMITS.maxBytes;
const BINARY_SNIFF_BYTES = 8000;

export function decodeBytes(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      messageId: 'too-large',
      variant: 'file',
      data: { size: bytes.length, max: maxBytes },
      line: 1,
      column: 1,
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const nul = body.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      messageId: 'binary',
      data: { offset: nul + (hasBom ? 3 : 0) },
      ...placeOfByte(body, nul),
    };
  }
  // The native fatal decoder validates exactly what firstInvalidUtf8 does, far faster; the
  // byte-by-byte walk runs only to say where a file that failed is broken.
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    // invalid: find where
  }
  const bad = firstInvalidUtf8(body);
  if (bad !== -1) {
    return {
      ok: false,
      messageId: 'invalid-utf8',
      data: { byte: bad + (hasBom ? 3 : 0) },
      ...placeOfByte(body, bad),
    };
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(body), encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
}

/** UTF-16 after its byte-order mark; a lone surrogate or an odd last byte is a finding, not U+FFFD. */
function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  const body = bytes.subarray(2);
  const unit = (i: number) => (encoding === 'utf-16le' ? body[i]! | (body[i + 1]! << 8) : (body[i]! << 8) | body[i + 1]!);
  const end = body.length - (body.length % 2);
  let bad = body.length % 2 ? end : -1;
  for (let i = 0; i < end; i += 2) {
    const u = unit(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 2 < end ? unit(i + 2) : -1;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i += 2;
        continue;
      }
    }
    if (u >= 0xd800 && u <= 0xdfff) {
      bad = i;
      break;
    }
  }
  if (bad !== -1) {
    const prefix = new TextDecoder(encoding).decode(body.subarray(0, bad));
    return {
      ok: false,
      messageId: 'invalid-utf16',
      variant: bad === end ? 'odd-byte' : 'lone-surrogate',
      data: { encoding: encoding.toUpperCase(), byte: bad + 2 },
      ...placeOfText(prefix),
    };
  }
  return { ok: true, text: new TextDecoder(encoding).decode(body), encoding };
}

/** Line and column (in characters of the valid prefix) of a byte offset. */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  return placeOfText(new TextDecoder('utf-8').decode(bytes.subarray(0, offset)));
}

/** Line and column just after a decoded prefix. */
function placeOfText(prefix: string): { line: number; column: number } {
  const lines = prefix.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
