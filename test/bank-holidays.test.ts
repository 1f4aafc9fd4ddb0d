// The bank holiday data (rules/bank-holidays-england-and-wales.yaml) against the rules that fix
// each date, computed independently here; and working-day arithmetic on top of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadBankHolidays } from '../src/reference/load.js';
import { workingDayCalendar } from '../src/reference/calendar.js';
import { PackError } from '../src/pack/load.js';

const FILE = 'rules/bank-holidays-england-and-wales.yaml';
const schema = JSON.parse(readFileSync('schemas/bank-holidays.schema.json', 'utf8')) as object;
const text = readFileSync(FILE, 'utf8');
const holidays = loadBankHolidays(text, FILE, schema);

const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** Easter Sunday (anonymous Gregorian algorithm). */
function easter(y: number): Date {
  const a = y % 19,
    b = Math.floor(y / 100),
    c = y % 100,
    d = Math.floor(b / 4),
    e = b % 4;
  const f = Math.floor((b + 8) / 25),
    g = Math.floor((b - f + 1) / 3),
    h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4),
    k = c % 4,
    l = (32 + 2 * e + 2 * i - h - k) % 7,
    m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31),
    day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(y, month, day);
}
const firstMonday = (y: number, m: number) => {
  let d = utc(y, m, 1);
  while (d.getUTCDay() !== 1) d = addDays(d, 1);
  return d;
};
const lastMonday = (y: number, m: number) => {
  let d = addDays(utc(y, m + 1, 1), -1);
  while (d.getUTCDay() !== 1) d = addDays(d, -1);
  return d;
};
const weekday = (d: Date) => {
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d = addDays(d, 1);
  return d;
};

/** The regular pattern, then the one-off changes made by proclamation. */
function expected(y: number): string[] {
  const christmas = utc(y, 12, 25);
  const boxing = utc(y, 12, 26);
  let christmasDay = weekday(christmas);
  let boxingDay = weekday(boxing);
  if (iso(boxingDay) <= iso(christmasDay)) boxingDay = weekday(addDays(christmasDay, 1));
  if (christmas.getUTCDay() === 6) [christmasDay, boxingDay] = [utc(y, 12, 27), utc(y, 12, 28)];
  const days = [
    weekday(utc(y, 1, 1)),
    addDays(easter(y), -2),
    addDays(easter(y), 1),
    firstMonday(y, 5),
    lastMonday(y, 5),
    lastMonday(y, 8),
    christmasDay,
    boxingDay,
  ].map(iso);
  const moved: Record<string, [string, string]> = {
    '2020': [iso(firstMonday(2020, 5)), '2020-05-08'],
    '2022': [iso(lastMonday(2022, 5)), '2022-06-02'],
  };
  const extra: Record<string, string[]> = { '2022': ['2022-06-03', '2022-09-19'], '2023': ['2023-05-08'] };
  const result = days.map((d) => (moved[y]?.[0] === d ? moved[y]![1] : d));
  return [...result, ...(extra[y] ?? [])].sort();
}

describe('bank holidays of England and Wales', () => {
  it('cover 2018 to 2027, with their source', () => {
    expect([holidays.source, holidays.covers]).toEqual(['https://www.gov.uk/bank-holidays', { from: '2018-01-01', until: '2027-12-31' }]);
  });

  it('are exactly the days the rules and proclamations give, year by year', () => {
    for (let y = 2018; y <= 2027; y++) expect(holidays.dates.filter((d) => d.startsWith(`${y}-`))).toEqual(expected(y));
  });

  it('pin the days that are easy to get wrong', () => {
    const has = (d: string) => holidays.dates.includes(d);
    expect(
      [
        '2020-05-08',
        '2020-12-28',
        '2021-12-27',
        '2021-12-28',
        '2022-01-03',
        '2022-06-02',
        '2022-06-03',
        '2022-09-19',
        '2022-12-27',
        '2023-05-08',
        '2026-12-28',
        '2027-12-28',
      ].filter(has),
    ).toHaveLength(12);
    expect(['2020-05-04', '2022-05-30', '2020-12-26', '2022-12-25'].filter(has)).toEqual([]);
    expect(holidays.dates.filter((d) => d.startsWith('2024-03') || d.startsWith('2024-04'))).toEqual(['2024-03-29', '2024-04-01']);
  });

  it('reject a weekend date or a date out of order, with file:line:column', () => {
    const weekend = text.replace('{ date: 2024-12-26, title: Boxing Day }', '{ date: 2024-12-28, title: Boxing Day }');
    expect(() => loadBankHolidays(weekend, FILE, schema)).toThrow(PackError);
    expect(() => loadBankHolidays(weekend, FILE, schema)).toThrow(
      /^rules\/bank-holidays-england-and-wales\.yaml:76:7 dates\.58\.date: 2024-12-28 is a weekend day/,
    );
    const unordered = text.replace("{ date: 2019-01-01, title: New Year's Day }", "{ date: 2018-01-01, title: New Year's Day }");
    expect(() => loadBankHolidays(unordered, FILE, schema)).toThrow(/:26:7 dates\.8\.date: 2018-01-01 is not after the date before it/);
  });
});

describe('working days', () => {
  const calendar = workingDayCalendar(holidays);

  it('skip weekends and bank holidays', () => {
    expect(calendar.addWorkingDays('2024-03-26', 5)).toBe('2024-04-04'); // Good Friday and Easter Monday
    expect(calendar.addWorkingDays('2020-05-06', 2)).toBe('2020-05-11'); // VE Day, Friday 8 May 2020
    expect(calendar.addWorkingDays('2022-09-16', 1)).toBe('2022-09-20'); // the State Funeral
    expect(calendar.addWorkingDays('2024-12-20', 5)).toBe('2024-12-31');
    expect(calendar.subtractWorkingDays('2024-11-12', 7)).toBe('2024-11-01');
    expect(calendar.workingDaysBetween('2024-12-20', '2025-01-02')).toBe(6);
    expect(calendar.workingDaysBetween('2025-01-02', '2024-12-20')).toBe(0);
    expect([calendar.isWorkingDay('2023-05-08'), calendar.isWorkingDay('2023-05-09'), calendar.covers('2017-12-31')]).toEqual([
      false,
      true,
      false,
    ]);
  });
});
