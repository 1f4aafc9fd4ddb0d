// The migration checklist's formats: --format name → its formatter, imported on first use. This
// map is both the list of formats and the loader; file name = export name = --format value.
import type { MigrationFormatter } from './shared.js';

export type { MigrationFormatContext, MigrationFormatter } from './shared.js';

export const migrationFormats = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  markdown: async () => (await import('./markdown.js')).markdown,
} as const satisfies Record<string, () => Promise<MigrationFormatter>>;

export type MigrationFormatName = keyof typeof migrationFormats;
export const MIGRATION_FORMAT_NAMES = Object.keys(migrationFormats) as MigrationFormatName[];
