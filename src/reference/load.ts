// Reference data text → validated values. Like a rule pack, a mistake names file:line:column.
import { getISODay } from 'date-fns/getISODay';
import { parseISO } from 'date-fns/parseISO';
import { dottedPath, readValidated } from '../pack/load.js';
import type { BankHolidayCalendar } from './calendar.js';

interface CalendarFile {
  source: string;
  covers: { from: string; until: string };
  dates: { date: string; title: string }[];
}

export function loadBankHolidays(text: string, file: string, schema: object): BankHolidayCalendar {
  const { data: read, fail } = readValidated(text, file, schema, 'the calendar', dottedPath);
  const data = read as CalendarFile;
  data.dates.forEach(({ date }, i) => {
    if (i > 0 && date <= data.dates[i - 1]!.date)
      fail(['dates', i, 'date'], `${date} is not after the date before it; keep the dates ascending and unique`);
    if (date < data.covers.from || date > data.covers.until)
      fail(['dates', i, 'date'], `${date} is outside covers (${data.covers.from} to ${data.covers.until})`);
    if (getISODay(parseISO(date)) > 5) fail(['dates', i, 'date'], `${date} is a weekend day; give the substitute weekday instead`);
  });
  return { source: data.source, covers: data.covers, dates: data.dates.map((d) => d.date) };
}
