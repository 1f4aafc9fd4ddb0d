// The one place that turns front-matter paths into public 1-based positions.
// A missing key is reported at its nearest existing ancestor (Spectral's
// getClosestJsonPath); nothing is ever re-found by searching the text.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { FrontMatter } from './front-matter.js';
import type { Place } from '../types.js';

export const DOCUMENT_START: Place = { line: 1, column: 1 };

/** Splits a JSON Pointer ("/funding/contributions/0") into path segments. */
export function pointerToPath(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export interface Located {
  place: Place;
  /** The part of the requested path that exists. */
  found: (string | number)[];
}

export function locatePath(fm: FrontMatter | null, path: readonly (string | number)[]): Located {
  if (!fm) return { place: DOCUMENT_START, found: [] };
  if (fm.places) {
    // Inferred from the text: the key is placed where the text said it.
    const key = path[0];
    const place = key === undefined ? undefined : fm.places[String(key)];
    return place ? { place, found: [key!] } : { place: DOCUMENT_START, found: [] };
  }
  let node: unknown = fm.doc.contents;
  let range: readonly number[] | undefined = (node as Node | null)?.range ?? undefined;
  const found: (string | number)[] = [];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = keyIndex(node).get(String(segment));
      if (!pair) break;
      range = (pair.key as Node).range ?? range;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : Number(segment);
      const item = Number.isInteger(index) ? node.items[index] : undefined;
      if (!item) break;
      range = (item as Node).range ?? range;
      node = item;
    } else {
      break;
    }
    found.push(segment);
  }
  if (!range) return { place: DOCUMENT_START, found };
  return { place: toPlace(fm, range[0] ?? 0, range[1]), found };
}

// The first pair of each key, per mapping, built once: a document with thousands of keys
// and a finding on each must not cost a scan of the mapping per finding.
const keyIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

function keyIndex(map: YAMLMap): Map<string, Pair> {
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of map.items) {
      if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    }
    keyIndexes.set(map, index);
  }
  return index;
}

function toPlace(fm: FrontMatter, start: number, end?: number): Place {
  const s = fm.lineCounter.linePos(start);
  const place: Place = { line: s.line + fm.lineOffset, column: s.col };
  if (end !== undefined && end > start) {
    const e = fm.lineCounter.linePos(end);
    place.endLine = e.line + fm.lineOffset;
    place.endColumn = e.col;
  }
  return place;
}
