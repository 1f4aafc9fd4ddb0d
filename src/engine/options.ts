// Validation of option values shared by the commands: each bad value is a UsageError.
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { UsageError } from './errors.js';
import { DOCUMENT_KINDS, type DocumentKind, type LintOptions } from '../types.js';
import type { Config } from './config.js';

export function parseAsOf(value: string, source = '--as-of'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(parseISO(value))) {
    throw new UsageError(`${source} "${value}" is not a date`, 'Give a real calendar date as YYYY-MM-DD, e.g. --as-of 2025-09-30.');
  }
  return value;
}

export function parseEdition(value: string, editions: string[], source = '--edition'): string {
  if (!editions.includes(value))
    throw new UsageError(`${source} "${value}" is not an edition wtlint knows`, `Use one of: ${editions.join(', ')}.`);
  return value;
}

export function parseKind(value: string, source = '--kind'): DocumentKind {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(value)) {
    throw new UsageError(`${source} "${value}" is not a document kind`, `Use one of: ${DOCUMENT_KINDS.join(', ')}.`);
  }
  return value as DocumentKind;
}

export function parseCount(value: string, source: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${source} "${value}" is not a whole number`, `Give ${source} a number of 0 or more.`);
  return Number(value);
}

/** The flags that set how documents are judged (every command that lints takes some of them). */
export interface JudgingFlags {
  edition?: string;
  asOf?: string;
  reportUnusedDisables?: boolean;
  /** Report requirements not yet in force (check --upcoming). */
  upcoming?: boolean;
}

/**
 * Flags + config + today → the options every document is linted with. The one place they are
 * made, so that check, baseline, audit and migrate cannot drift apart: a flag wins over the
 * config, the config over the default.
 */
export function lintOptionsFor(flags: JudgingFlags, config: Config, today: string, editions: string[]): LintOptions {
  return {
    asOf: flags.asOf ? parseAsOf(flags.asOf) : config.asOf ? parseAsOf(config.asOf, 'asOf in the config') : today,
    edition: flags.edition ? parseEdition(flags.edition, editions) : undefined,
    defaultEdition: config.edition,
    severities: config.rules,
    reportUnusedDisables: Boolean(flags.reportUnusedDisables),
    ...(flags.upcoming && { upcoming: true }),
    requireDisableReason: Boolean(config.requireDisableReason),
    limits: config.limits,
  };
}
