// Reading front-matter values by JSON Pointer, and placing a finding on them.
import { locatePath, pointerToPath } from '../parse/locate.js';
import { readDate } from '../extract/meta.js';
import type { FrontMatter } from '../parse/front-matter.js';

export function valueAt(data: unknown, pointer: string): unknown {
  let value: unknown = data;
  for (const key of pointerToPath(pointer)) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function dateAt(data: unknown, pointer: string): string | null {
  return readDate(valueAt(data, pointer));
}

export function at(fm: FrontMatter | null, pointer: string) {
  const path = pointerToPath(pointer);
  return { place: locatePath(fm, path).place, path };
}

/** Every value a pointer reaches; the segment `*` stands for each item of a list. */
export function valuesAt(data: unknown, pointer: string): { value: unknown; path: (string | number)[] }[] {
  const walk = (value: unknown, rest: string[], path: (string | number)[]): { value: unknown; path: (string | number)[] }[] => {
    if (rest.length === 0) return value === undefined ? [] : [{ value, path }];
    const [head, ...tail] = rest as [string, ...string[]];
    if (head === '*') return Array.isArray(value) ? value.flatMap((item, i) => walk(item, tail, [...path, i])) : [];
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, head)) return [];
    return walk((value as Record<string, unknown>)[head], tail, [...path, Array.isArray(value) ? Number(head) : head]);
  };
  return walk(data, pointerToPath(pointer), []);
}

/** The strings inside a value (a string, a list of strings, or the string leaves of an object). */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}
