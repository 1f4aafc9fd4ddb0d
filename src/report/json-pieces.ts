// JSON.stringify(value, null, 2), written in pieces. A report of thousands of documents as one
// string costs its size twice over (UTF-16 when any character is not Latin-1, then the UTF-8
// bytes): at 1,000 areas that was most of check's peak memory. A `StreamedArray` is an array
// whose items are made only as they are written, so neither the string nor the array exists
// whole. The bytes are exactly JSON.stringify's (test/json-pieces.test.ts).
import type { DocumentResult } from '../types.js';
import type { Reporter, ReportContext } from './types.js';

/**
 * An array in a JSON value whose items are produced one at a time as the value is written. Each
 * item is written whole (a StreamedArray inside one is written as a plain array).
 */
export class StreamedArray<T = unknown> {
  constructor(readonly items: () => Iterable<T>) {}

  /** Deeper than the pieces go, it is written whole, as an array. */
  toJSON(): T[] {
    return [...this.items()];
  }
}

/** Containers are walked (not stringified whole) only down to a StreamedArray this deep. */
const MAX_STREAM_DEPTH = 4;

/** The pieces of JSON.stringify(value, null, 2), StreamedArrays written as arrays. */
export function prettyJsonPieces(value: unknown): Generator<string> {
  return piecesOf(value instanceof StreamedArray ? value : toJsonValue(value, ''), '');
}

/** The pieces of a value whose toJSON (if any) has been applied. */
function* piecesOf(value: unknown, indent: string): Generator<string> {
  if (value instanceof StreamedArray) {
    yield* arrayPieces(value.items(), indent, true);
  } else if (value !== null && typeof value === 'object' && holdsStream(value, MAX_STREAM_DEPTH)) {
    if (Array.isArray(value)) yield* arrayPieces(value, indent);
    else yield* objectPieces(value as Record<string, unknown>, indent);
  } else {
    yield prettyJsonAt(value, indent);
  }
}

/** `whole`: the items are written whole (a StreamedArray's items: a document, a result), never searched for streams. */
function* arrayPieces(items: Iterable<unknown>, indent: string, whole = false): Generator<string> {
  const inner = `${indent}  `;
  let index = 0;
  for (const item of items) {
    yield index === 0 ? `[\n${inner}` : `,\n${inner}`;
    const value = item instanceof StreamedArray ? item : toJsonValue(item, String(index));
    index++;
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') yield 'null';
    else if (whole) yield prettyJsonAt(value, inner);
    else yield* piecesOf(value, inner);
  }
  yield index === 0 ? '[]' : `\n${indent}]`;
}

function* objectPieces(object: Record<string, unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const key of Object.keys(object)) {
    const raw = object[key];
    const value = raw instanceof StreamedArray ? raw : toJsonValue(raw, key);
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* piecesOf(value, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/**
 * JSON.stringify(value, null, 2) as it reads `indent` deep inside a larger value (its first line
 * not indented): written inside as many one-item arrays as `indent` has levels, so
 * JSON.stringify indents it itself, and cut out of them (quicker than re-indenting every line of
 * a large value).
 */
export function prettyJsonAt(value: unknown, indent: string): string {
  return cutOut(value, indent, false);
}

/**
 * prettyJsonAt on a line of its own: "\n", the indent, then the value. Cut out of the same text
 * (one string, where "\n" + indent + value would be a pair that writing it has to copy whole
 * first: a tenth of an audit's report time at 300 areas).
 */
export function prettyJsonLineAt(value: unknown, indent: string): string {
  return cutOut(value, indent, true);
}

function cutOut(value: unknown, indent: string, lead: boolean): string {
  const levels = indent.length >> 1;
  if (levels === 0 || value === null || typeof value !== 'object') {
    const text = JSON.stringify(value, null, 2) ?? 'null';
    return lead ? `\n${indent}${text}` : text;
  }
  let wrapped: unknown = value;
  for (let level = 0; level < levels; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each wrapper adds "[\n" + its indent before the value and "\n" + its indent + "]" after it.
  let head = 0;
  let tail = 0;
  for (let level = 0; level < levels; level++) {
    head += 2 + 2 * (level + 1);
    tail += 2 + 2 * level;
  }
  // The innermost wrapper's "[" is followed by the value's own line: "\n" and the indent.
  return text.slice(lead ? head - 1 - indent.length : head, text.length - tail);
}

function toJsonValue(value: unknown, key: string): unknown {
  const toJSON = (value as { toJSON?: unknown } | null | undefined)?.toJSON;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, key) : value;
}

function holdsStream(value: object, depth: number): boolean {
  if (value instanceof StreamedArray) return true;
  if (depth === 0) return false;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => child !== null && typeof child === 'object' && holdsStream(child, depth - 1));
}

/** A reporter made from its pieces: the string form joins them, so both forms are the same bytes. */
export function inPieces(pieces: (results: DocumentResult[], ctx: ReportContext) => Iterable<string>): Reporter {
  return Object.assign((results: DocumentResult[], ctx: ReportContext) => [...pieces(results, ctx)].join(''), { pieces });
}
