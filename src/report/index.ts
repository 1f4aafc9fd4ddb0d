// The check reporters: --format name → its reporter, imported on first use, so a run loads only
// the formats it writes (docs/startup.md). This map is both the list of formats (help text,
// option parsing) and the loader; file name = export name = --format value.
import type { Reporter } from './types.js';

export const reporters = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
  markdown: async () => (await import('./markdown.js')).markdown,
  html: async () => (await import('./html.js')).html,
} as const satisfies Record<string, () => Promise<Reporter>>;

export type FormatName = keyof typeof reporters;
export const FORMAT_NAMES = Object.keys(reporters) as FormatName[];
