// `review-timeliness`: the dated duties of each practice review a yearly report lists (notified
// within 5 working days, rapid review within 15, local review published within 6 months of the
// decision ...). Each step is data: the field that records it, the field(s) its clock starts
// from, and the time allowed in working days (England and Wales) or calendar months.
import { addMonths, format, parseISO } from 'date-fns';
import { defineCheck, type RawResult } from '../kind.js';
import { at, dateAt, valueAt } from '../field-values.js';
import { workingDayCalendar } from '../../reference/calendar.js';

interface Allowance {
  working_days?: number;
  months?: number;
}

export interface Step {
  /** The review's field that records when the step was done, e.g. notified. */
  field: string;
  /** The fields the clock starts from, first present wins, e.g. [aware, incident]. */
  from: string[];
  /** Done no later than this long after `from`. */
  within?: Allowance;
  /** Done at least this long before `from` (a copy sent before publication). */
  ahead?: Allowance;
  what: string;
  source: string;
  /** Report a step not recorded once its deadline has passed (as of --as-of). */
  overdue?: boolean;
}

export interface ReviewTimelinessOptions {
  list: string;
  /** The field naming each review in messages. */
  name: string;
  steps: Step[];
}

const ALLOWANCE = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: { working_days: { type: 'integer', minimum: 1 }, months: { type: 'integer', minimum: 1 } },
} as const;

export const reviewTimeliness = defineCheck<ReviewTimelinessOptions>({
  description:
    'For each item of the `list` of practice reviews, each step (`field`) is dated no later than `within` after its start (`from`), or at least `ahead` before it, in working days (weekends and England and Wales bank holidays skipped) or calendar months; with `overdue`, a step not yet dated is reported once its deadline has passed.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['list', 'name', 'steps'],
    properties: {
      list: { type: 'string', pattern: '^/' },
      name: { type: 'string', minLength: 1 },
      steps: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['field', 'from', 'what', 'source'],
          oneOf: [{ required: ['within'] }, { required: ['ahead'] }],
          properties: {
            field: { type: 'string', minLength: 1 },
            from: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            within: ALLOWANCE,
            ahead: ALLOWANCE,
            what: { type: 'string', minLength: 1 },
            source: { type: 'string', minLength: 1 },
            overdue: { type: 'boolean' },
          },
        },
      },
    },
  },
  messages: {
    late: '{{review}}: {{what}} on {{date}}, {{late}} after {{start}} ({{startField}}); {{allowed}} allowed ({{source}}), so due by {{deadline}}',
    'before-start': '{{review}}: {{what}} on {{date}} is before {{start}} ({{startField}}), when its time starts; check both dates',
    early:
      '{{review}}: {{what}} on {{date}}, only {{gap}} before {{start}} ({{startField}}); at least {{allowed}} expected ({{source}}), so by {{deadline}}',
    overdue:
      '{{review}}: no date for {{what}} (`{{field}}`), due by {{deadline}} ({{allowed}} after {{start}}, {{source}}); that date has passed (as of {{asOf}})',
    'outside-calendar':
      '{{review}}: {{date}} is outside the bank holiday calendar ({{from}} to {{until}}), so working days cannot be counted; update rules/bank-holidays-england-and-wales.yaml',
    'no-calendar': 'No bank holiday calendar was given to wtlint, so working-day deadlines of practice reviews are not checked',
  },
  explain: (options) =>
    options.steps.map((s) => {
      const allowance = (s.within ?? s.ahead)!;
      const amount = allowance.working_days ? plural(allowance.working_days, 'working day') : plural(allowance.months!, 'month');
      return `\`${s.field}\`: ${s.what}, ${s.within ? `within ${amount} after` : `at least ${amount} before`} \`${s.from.join('` (else `')}\`${s.from.length > 1 ? ')' : ''} (${s.source}).`;
    }),
  run(ctx, options) {
    const fm = ctx.doc.frontMatter;
    const reviews = valueAt(fm?.data, options.list);
    if (!Array.isArray(reviews) || reviews.length === 0) return [];
    const holidays = ctx.reference?.bankHolidays;
    const calendar = holidays ? workingDayCalendar(holidays) : null;
    const results: RawResult[] = [];
    const usesWorkingDays = options.steps.some((s) => (s.within ?? s.ahead)!.working_days);
    if (!calendar && usesWorkingDays) results.push({ messageId: 'no-calendar', ...at(fm, options.list) });

    reviews.forEach((review: unknown, i) => {
      const pointer = (field: string) => `${options.list}/${i}/${field}`;
      const name = valueAt(review, `/${options.name}`);
      const label = typeof name === 'string' && name.trim() ? name : `Review ${i + 1}`;
      const outsideReported = new Set<string>();
      for (const step of options.steps) {
        const startField = step.from.find((f) => dateAt(review, `/${f}`));
        if (!startField) continue;
        const start = dateAt(review, `/${startField}`)!;
        const date = dateAt(review, `/${step.field}`);
        const allowance = (step.within ?? step.ahead)!;
        const direction = step.within ? 1 : -1;
        const days = allowance.working_days;
        if (days && !calendar) continue;
        const outside = days ? [start, date].find((d) => d && !calendar!.covers(d)) : undefined;
        if (outside) {
          if (outsideReported.has(outside)) continue;
          outsideReported.add(outside);
          results.push({
            messageId: 'outside-calendar',
            data: { review: label, date: outside, from: holidays!.covers.from, until: holidays!.covers.until },
            ...at(fm, pointer(outside === start ? startField : step.field)),
          });
          continue;
        }
        const deadline = days
          ? direction === 1
            ? calendar!.addWorkingDays(start, days)
            : calendar!.subtractWorkingDays(start, days)
          : format(addMonths(parseISO(start), direction * allowance.months!), 'yyyy-MM-dd');
        const allowed = days ? plural(days, 'working day') : plural(allowance.months!, 'month');
        const base = { review: label, what: step.what, start, startField, allowed, source: step.source, deadline };
        if (date) {
          if (direction === 1 && date < start) {
            results.push({ messageId: 'before-start', data: { ...base, date }, ...at(fm, pointer(step.field)) });
          } else if (direction === 1 && date > deadline) {
            const late = days
              ? plural(calendar!.workingDaysBetween(start, date), 'working day')
              : plural(Math.round((parseISO(date).getTime() - parseISO(start).getTime()) / 86_400_000), 'day');
            results.push({ messageId: 'late', data: { ...base, date, late }, ...at(fm, pointer(step.field)) });
          } else if (direction === -1 && date > deadline) {
            const gap = days ? plural(date < start ? calendar!.workingDaysBetween(date, start) : 0, 'working day') : `${date} to ${start}`;
            results.push({ messageId: 'early', data: { ...base, date, gap }, ...at(fm, pointer(step.field)) });
          }
        } else if (step.overdue && valueAt(review, `/${step.field}`) === undefined && deadline < ctx.asOf) {
          results.push({ messageId: 'overdue', data: { ...base, field: step.field, asOf: ctx.asOf }, ...at(fm, pointer(startField)) });
        }
      }
    });
    return results;
  },
});

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
