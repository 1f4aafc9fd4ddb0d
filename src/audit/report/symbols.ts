import type { CellStatus } from '../types.js';

/** A shape per status, so the matrix reads without colour too. */
export const STATUS_SYMBOL: Record<CellStatus, string> = {
  present: '●',
  partial: '◐',
  missing: '○',
  'not-applicable': '·',
  unavailable: '?',
};

/** How a report names a status for people. */
export const STATUS_WORDS: Record<CellStatus, string> = {
  present: 'present',
  partial: 'partial',
  missing: 'missing',
  'not-applicable': 'not applicable',
  unavailable: 'could not be fetched',
};
