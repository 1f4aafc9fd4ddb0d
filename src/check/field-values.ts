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
