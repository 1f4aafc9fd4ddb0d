// The date grammar of inference: full dates ("31 December 2024", "31/12/2024", "2024-12-31"),
// month dates ("September 2024") and reporting periods ("April 2023 to March 2024", "2023/24",
// "1 April 2023 – 31 March 2024"). Grammar lives here; which words matter is data
// (rules/inference.yaml).
import { isValid } from 'date-fns/isValid';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';

/** A date the text gives: a day, or a whole month when it names no day. */
export interface TextDate {
  /** YYYY-MM-DD; for a month, its first day. */
  iso: string;
  /** YYYY-MM-DD: the last day the text can mean (the month's last day for a month). */
  latest: string;
  precision: 'day' | 'month';
  index: number;
  text: string;
}

export interface TextPeriod {
  start: string;
  end: string;
  index: number;
  text: string;
  /** "months" when the text names both ends' months, "years" for "2023/24". */
  form: 'months' | 'years';
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})\\s?(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const DASH = '\\s*(?:-|–|—|to|until|and)\\s*';

export const DATE_SOURCE = `(?:${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}|${YEAR}-(\\d{2})-(\\d{2})|(\\d{1,2})[/.](\\d{1,2})[/.]${YEAR}|${MONTH},?\\s+${YEAR})`;
const DATE = new RegExp(`\\b${DATE_SOURCE}\\b`, 'giu');

const MONTH_PERIOD = new RegExp(`\\b(?:${DAY}\\s+)?${MONTH}\\s+${YEAR}${DASH}(?:${DAY}\\s+)?${MONTH}\\s+${YEAR}\\b`, 'giu');
const NUMERIC_PERIOD = new RegExp(`\\b(\\d{1,2})[/.](\\d{1,2})[/.]${YEAR}${DASH}(\\d{1,2})[/.](\\d{1,2})[/.]${YEAR}\\b`, 'giu');
// "2023/24", "2023-24", "2023 – 2024", "2023 to 24"; not "2023-04-01" (a month follows) nor "2023-2026".
const YEARS_PERIOD = /\b((?:19|20)\d{2})\s*(?:\/|-|–|—|to)\s*((?:19|20)?\d{2})\b(?![-/.]\d)/giu;

export function monthIndex(name: string): number {
  return MONTH_NAMES.indexOf(name.toLowerCase().slice(0, 3)) + 1;
}

function iso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!isValid(date) || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function endOfMonth(year: number, month: number): string {
  const last = lastDayOfMonth(new Date(Date.UTC(year, month - 1, 1))).getDate();
  return iso(year, month, last)!;
}

/** The date a DATE_SOURCE match gives (its groups start at `g[0]`), or null when it is impossible. */
export function dateOfGroups(g: (string | undefined)[], index: number, text: string): TextDate | null {
  let day: string | null;
  if (g[0]) day = iso(Number(g[2]), monthIndex(g[1]!), Number(g[0]));
  else if (g[3]) day = iso(Number(g[3]), Number(g[4]), Number(g[5]));
  else if (g[6]) day = iso(Number(g[8]), Number(g[7]), Number(g[6]));
  else {
    const year = Number(g[10]);
    const month = monthIndex(g[9]!);
    return { iso: iso(year, month, 1)!, latest: endOfMonth(year, month), precision: 'month', index, text };
  }
  return day ? { iso: day, latest: day, precision: 'day', index, text } : null;
}

/** Every date the text gives, in order. */
export function datesIn(text: string): TextDate[] {
  const found: TextDate[] = [];
  for (const m of text.matchAll(DATE)) {
    const date = dateOfGroups(m.slice(1), m.index!, m[0]);
    if (date) found.push(date);
  }
  return found;
}

/** Every reporting period the text names, in order: twelve months or so, never years apart. */
export function periodsIn(text: string): TextPeriod[] {
  const found: TextPeriod[] = [];
  const taken: [number, number][] = [];
  const add = (period: TextPeriod | null) => {
    if (!period || period.end <= period.start) return;
    const months =
      (Number(period.end.slice(0, 4)) - Number(period.start.slice(0, 4))) * 12 +
      Number(period.end.slice(5, 7)) -
      Number(period.start.slice(5, 7));
    if (months < 5 || months > 24) return;
    if (taken.some(([a, b]) => period.index < b && a < period.index + period.text.length)) return;
    taken.push([period.index, period.index + period.text.length]);
    found.push(period);
  };
  for (const m of text.matchAll(MONTH_PERIOD)) {
    const [, d1, m1, y1, d2, m2, y2] = m;
    const start = iso(Number(y1), monthIndex(m1!), d1 ? Number(d1) : 1);
    const end = d2 ? iso(Number(y2), monthIndex(m2!), Number(d2)) : endOfMonth(Number(y2), monthIndex(m2!));
    add(start && end ? { start, end, index: m.index!, text: m[0], form: 'months' } : null);
  }
  for (const m of text.matchAll(NUMERIC_PERIOD)) {
    const [, d1, m1, y1, d2, m2, y2] = m;
    const start = iso(Number(y1), Number(m1), Number(d1));
    const end = iso(Number(y2), Number(m2), Number(d2));
    add(start && end ? { start, end, index: m.index!, text: m[0], form: 'months' } : null);
  }
  for (const m of text.matchAll(YEARS_PERIOD)) {
    const first = Number(m[1]);
    const second = m[2]!.length === 2 ? Math.floor(first / 100) * 100 + Number(m[2]) : Number(m[2]);
    if (second !== first + 1) continue;
    // The financial year partnerships report on (April to March) unless the text names months.
    add({ start: `${first}-04-01`, end: `${second}-03-31`, index: m.index!, text: m[0], form: 'years' });
  }
  return found.sort((a, b) => a.index - b.index);
}
