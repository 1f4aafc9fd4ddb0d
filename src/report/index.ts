// The explicit registry of reporters: file name = export name = --format value.
import type { Reporter } from './types.js';
import { stylish } from './stylish.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { junit } from './junit.js';
import { github } from './github.js';
import { gitlab } from './gitlab.js';
import { markdown } from './markdown.js';
import { html } from './html.js';

export const reporters = {
  stylish,
  json,
  sarif,
  junit,
  github,
  gitlab,
  markdown,
  html,
} as const satisfies Record<string, Reporter>;

export type FormatName = keyof typeof reporters;
export const FORMAT_NAMES = Object.keys(reporters) as FormatName[];
