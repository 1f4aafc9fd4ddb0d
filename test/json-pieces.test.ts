import { describe, expect, it } from 'vitest';
import { prettyJsonAt, prettyJsonLineAt, prettyJsonPieces, StreamedArray } from '../src/report/json-pieces.js';

const joined = (value: unknown) => [...prettyJsonPieces(value)].join('');

// A value and the same value with every array wrapped (some) as a StreamedArray.
function randomValue(seed: { n: number }, depth: number): { plain: unknown; streamed: unknown } {
  const next = () => (seed.n = (seed.n * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = next();
  if (depth === 0 || pick < 0.3) {
    const leaves = [null, 0, -1.5, 42, true, false, '', 'text', 'line\nbreak "quoted" – dash…', undefined, 'ünïcødé ✓'];
    const leaf = leaves[Math.floor(next() * leaves.length)];
    return { plain: leaf, streamed: leaf };
  }
  const size = Math.floor(next() * 4);
  const children = Array.from({ length: size }, () => randomValue(seed, depth - 1));
  if (pick < 0.65) {
    const plain = children.map((c) => c.plain);
    const streamedItems = children.map((c) => c.streamed);
    return { plain, streamed: next() < 0.5 ? new StreamedArray(() => streamedItems) : streamedItems };
  }
  const keys = children.map((_, i) => (i % 2 ? `key ${i}` : `k"${i}`));
  return {
    plain: Object.fromEntries(children.map((c, i) => [keys[i], c.plain])),
    streamed: Object.fromEntries(children.map((c, i) => [keys[i], c.streamed])),
  };
}

describe('prettyJsonPieces: JSON.stringify(value, null, 2) in pieces', () => {
  it('gives exactly the bytes of JSON.stringify for nested values with streamed arrays anywhere', () => {
    const seed = { n: 7 };
    for (let run = 0; run < 2000; run++) {
      const { plain, streamed } = randomValue(seed, 5);
      const top = { head: 1, items: streamed, tail: { count: 3 } };
      expect(joined(top)).toBe(JSON.stringify({ head: 1, items: plain, tail: { count: 3 } }, null, 2));
    }
  });

  it('writes empty streamed arrays as [], undefined items as null, and omits undefined and function values', () => {
    expect(joined({ a: new StreamedArray(() => []), b: undefined, c: () => 1 })).toBe('{\n  "a": []\n}');
    expect(joined(new StreamedArray(() => [undefined, 1]))).toBe('[\n  null,\n  1\n]');
    expect(joined({ when: new Date(Date.UTC(2026, 11, 5)) })).toBe(JSON.stringify({ when: new Date(Date.UTC(2026, 11, 5)) }, null, 2));
  });

  it("makes a streamed array's items only as they are written, one piece or more each", () => {
    let made = 0;
    const items = new StreamedArray(function* () {
      for (let i = 0; i < 3; i++) {
        made++;
        yield { i };
      }
    });
    const pieces = prettyJsonPieces({ documents: items });
    const seen: number[] = [];
    for (const piece of pieces) if (piece.includes('"i"')) seen.push(made);
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('prettyJsonAt and prettyJsonLineAt: a value as it reads at a depth inside a larger one', () => {
  // What JSON.stringify writes for the value one level deeper per two spaces of indent.
  const indented = (value: unknown, indent: string) => (JSON.stringify(value, null, 2) ?? 'null').replaceAll('\n', `\n${indent}`);

  it('gives the bytes of JSON.stringify re-indented, with and without its own leading line break', () => {
    const seed = { n: 11 };
    for (let run = 0; run < 500; run++) {
      const { plain } = randomValue(seed, 4);
      for (const indent of ['', '  ', '    ', '      ']) {
        expect(prettyJsonAt(plain, indent)).toBe(indented(plain, indent));
        expect(prettyJsonLineAt(plain, indent)).toBe(`\n${indent}${indented(plain, indent)}`);
      }
    }
  });

  it('writes an area of an audit report as the element of an array at four spaces', () => {
    expect(prettyJsonLineAt({ name: 'area', cells: [1, 2] }, '    ')).toBe(
      '\n    {\n      "name": "area",\n      "cells": [\n        1,\n        2\n      ]\n    }',
    );
    expect(prettyJsonLineAt('text', '    ')).toBe('\n    "text"');
  });
});
