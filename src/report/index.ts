// The explicit registry of reporters: file name = export name = --format value.
import type { Reporter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';

export const reporters = {
  stylish,
  json,
} as const satisfies Record<string, Reporter>;

export type FormatName = keyof typeof reporters;
export const FORMAT_NAMES = Object.keys(reporters) as FormatName[];
