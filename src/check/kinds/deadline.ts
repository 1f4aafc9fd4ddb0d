// `deadline`: a date field against a fixed date, or against a due date derived from
// another field (the first given month and day on or after it), judged as of --as-of.
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { defineCheck } from '../kind.js';
import { at, dateAt, valueAt } from '../field-values.js';

export interface DeadlineOptions {
  field: string;
  /** Checked instead of `field` when the document gives it (a revision's first publication). */
  prefer?: string;
  what: string;
  by?: string;
  /** The first `month`/`day` on or after the `after` date, or `months` after it. */
  due?: { after: string; month?: number; day?: number; months?: number; from_year?: number };
  /** When the field is absent: `overdue` once the deadline has passed, or `ignore`. */
  missing?: 'overdue' | 'ignore';
}

export const deadline = defineCheck<DeadlineOptions>({
  description:
    'A date (publication, say) is on or before its deadline: a fixed date (`by`), or the first `month`/`day` on or after another date (`due`). Without the date, an overdue finding once the deadline has passed.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['field', 'what'],
    oneOf: [{ required: ['by'] }, { required: ['due'] }],
    properties: {
      field: { type: 'string', pattern: '^/' },
      prefer: { type: 'string', pattern: '^/' },
      what: { type: 'string', minLength: 1 },
      by: { type: 'string', format: 'date' },
      due: {
        type: 'object',
        additionalProperties: false,
        required: ['after'],
        oneOf: [{ required: ['month', 'day'] }, { required: ['months'] }],
        properties: {
          months: { type: 'integer', minimum: 1 },
          after: { type: 'string', pattern: '^/' },
          month: { type: 'integer', minimum: 1, maximum: 12 },
          day: { type: 'integer', minimum: 1, maximum: 31 },
          from_year: { type: 'integer', minimum: 2000 },
        },
      },
      missing: { enum: ['overdue', 'ignore'] },
    },
  },
  messages: {
    late: '{{what}} on {{date}} is {{days}} days after the deadline of {{deadline}}',
    overdue: '{{what}} was due by {{deadline}}; no date of publication is given and that deadline has passed (as of {{asOf}})',
  },
  run(ctx, options) {
    const fm = ctx.doc.frontMatter;
    const data = fm?.data;
    if (!data) return [];
    const deadlineDate = options.by ?? dueDate(data, options.due!);
    if (!deadlineDate) return [];
    const preferred = options.prefer ? dateAt(data, options.prefer) : null;
    const pointer = preferred ? options.prefer! : options.field;
    const date = preferred ?? dateAt(data, options.field);
    if (date) {
      const days = differenceInCalendarDays(parseISO(date), parseISO(deadlineDate));
      if (days <= 0) return [];
      return [{ messageId: 'late', data: { what: options.what, date, days, deadline: deadlineDate }, ...at(fm, pointer) }];
    }
    if (valueAt(data, options.field) !== undefined) return []; // present but not a date: the schema says so
    if ((options.missing ?? 'overdue') === 'ignore' || ctx.asOf <= deadlineDate) return [];
    return [{ messageId: 'overdue', data: { what: options.what, deadline: deadlineDate, asOf: ctx.asOf }, ...at(fm, options.field) }];
  },
});

function dueDate(data: Record<string, unknown>, due: NonNullable<DeadlineOptions['due']>): string | null {
  const anchor = dateAt(data, due.after);
  if (!anchor) return null;
  const start = parseISO(anchor);
  if (due.months) return format(addMonths(start, due.months), 'yyyy-MM-dd');
  let year = start.getFullYear();
  const month = due.month! - 1;
  let candidate = new Date(year, month, due.day);
  if (candidate < start) candidate = new Date(++year, month, due.day);
  if (due.from_year && year < due.from_year) return null;
  return format(candidate, 'yyyy-MM-dd');
}
