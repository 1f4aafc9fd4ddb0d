// Working days in England and Wales: weekdays that are not bank holidays. The holidays come
// from rules/bank-holidays-england-and-wales.yaml, read by the CLI and passed in as data.
import { addDays, format, getISODay, parseISO } from 'date-fns';

export interface BankHolidayCalendar {
  /** Where the dates come from (gov.uk). */
  source: string;
  /** The first and last day the list is complete for, YYYY-MM-DD. */
  covers: { from: string; until: string };
  /** Bank holidays, YYYY-MM-DD, ascending. */
  dates: string[];
}

export interface WorkingDayCalendar {
  covers(date: string): boolean;
  isWorkingDay(date: string): boolean;
  /** The date `days` working days after `date` (the day itself not counted). */
  addWorkingDays(date: string, days: number): string;
  /** The date `days` working days before `date`. */
  subtractWorkingDays(date: string, days: number): string;
  /** Working days after `from` up to and including `to` (0 when `to` is on or before `from`). */
  workingDaysBetween(from: string, to: string): number;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

export function workingDayCalendar(holidays: BankHolidayCalendar): WorkingDayCalendar {
  const closed = new Set(holidays.dates);
  const isWorkingDay = (date: string) => getISODay(parseISO(date)) <= 5 && !closed.has(date);
  const step = (date: string, days: number, direction: 1 | -1) => {
    let day = parseISO(date);
    for (let left = days; left > 0;) {
      day = addDays(day, direction);
      if (isWorkingDay(iso(day))) left--;
    }
    return iso(day);
  };
  return {
    covers: (date) => holidays.covers.from <= date && date <= holidays.covers.until,
    isWorkingDay,
    addWorkingDays: (date, days) => step(date, days, 1),
    subtractWorkingDays: (date, days) => step(date, days, -1),
    workingDaysBetween(from, to) {
      let count = 0;
      for (let day = addDays(parseISO(from), 1); iso(day) <= to; day = addDays(day, 1)) if (isWorkingDay(iso(day))) count++;
      return count;
    },
  };
}
