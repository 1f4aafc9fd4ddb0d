// `period`: a yearly report covers twelve months, and is not published before they end.
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import { defineCheck, type RawResult } from '../kind.js';
import { at, dateAt } from '../field-values.js';

export interface PeriodOptions {
  start: string;
  end: string;
  months: number;
  tolerance_days?: number;
  published?: string;
}

export const period = defineCheck<PeriodOptions>({
  description:
    'The reporting period runs `months` months (end = start + months − 1 day, within `tolerance_days`), ends after it starts, and the document is not published before it ends.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['start', 'end', 'months'],
    properties: {
      start: { type: 'string', pattern: '^/' },
      end: { type: 'string', pattern: '^/' },
      months: { type: 'integer', minimum: 1 },
      tolerance_days: { type: 'integer', minimum: 0 },
      published: { type: 'string', pattern: '^/' },
    },
  },
  messages: {
    reversed: 'The period ends on {{end}}, before it starts on {{start}}',
    length: 'The period {{start}} to {{end}} covers {{days}} days; expected {{months}} months ({{expectedEnd}} would end it)',
    'published-early': 'Published on {{published}}, before the end of the period it reports on ({{end}})',
  },
  run(ctx, options) {
    const fm = ctx.doc.frontMatter;
    const data = fm?.data;
    if (!data) return [];
    const start = dateAt(data, options.start);
    const end = dateAt(data, options.end);
    if (!start || !end) return [];
    if (end < start) return [{ messageId: 'reversed', data: { start, end }, ...at(fm, options.end) }];
    const results: RawResult[] = [];
    const expected = addMonths(parseISO(start), options.months);
    const expectedEnd = new Date(expected.getTime() - 86_400_000);
    const drift = Math.abs(differenceInCalendarDays(parseISO(end), expectedEnd));
    if (drift > (options.tolerance_days ?? 0)) {
      const days = differenceInCalendarDays(parseISO(end), parseISO(start)) + 1;
      const expectedText = expectedEnd.toISOString().slice(0, 10);
      results.push({
        messageId: 'length',
        data: { start, end, days, months: options.months, expectedEnd: expectedText },
        ...at(fm, options.end),
      });
    }
    const published = options.published ? dateAt(data, options.published) : null;
    if (published && published < end) {
      results.push({ messageId: 'published-early', data: { published, end }, ...at(fm, options.published!) });
    }
    return results;
  },
});
