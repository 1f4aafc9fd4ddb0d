// The migration checklist as JSON: stable and versioned, for tools.
import type { MigrationFormatter } from './shared.js';

export const json: MigrationFormatter = (plan, ctx) =>
  `${JSON.stringify({ version: 1, wtlint: ctx.version, asOf: ctx.asOf, migration: plan }, null, 2)}\n`;
