// Validation of option values shared by the commands: each bad value is a UsageError.
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { UsageError } from './errors.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../types.js';

export function parseAsOf(value: string, source = '--as-of'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(parseISO(value))) {
    throw new UsageError(`${source} "${value}" is not a date`, 'Give a real calendar date as YYYY-MM-DD, e.g. --as-of 2025-09-30.');
  }
  return value;
}

export function parseEdition(value: string, editions: string[], source = '--edition'): string {
  if (!editions.includes(value)) throw new UsageError(`${source} "${value}" is not an edition wtlint knows`, `Use one of: ${editions.join(', ')}.`);
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
