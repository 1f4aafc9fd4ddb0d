// Deadlines and dates, judged as of a given day: the date is an input, never the clock.
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.js';
import type { DocumentResult } from '../src/types.js';

const dated = (r: DocumentResult, ...ids: string[]) =>
  r.findings
    .filter((f) => ids.includes(f.element))
    .map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, line: f.line, column: f.column, message: f.message }));

const report = (fields: string) => `---\nkind: yearly-report\narea: Testshire\n${fields}\n---\n# Testshire yearly report\n`;
const arrangements = (fields: string) => `---\nkind: arrangements\narea: Testshire\n${fields}\n---\n# Testshire arrangements\n`;

describe('2018 arrangements deadlines', () => {
  it('published by 29 June 2019 is on time; in place by 29 September 2019 too', () => {
    const r = lintText('a.md', arrangements('edition: 2018\npublished: 2019-06-29\neffective: 2019-09-29'), { asOf: '2020-01-01' });
    expect(dated(r, 'publication-deadline', 'in-place-deadline')).toEqual([]);
  });

  it('published after 29 June 2019 is late, at the published key', () => {
    const r = lintText('a.md', arrangements('edition: 2018\npublished: 2019-07-15\neffective: 2019-10-01'), { asOf: '2020-01-01' });
    expect(dated(r, 'publication-deadline', 'in-place-deadline')).toEqual([
      {
        ruleId: 'wt2018/publication-deadline',
        messageId: 'late',
        severity: 'error',
        line: 5,
        column: 1,
        message: 'Publication of the arrangements on 2019-07-15 is 16 days after the deadline of 2019-06-29',
      },
      {
        ruleId: 'wt2018/in-place-deadline',
        messageId: 'late',
        severity: 'error',
        line: 6,
        column: 1,
        message: 'The arrangements taking effect on 2019-10-01 is 2 days after the deadline of 2019-09-29',
      },
    ]);
  });

  it('a revision published later is judged on first_published', () => {
    const r = lintText('a.md', arrangements('edition: 2018\npublished: 2021-03-01\nfirst_published: 2019-06-28'), { asOf: '2022-01-01' });
    expect(dated(r, 'publication-deadline')).toEqual([]);
  });

  it('unpublished 2018 arrangements are overdue once the deadline has passed, and not before', () => {
    expect(dated(lintText('a.md', arrangements('edition: 2018'), { asOf: '2019-05-01' }), 'publication-deadline')).toEqual([]);
    expect(
      dated(lintText('a.md', arrangements('edition: 2018'), { asOf: '2019-07-01' }), 'publication-deadline').map((f) => f.messageId),
    ).toEqual(['overdue']);
  });

  it('2018 arrangements judged after 12 December 2024 should have been updated for 2023', () => {
    expect(dated(lintText('a.md', arrangements('edition: 2018\npublished: 2019-06-01'), { asOf: '2024-12-12' }), 'edition-update')).toEqual(
      [],
    );
    expect(dated(lintText('a.md', arrangements('edition: 2018\npublished: 2019-06-01'), { asOf: '2024-12-13' }), 'edition-update')).toEqual(
      [
        {
          ruleId: 'wt2018/edition-update',
          messageId: 'superseded',
          severity: 'warning',
          line: 4,
          column: 1,
          message:
            'These arrangements follow the 2018 edition; arrangements updated for the 2023 edition were due by 2024-12-12 (as of 2024-12-13)',
        },
      ],
    );
  });
});

