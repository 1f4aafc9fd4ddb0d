// The explicit registry of check kinds: file name = kind name = `kind:` in a pack.
import type { CheckKind } from '../kind.js';
import { present } from './present.js';
import { schema } from './schema.js';
import { deadline } from './deadline.js';
import { period } from './period.js';
import { notFuture } from './not-future.js';
import { inferred } from './inferred.js';
import { superseded } from './superseded.js';
import { funding } from './funding.js';
import { coverage } from './coverage.js';
import { independence } from './independence.js';
import { outdatedTerm } from './outdated-term.js';
import { agencyCategories } from './agency-categories.js';
import { reviewTimeliness } from './review-timeliness.js';

export const checkKinds = {
  present,
  schema,
  deadline,
  period,
  'not-future': notFuture,
  inferred,
  superseded,
  funding,
  coverage,
  independence,
  'outdated-term': outdatedTerm,
  'agency-categories': agencyCategories,
  'review-timeliness': reviewTimeliness,
} as const satisfies Record<string, CheckKind<never>>;

export type CheckKindName = keyof typeof checkKinds;

export function isCheckKind(name: string): name is CheckKindName {
  return Object.hasOwn(checkKinds, name);
}
