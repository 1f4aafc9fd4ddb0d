import type { ElementStatus } from '../../types.js';

/** A shape per status, so the matrix reads without colour too. */
export const STATUS_SYMBOL: Record<ElementStatus, string> = { present: '●', partial: '◐', missing: '○', 'not-applicable': '·' };