describe('yearly report deadlines and periods', () => {
  it('2023: an April–March report is due by 30 September of the same year', () => {
    const onTime = lintText('r.md', report('edition: 2023\npublished: 2025-09-30\nperiod: { start: 2024-04-01, end: 2025-03-31 }'));
    expect(dated(onTime, 'report-deadline', 'report-period')).toEqual([]);
    const late = lintText('r.md', report('edition: 2023\npublished: 2025-10-01\nperiod: { start: 2024-04-01, end: 2025-03-31 }'));
    expect(dated(late, 'report-deadline')).toEqual([
      {
        ruleId: 'wt2023/report-deadline',
        messageId: 'late',
        severity: 'error',
        line: 5,
        column: 1,
        message: 'Publication of the yearly report on 2025-10-01 is 1 days after the deadline of 2025-09-30',
      },
    ]);
  });

  it('2023: a September–August report is due by the 30 September after it ends', () => {
    const r = lintText('r.md', report('edition: 2023\npublished: 2025-09-29\nperiod: { start: 2024-09-01, end: 2025-08-31 }'));
    expect(dated(r, 'report-deadline')).toEqual([]);
  });

  it('2023: an unpublished report is overdue only after its deadline', () => {
    const fields = 'edition: 2023\nperiod: { start: 2024-04-01, end: 2025-03-31 }';
    expect(dated(lintText('r.md', report(fields), { asOf: '2025-09-30' }), 'report-deadline')).toEqual([]);
    expect(
      dated(lintText('r.md', report(fields), { asOf: '2025-10-01' }), 'report-deadline').map((f) => [f.messageId, f.line, f.message]),
    ).toEqual([
      [
        'overdue',
        2,
        'Publication of the yearly report was due by 2025-09-30; no date of publication is given and that deadline has passed (as of 2025-10-01)',
      ],
    ]);
  });

  it('2023: reports for periods ending before the September deadline applied (2024) are not judged against it', () => {
    const r = lintText('r.md', report('edition: 2023\npublished: 2024-01-20\nperiod: { start: 2022-04-01, end: 2023-03-31 }'));
    expect(dated(r, 'report-deadline')).toEqual([]);
  });

  it('2018: a report published more than twelve months after its period is late', () => {
    const r = lintText('r.md', report('edition: 2018\npublished: 2021-05-01\nperiod: { start: 2019-04-01, end: 2020-03-31 }'), {
      asOf: '2022-01-01',
    });
    expect(dated(r, 'report-deadline').map((f) => f.message)).toEqual([
      'Publication of the yearly report on 2021-05-01 is 31 days after the deadline of 2021-03-31',
    ]);
  });

  it('a period that is not twelve months, a reversed one, and publication before the end are each reported', () => {
    const short = lintText('r.md', report('edition: 2023\npublished: 2025-09-01\nperiod: { start: 2024-04-01, end: 2024-12-31 }'));
    expect(dated(short, 'report-period').map((f) => [f.messageId, f.line, f.message])).toEqual([
      ['length', 6, 'The period 2024-04-01 to 2024-12-31 covers 275 days; expected 12 months (2025-03-31 would end it)'],
    ]);
    const reversed = lintText('r.md', report('edition: 2023\nperiod: { start: 2025-03-31, end: 2024-04-01 }'));
    expect(dated(reversed, 'report-period').map((f) => f.messageId)).toEqual(['reversed']);
    const early = lintText('r.md', report('edition: 2023\npublished: 2025-03-01\nperiod: { start: 2024-04-01, end: 2025-03-31 }'));
    expect(dated(early, 'report-period').map((f) => [f.messageId, f.line])).toEqual([['published-early', 5]]);
  });

  it('dates after the as-of date are reported at their key', () => {
    const r = lintText('r.md', report('edition: 2023\npublished: 2027-01-10\nperiod: { start: 2025-04-01, end: 2026-03-31 }'));
    expect(dated(r, 'dates')).toEqual([
      {
        ruleId: 'wt2023/dates',
        messageId: 'future',
        severity: 'warning',
        line: 5,
        column: 1,
        message: '`published` is 2027-01-10, after the as-of date 2026-11-23',
      },
    ]);
  });
});

describe('edition inference', () => {
  it('a document published before 15 December 2023 is 2018, with an info finding', () => {
    const r = lintText('a.md', arrangements('published: 2023-12-14'));
    expect(r.edition).toBe('2018');
    expect(dated(r, 'edition')).toEqual([
      {
        ruleId: 'wt2018/edition',
        messageId: 'edition',
        severity: 'info',
        line: 2, // no `edition` key: the nearest existing place, the front matter's first key
        column: 1,
        message:
          'No `edition` given: assumed 2018 because its date 2023-12-14 falls within the 2018 edition (in force from 2018-07-04 to 2023-12-14)',
      },
    ]);
  });

  it('from 15 December 2023 it is 2023', () => {
    expect(lintText('a.md', arrangements('published: 2023-12-15')).edition).toBe('2023');
  });

  it('a yearly report without a publication date is placed by the end of its period', () => {
    expect(lintText('r.md', report('period: { start: 2022-04-01, end: 2023-03-31 }')).edition).toBe('2018');
  });

  it('stated editions are not reported, and --edition overrides the document', () => {
    const r = lintText('a.md', arrangements('edition: 2018\npublished: 2019-06-01'), { edition: '2023' });
    expect(r.edition).toBe('2023');
    expect(dated(r, 'edition')).toEqual([]);
  });
});
