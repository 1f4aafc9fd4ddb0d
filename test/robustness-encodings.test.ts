// Issue 6, part 3: encodings and line endings. The same document gives the same result
// whatever its encoding (UTF-8 with or without BOM, UTF-16 LE/BE with BOM) and line
// endings (LF, CRLF, lone CR); undecodable bytes are a finding at their place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { linter, OPTIONS, positions, root } from './robustness/helpers.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, order: 'le' | 'be') => {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out.set(order === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff], 2 + i * 2);
  }
  return out;
};
const bytesOf = (...parts: (string | number[])[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));
const lintBytes = (bytes: Uint8Array, path = 'doc.md') => linter.lintBytes(path, bytes, OPTIONS);
const parseError = (messageId: string, line: number, column: number) => [{ ruleId: 'parse-error', messageId, line, column }];

const NORTHSHIRE = readFileSync(join(root, 'examples/northshire/arrangements.md'), 'utf8');
const HARTFIELD = readFileSync(join(root, 'examples/hartfield/arrangements.yaml'), 'utf8');

describe('encodings give identical results', () => {
  for (const [name, text, path] of [
    ['Markdown (examples/northshire)', NORTHSHIRE, 'arrangements.md'],
    ['YAML (examples/hartfield)', HARTFIELD, 'arrangements.yaml'],
  ] as const) {
    it(`${name}: UTF-8, UTF-8 with BOM, UTF-16 LE and BE with BOM`, () => {
      const expected = lintBytes(utf8(text), path);
      // The comparison below compares positions: evidence and findings.
      expect(Object.values(expected.evidence).flat().length + expected.findings.length).toBeGreaterThanOrEqual(10);
      expect(lintBytes(bytesOf([0xef, 0xbb, 0xbf], text), path)).toEqual(expected);
      expect(lintBytes(utf16(text, 'le'), path)).toEqual(expected);
      expect(lintBytes(utf16(text, 'be'), path)).toEqual(expected);
    });

    it(`${name}: LF, CRLF, lone CR and mixed line endings give the same findings at the same lines and columns`, () => {
      const expected = lintBytes(utf8(text), path);
      let i = 0;
      // A lone CR is never followed by an LF here: that pair would be one CRLF line end.
      const mixed = text.replace(/\n/g, () => ['\r\n', '\n', '\r'][i++ % 3]!);
      for (const variant of [text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), mixed]) {
        expect(positions(lintBytes(utf8(variant), path))).toEqual(positions(expected));
        expect(lintBytes(utf8(variant), path)).toEqual(expected);
      }
      expect(lintBytes(bytesOf([0xef, 0xbb, 0xbf], text.replace(/\n/g, '\r\n')), path)).toEqual(expected);
    });
  }

  it('a finding after CRLF front matter is on the same line as with LF', () => {
    const doc = '---\nkind: arrangements\nedition: 2023\npublished: 2024-13-45\n---\n# Arrangements\n';
    const lf = positions(lintBytes(utf8(doc))).filter((f) => f.ruleId === 'wt2023/front-matter');
    expect(lf).toEqual([{ ruleId: 'wt2023/front-matter', messageId: 'invalid', line: 4, column: 1 }]);
    expect(positions(lintBytes(utf8(doc.replace(/\n/g, '\r\n')))).filter((f) => f.ruleId === 'wt2023/front-matter')).toEqual(lf);
    expect(positions(lintBytes(utf8(doc.replace(/\n/g, '\r')))).filter((f) => f.ruleId === 'wt2023/front-matter')).toEqual(lf);
  });
});

describe('undecodable bytes are a finding at their place, never mojibake', () => {
  it('invalid UTF-8: a Latin-1 é on line 4', () => {
    expect(positions(lintBytes(bytesOf('---\nkind: arrangements\n---\n# Caf', [0xe9], '\n')))).toEqual(parseError('invalid-utf8', 4, 6));
  });

  it('invalid UTF-8 after CRLF and lone CR line ends: the same line and column', () => {
    expect(positions(lintBytes(bytesOf('a\r\nb\r\nxy', [0xff])))).toEqual(parseError('invalid-utf8', 3, 3));
    expect(positions(lintBytes(bytesOf('a\rb\rxy', [0xff])))).toEqual(parseError('invalid-utf8', 3, 3));
  });

  it('overlong forms, encoded surrogates, bytes past U+10FFFF and a cut-off sequence', () => {
    expect(positions(lintBytes(bytesOf('ab', [0xc0, 0xaf])))).toEqual(parseError('invalid-utf8', 1, 3));
    expect(positions(lintBytes(bytesOf('é', [0xed, 0xa0, 0x80])))).toEqual(parseError('invalid-utf8', 1, 2));
    expect(positions(lintBytes(bytesOf('x\n', [0xf4, 0x90, 0x80, 0x80])))).toEqual(parseError('invalid-utf8', 2, 1));
    expect(positions(lintBytes(bytesOf('😀 ok ', [0xf0, 0x9f, 0x98])))).toEqual(parseError('invalid-utf8', 1, 7));
  });

  it('the message names the byte offset (after a BOM too)', () => {
    expect(lintBytes(bytesOf([0xef, 0xbb, 0xbf], 'ab', [0xff])).findings[0]!.message).toBe(
      'Invalid UTF-8 at byte 5; save the file as UTF-8',
    );
  });

  it('UTF-16 with a lone surrogate or an odd last byte', () => {
    const le = utf16('kind: x\nab\uD800c', 'le');
    expect(positions(lintBytes(le))).toEqual(parseError('invalid-utf16', 2, 3));
    expect(lintBytes(le).findings[0]!.message).toBe('Invalid UTF-16LE at byte 22 (a lone surrogate); save the file as UTF-8');
    expect(positions(lintBytes(utf16('ab\uDC00', 'be')))).toEqual(parseError('invalid-utf16', 1, 3));
    const odd = Uint8Array.from([...utf16('a\nbc', 'le'), 0x41]);
    expect(positions(lintBytes(odd))).toEqual(parseError('invalid-utf16', 2, 3));
    expect(positions(lintBytes(utf16('ok 😀 pair', 'le'))).filter((f) => f.ruleId === 'parse-error')).toEqual([]);
  });

  it('a NUL byte: binary, at its place', () => {
    expect(positions(lintBytes(bytesOf('# T\r\nab', [0])))).toEqual(parseError('binary', 2, 3));
  });

  it('an empty file and a BOM-only file are empty documents', () => {
    expect(positions(lintBytes(new Uint8Array()))).toEqual(parseError('empty', 1, 1));
    expect(positions(lintBytes(Uint8Array.from([0xef, 0xbb, 0xbf])))).toEqual(parseError('empty', 1, 1));
    expect(positions(lintBytes(Uint8Array.from([0xff, 0xfe])))).toEqual(parseError('empty', 1, 1));
    expect(positions(lintBytes(utf8('\r\n\r\n  \r')))).toEqual(parseError('empty', 1, 1));
  });
});
