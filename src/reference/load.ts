// Reference data text → validated values. Like a rule pack, a mistake names file:line:column.
import { getISODay } from 'date-fns/getISODay';
import { parseISO } from 'date-fns/parseISO';
import type { Ajv } from 'ajv';
import { createAjv, describeErrors } from '../schema-validator.js';
import { parseYaml } from '../parse/front-matter.js';
import { locatePath } from '../parse/locate.js';
import { PackError } from '../pack/load.js';
import type { BankHolidayCalendar } from './calendar.js';
import { parseMessageText } from '../reserved.js';

let ajv: Ajv | undefined; // created on first use: a calendar read from its build-time snapshot needs none

interface CalendarFile {
  source: string;
  covers: { from: string; until: string };
  dates: { date: string; title: string }[];
}

export function loadBankHolidays(text: string, file: string, schema: object): BankHolidayCalendar {
  const { frontMatter, problems } = parseYaml(text.replace(/\r\n?/g, '\n'), 0);
  const fail = (path: (string | number)[], problem: string): never => {
    const { place } = locatePath(frontMatter, path);
    throw new PackError(file, place.line, place.column, path.join('.') || '(root)', problem);
  };
  if (problems.length) throw new PackError(file, problems[0]!.line, problems[0]!.column, '(yaml)', parseMessageText(problems[0]!));
  const id = (schema as { $id?: unknown }).$id;
  ajv ??= createAjv();
  const validate = (typeof id === 'string' ? ajv.getSchema(id) : undefined) ?? ajv.compile(schema);
  if (!validate(frontMatter.data)) {
    const problem = describeErrors(validate)[0]!;
    return fail(problem.path, problem.message);
  }
  const data = frontMatter.data as unknown as CalendarFile;
  data.dates.forEach(({ date }, i) => {
    if (i > 0 && date <= data.dates[i - 1]!.date)
      fail(['dates', i, 'date'], `${date} is not after the date before it; keep the dates ascending and unique`);
    if (date < data.covers.from || date > data.covers.until)
      fail(['dates', i, 'date'], `${date} is outside covers (${data.covers.from} to ${data.covers.until})`);
    if (getISODay(parseISO(date)) > 5) fail(['dates', i, 'date'], `${date} is a weekend day; give the substitute weekday instead`);
  });
  return { source: data.source, covers: data.covers, dates: data.dates.map((d) => d.date) };
}
