// Each check --format's reporter, imported when it is asked for: a run loads only the formats it
// writes (issue 5, docs/startup.md). Must name every reporter of the registry in index.ts (tsc
// checks); test/startup.test.ts checks that each loads the registry's own function.
import type { FormatName } from './index.js';
import type { Reporter } from './types.js';

export const reporterLoaders = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  junit: async () => (await import('./junit.js')).junit,
  github: async () => (await import('./github.js')).github,
  gitlab: async () => (await import('./gitlab.js')).gitlab,
  markdown: async () => (await import('./markdown.js')).markdown,
  html: async () => (await import('./html.js')).html,
} as const satisfies Record<FormatName, () => Promise<Reporter>>;
