import { describe, expect, test } from 'vitest';
import { chunkedWriter } from '../src/engine/files.js';

describe('chunkedWriter', () => {
  const writesOf = (pieces: (string | Uint8Array)[], chunk: number) => {
    const writes: string[] = [];
    const writer = chunkedWriter((bytes) => writes.push(Buffer.from(bytes).toString('utf8')), chunk);
    pieces.forEach(writer.push);
    writer.flush();
    return writes;
  };

  test('small pieces are gathered up to a chunk; a piece of a quarter chunk or more goes alone, after what came before it', () => {
    const pieces = ['ab', 'cd', 'x'.repeat(4), 'e', 'fff', 'g'.repeat(3), 'h'.repeat(3), 'i'.repeat(3), 'j'.repeat(3), 'k'];
    expect(writesOf(pieces, 16)).toEqual(['abcd', 'xxxx', 'efffggghhhiiijjj', 'k']);
  });

  test('what is written is every piece, in order, as UTF-8 bytes', () => {
    const pieces = ['é', new TextEncoder().encode('ü'.repeat(40)), '→', 'z'.repeat(100), '', 'end'];
    const expected = pieces.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');
    expect(writesOf(pieces, 64).join('')).toBe(expected);
    expect(writesOf([], 64)).toEqual([]);
  });
});
