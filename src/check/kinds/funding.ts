// `funding`: what the partners' stated contributions say. `aspect` picks one question, so each
// answer can be its own rule with its own severity: do they add up to the total (`total`), what
// share does each partner pay (`shares`), does one partner pay more than `max_share` (`equity`).
import { defineCheck, type RawResult } from '../kind.js';
import { at, valueAt } from '../field-values.js';

export interface FundingOptions {
  aspect: 'total' | 'shares' | 'equity';
  /** equity: the largest share one partner may pay before a finding (0.5 = half). */
  max_share?: number;
  /** total: how far (in pounds) the sum may differ from the total, for rounding. */
  tolerance?: number;
}

interface Contribution {
  partner: string;
  amount: number;
  index: number;
}

export const funding = defineCheck<FundingOptions>({
  description:
    "Reads `funding.contributions` (partner, amount) and `funding.total`: `aspect: total` checks the contributions add up to the total (within `tolerance` pounds); `shares` reports each partner's share; `equity` reports a partner paying more than `max_share` of the budget (default 0.5).",
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['aspect'],
    properties: {
      aspect: { enum: ['total', 'shares', 'equity'] },
      max_share: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      tolerance: { type: 'number', minimum: 0 },
    },
  },
  messages: {
    'total-mismatch': 'The contributions add up to {{sum}}, but `funding.total` is {{total}} (a difference of {{difference}})',
    share: '{{partner}} contributes {{amount}}, {{percent}} of the {{sum}} the partners contribute',
    'over-share':
      '{{partner}} pays {{percent}} of the budget ({{amount}} of {{sum}}), more than {{limit}}: contributions should be equitable and proportionate',
  },
  explain: (options) =>
    options.aspect === 'equity'
      ? [
          `A partner paying more than ${percent(options.max_share ?? 0.5)} of the contributions is reported (max_share: ${options.max_share ?? 0.5}).`,
        ]
      : options.aspect === 'total'
        ? [`The contributions may differ from the total by up to ${pounds(options.tolerance ?? 0.5)} (rounding).`]
        : [],
  run(ctx, options) {
    const fm = ctx.doc.frontMatter;
    const contributions = contributionsOf(valueAt(fm?.data, '/funding/contributions'));
    if (!contributions || contributions.length === 0) return []; // a malformed amount is the schema rule's finding
    const sum = contributions.reduce((total, c) => total + c.amount, 0);
    const place = (c: Contribution) => at(fm, `/funding/contributions/${c.index}`);
    if (options.aspect === 'total') {
      const total = valueAt(fm?.data, '/funding/total');
      if (typeof total !== 'number') return [];
      const difference = Math.abs(sum - total);
      if (difference <= (options.tolerance ?? 0.5)) return [];
      return [
        {
          messageId: 'total-mismatch',
          data: { sum: pounds(sum), total: pounds(total), difference: pounds(difference) },
          ...at(fm, '/funding/total'),
        },
      ];
    }
    if (sum <= 0) return [];
    const results: RawResult[] = [];
    const limit = options.max_share ?? 0.5;
    for (const c of contributions) {
      const share = c.amount / sum;
      const data = { partner: c.partner, amount: pounds(c.amount), sum: pounds(sum), percent: percent(share) };
      if (options.aspect === 'shares') results.push({ messageId: 'share', data, ...place(c) });
      else if (share > limit) results.push({ messageId: 'over-share', data: { ...data, limit: percent(limit) }, ...place(c) });
    }
    return results;
  },
});

/** The contributions, or null when one is malformed (sums over the rest would mislead). */
function contributionsOf(value: unknown): Contribution[] | null {
  if (!Array.isArray(value)) return null;
  const valid = value.flatMap((item: unknown, index) => {
    const c = item as { partner?: unknown; amount?: unknown } | null;
    return c && typeof c.partner === 'string' && typeof c.amount === 'number' && c.amount >= 0
      ? [{ partner: c.partner, amount: c.amount, index }]
      : [];
  });
  return valid.length === value.length ? valid : null;
}

/** £12,345 or £12,345.50: fixed grouping, whatever the machine's locale. */
export function pounds(amount: number): string {
  const [whole, pence] = (Math.round(amount * 100) / 100).toFixed(2).split('.') as [string, string];
  return `£${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${pence === '00' ? '' : `.${pence}`}`;
}

/** 0.4444 → "44.4%"; whole percentages without a decimal. */
export function percent(share: number): string {
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}
