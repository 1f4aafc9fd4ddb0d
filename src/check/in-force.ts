// When a rule's requirement is law: `in_force: { from, until, source }` on a rule. A rule with
// no `in_force` always applies; `from: null` is a requirement whose commencement date is not
// yet known (regulations to come). Pure: the day is the caller's `asOf`.
import type { Rule, RuleInForce } from '../pack/types.js';

/** `in-force` on asOf; `upcoming` before `from` (or while `from` is unknown); `ended` from `until` on. */
export type RuleState = 'in-force' | 'upcoming' | 'ended';

export function ruleState(rule: Pick<Rule, 'in_force'>, asOf: string): RuleState {
  const dates = rule.in_force;
  if (!dates) return 'in-force';
  if (dates.from === null || asOf < dates.from) return 'upcoming';
  if (dates.until && asOf >= dates.until) return 'ended';
  return 'in-force';
}

/** "from 1 September 2027" or "from a date to be set by regulations". */
export function startsWhen(dates: RuleInForce): string {
  return dates.from === null ? `from a date to be set${dates.set_by ? ` by ${dates.set_by}` : ''}` : `from ${dates.from}`;
}

/** One line for `wtlint explain` and `wtlint rules --upcoming`: when the rule applies, and on whose authority. */
export function describeInForce(dates: RuleInForce): string {
  const span = dates.until ? `${startsWhen(dates)} until ${dates.until} (no longer from that day)` : startsWhen(dates);
  return `${span}; ${dates.source}`;
}
