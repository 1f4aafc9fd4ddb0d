// What the migration checklist's formats share: their context, the headline
// and how evidence is quoted. Pure; colour comes in as a chalk instance.
import type { ChalkInstance } from 'chalk';
import type { Evidence } from '../../types.js';
import { plainText } from '../../escape/terminal.js';
import type { MigrationPlan } from '../plan.js';

export interface MigrationFormatContext {
  style: ChalkInstance;
  asOf: string;
  version: string;
}

export type MigrationFormatter = (plan: MigrationPlan, ctx: MigrationFormatContext) => string;

/** Document text quoted in a format: never a raw control character (plainText shows them as \u{…}). */
export const where = (e: Evidence) => `${e.via} "${plainText(e.text)}" at line ${e.line}${e.page !== undefined ? ` (p. ${e.page})` : ''}`;

export function headline(plan: MigrationPlan): string {
  const from = plan.from ? `Working Together ${plan.from}` : 'an unknown edition';
  return `${plan.summary.done} of ${plan.items.length} done, ${plan.summary.partial} partly done, ${plan.summary.todo} to do (from ${from} to Working Together ${plan.to})`;
}
