// wtlint audit with child death review documents: their matrix columns, a document shared by
// several areas (`covers:` in the manifest) counted for each, and the area rules for them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { AS_OF, arrangements2023 } from './helpers/audit-areas.js';
import { runCli } from './helpers/cli.js';
import type { AuditReport } from '../src/audit/types.js';

const CDR_ARRANGEMENTS = stringify({
  kind: 'cdr-arrangements',
  edition: 2023,
  published: '2024-07-15',
  partners: [
    { type: 'local-authority', name: 'North Council' },
    { type: 'local-authority', name: 'South Council' },
    { type: 'health', name: 'NHS North and South ICB' },
  ],
  footprint: { areas: ['North', 'South'], population: 240000, deaths_per_year: 60 },
  panel: {
    name: 'North and South CDOP',
    chair: { name: 'E Chair', role: 'Consultant in Public Health' },
    members: ['designated doctor', 'police', 'social care'],
  },
  review_meetings: 'Convened by the lead clinician for every death.',
  joint_agency_response: 'Paediatrician and police together the same day.',
  family_support: 'A key worker for every family.',
  notification: 'eCDOP within two working days; data to the National Child Mortality Database.',
  learning: 'Recommendations tracked by the partners.',
  safeguarding_referral: 'Suspected abuse or neglect goes to the safeguarding partners the same day.',
  reports: { where: 'https://cdop.example.org', frequency: 'every year' },
});

const cdrReport = (published: string, period: { start: string; end: string }) =>
  stringify({
    kind: 'cdr-report',
    edition: 2023,
    published,
    period,
    deaths: { notified: 58, reviewed: 54 },
    modifiable_factors: 'Modifiable factors in 17 of 54 deaths; unsafe sleep commonest.',
    actions: 'Safer sleep at every health visitor contact.',
    effectiveness: 'Median review time seven months, down from ten.',
    family_engagement: 'Every family offered a key worker.',
    priorities: ['safer sleep', 'teenage self-harm'],
  });

function auditSet(manifest: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'wtlint-cdr-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  writeFileSync(join(dir, 'areas.yaml'), manifest);
  return dir;
}

const MANIFEST = `areas:
  - name: North
    files:
      - north/arrangements.yaml
      - { path: shared/cdr-arrangements.yaml, covers: [South] }
      - { path: shared/cdop-report-2024-25.yaml, covers: [North, South] }
  - name: South
    files: [south/arrangements.yaml]
  - name: East
    files: [east/arrangements.yaml]
`;

const FILES = {
  'north/arrangements.yaml': arrangements2023('North', '2024-11-29'),
  'south/arrangements.yaml': arrangements2023('South', '2024-11-29'),
  'east/arrangements.yaml': arrangements2023('East', '2024-11-29'),
  'shared/cdr-arrangements.yaml': CDR_ARRANGEMENTS,
};

async function audit(files: Record<string, string>, asOf = AS_OF): Promise<AuditReport> {
  const run = await runCli(['audit', '.', '--as-of', asOf, '-f', 'json', '--jobs', '0'], auditSet(MANIFEST, files));
  return JSON.parse(run.stdout) as AuditReport;
}

const cdrFindings = (report: AuditReport) =>
  Object.fromEntries(
    report.areas.map((a) => [a.name, a.findings.filter((f) => f.ruleId.includes('cdr')).map((f) => [f.ruleId, f.messageId, f.severity])]),
  );

describe('audit: child death review documents', () => {
  test('two column groups, one per CDR kind', async () => {
    const report = await audit({
      ...FILES,
      'shared/cdop-report-2024-25.yaml': cdrReport('2025-11-28', { start: '2024-04-01', end: '2025-03-31' }),
    });
    expect(report.groups.filter((g) => g.id.startsWith('cdr')).map((g) => [g.id, g.columns])).toEqual([
      [
        'cdr',
        [
          'cdr-partners',
          'cdr-footprint',
          'cdr-panel',
          'cdr-meetings',
          'cdr-joint-agency-response',
          'cdr-key-worker',
          'cdr-notification',
          'cdr-learning',
          'cdr-safeguarding-referral',
          'cdr-publication',
        ].map((e) => `cdr-arrangements/${e}`),
      ],
      [
        'cdr-report',
        [
          'cdr-period',
          'cdr-deaths',
          'cdr-modifiable-factors',
          'cdr-actions',
          'cdr-effectiveness',
          'cdr-family-engagement',
          'cdr-priorities',
        ].map((e) => `cdr-report/${e}`),
      ],
    ]);
  });

  test('a document shared with `covers:` counts for every area it covers, and only those', async () => {
    const report = await audit({
      ...FILES,
      'shared/cdop-report-2024-25.yaml': cdrReport('2025-11-28', { start: '2024-04-01', end: '2025-03-31' }),
    });
    const groups = Object.fromEntries(report.areas.map((a) => [a.name, [a.groups.cdr, a.groups['cdr-report']]]));
    expect(groups).toEqual({ East: ['missing', 'missing'], North: ['present', 'present'], South: ['present', 'present'] });
    expect(report.areas.find((a) => a.name === 'South')!.cells['cdr-report/cdr-deaths']).toMatchObject({
      status: 'present',
      file: 'shared/cdop-report-2024-25.yaml',
    });
    expect(cdrFindings(report)).toEqual({
      East: [
        ['wt2023/area-cdr-arrangements', 'none', 'warning'],
        ['wt2023/area-cdr-report-due', 'none', 'warning'],
      ],
      North: [],
      South: [],
    });
  });

  test('a CDR report published more than twelve months ago is overdue for each area it covers', async () => {
    const report = await audit(
      { ...FILES, 'shared/cdop-report-2024-25.yaml': cdrReport('2025-11-28', { start: '2024-04-01', end: '2025-03-31' }) },
      '2026-12-01',
    );
    expect(
      report.overdue.filter((o) => o.document === 'child death review report').map((o) => [o.area, o.messageId, o.due, o.daysOverdue]),
    ).toEqual([
      ['East', 'none', null, null],
      ['North', 'overdue', '2026-11-28', 3],
      ['South', 'overdue', '2026-11-28', 3],
    ]);
  });

  test('`covers:` naming no area of the manifest is a usage error with its line and column', async () => {
    const dir = auditSet(MANIFEST.replace('covers: [South] }', 'covers: [West] }'), FILES);
    const run = await runCli(['audit', '.', '--as-of', AS_OF], dir);
    expect([run.code, run.stderr.split('\n')[0]]).toEqual([
      2,
      'wtlint: areas.yaml:5:56 "West" in `covers` is not an area of this manifest',
    ]);
  });

  test('a file entry must be a path or { path, covers }', async () => {
    const dir = auditSet(
      MANIFEST.replace('{ path: shared/cdr-arrangements.yaml, covers: [South] }', '{ path: shared/cdr-arrangements.yaml }'),
      FILES,
    );
    const run = await runCli(['audit', '.', '--as-of', AS_OF], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^wtlint: areas\.yaml:5:9 /);
  });
});
