// A generated set of areas with known defects, overdue reports and broken files, written
// into a temporary folder. Documents are YAML, so element statuses come from structured
// fields only and do not move when prose detection improves.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export const AS_OF = '2026-11-23';

const PARTNERS = (place: string) => [
  {
    type: 'local-authority',
    name: `${place} Council`,
    lead: { name: 'A Lead', role: 'Chief Executive' },
    delegate: { name: 'A Delegate', role: "Director of Children's Services" },
  },
  {
    type: 'health',
    name: `NHS ${place} Integrated Care Board`,
    lead: { name: 'B Lead', role: 'Chief Executive' },
    delegate: { name: 'B Delegate', role: 'Chief Nurse' },
  },
  {
    type: 'police',
    name: `${place} Police`,
    lead: { name: 'C Lead', role: 'Chief Constable' },
    delegate: { name: 'C Delegate', role: 'Detective Chief Superintendent' },
  },
];

export function arrangements2023(place: string, published: string, omit: string[] = [], extra: Record<string, unknown> = {}): string {
  const doc: Record<string, unknown> = {
    kind: 'arrangements',
    area: `${place} Safeguarding Children Partnership`,
    edition: 2023,
    published,
    local_authorities: [`${place} Council`],
    partners: PARTNERS(place),
    chair: { name: 'B Delegate', role: 'Chief Nurse' },
    sign_off: [{ name: 'A Lead', role: 'Chief Executive', date: published }],
    relevant_agencies: ['Cafcass', `${place} Fire and Rescue Service`],
    education: { description: 'Schools, colleges and early years settings sit on the executive.' },
    scrutiny: {
      scrutineer: { name: 'D Scrutineer', role: 'Independent Scrutineer' },
      methods: ['challenge sessions'],
      reports_to: 'Lead partners',
    },
    funding: {
      year: '2024-25',
      total: 300000,
      contributions: [
        { partner: `${place} Council`, amount: 150000 },
        { partner: `NHS ${place} ICB`, amount: 90000 },
        { partner: `${place} Police`, amount: 60000 },
      ],
    },
    information_sharing: { agreement: `${place} information sharing agreement` },
    threshold: { title: `${place} continuum of need` },
    practice_reviews: 'Rapid reviews within 15 working days; local reviews published.',
    yearly_report: { where: 'the partnership website' },
    child_voice: 'Young advisers review every priority.',
    dispute_resolution: 'Escalation protocol between partners.',
    training: 'Multi-agency training with impact evaluation.',
    vcse: 'A VCSE forum sits under the executive.',
    ...extra,
  };
  for (const key of omit) delete doc[key];
  return stringify(doc);
}

export function arrangements2018(place: string, published: string): string {
  return stringify({
    kind: 'arrangements',
    area: `${place} Safeguarding Children Partnership`,
    edition: 2018,
    published,
    local_authorities: [`${place} Council`],
    partners: PARTNERS(place).map(({ type, name }) => ({ type, name })),
    relevant_agencies: ['Cafcass'],
    education: { description: 'Schools are represented.' },
    scrutiny: { scrutineer: { name: 'E Scrutineer' } },
    funding: { total: 200000 },
    information_sharing: { agreement: 'ISA' },
    threshold: { title: 'Threshold document' },
    practice_reviews: 'Rapid reviews and local reviews.',
    yearly_report: { where: 'the partnership website' },
    child_voice: 'Surveys of children.',
    dispute_resolution: 'Escalation policy.',
    training: 'Training offer.',
  });
}

export function report2023(place: string, start: string, end: string, published: string, extra: Record<string, unknown> = {}): string {
  return stringify({
    kind: 'yearly-report',
    area: `${place} Safeguarding Children Partnership`,
    edition: 2023,
    published,
    period: { start, end },
    partners: PARTNERS(place).map(({ type, name }) => ({ type, name })),
    local_authorities: [`${place} Council`],
    scrutiny: { scrutineer: { name: 'D Scrutineer' }, findings: ['Partners know their priorities.'] },
    funding: { total: 300000 },
    education: { description: 'Four education leaders joined the executive.' },
    practice_reviews: [{ ref: 'Child A', incident: start, notified: start }],
    child_voice: 'We asked 400 children.',
    training: '1,200 practitioners trained.',
    priorities: ['Neglect', 'Exploitation'],
    submitted: { panel: published, what_works_centre: published },
    ...extra,
  });
}

export interface GeneratedAreas {
  root: string;
  dir: string;
}

/** Six areas under `<root>/areas`, each with known defects (see the test for the expected matrix). */
export function generateAreas(): GeneratedAreas {
  const root = mkdtempSync(join(tmpdir(), 'wtlint-audit-'));
  const dir = join(root, 'areas');
  const write = (path: string, content: string | Uint8Array) => {
    const full = join(dir, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  };
  // alpha: complete; two reports a year apart, the latest not yet due again.
  write('alpha/arrangements.yaml', arrangements2023('Alpha', '2024-11-29'));
  write('alpha/report-2024-25.yaml', report2023('Alpha', '2024-04-01', '2025-03-31', '2025-09-20'));
  write('alpha/report-2025-26.yaml', report2023('Alpha', '2025-04-01', '2026-03-31', '2026-09-15'));
  // bravo: no funding or scrutiny in the arrangements; one report, the next overdue.
  write('bravo/arrangements.yaml', arrangements2023('Bravo', '2024-10-01', ['funding', 'scrutiny']));
  write('bravo/report-2023-24.yaml', report2023('Bravo', '2023-04-01', '2024-03-31', '2024-09-30'));
  // charlie: 2018 arrangements never refreshed; no yearly report.
  write('charlie/arrangements.yaml', arrangements2018('Charlie', '2019-06-01'));
  // delta: no arrangements; reports more than twelve months apart; the next overdue.
  write('delta/report-2021-22.yaml', report2023('Delta', '2021-04-01', '2022-03-31', '2022-09-30', { edition: 2018 }));
  write('delta/report-2024-25.yaml', report2023('Delta', '2024-04-01', '2025-03-31', '2025-09-25'));
  // echo: the report names another area and another partner.
  write('echo/arrangements.yaml', arrangements2023('Echo', '2024-12-01'));
  write(
    'echo/report-2025-26.yaml',
    report2023('Echo', '2025-04-01', '2026-03-31', '2026-09-01', {
      area: 'Echoshire Safeguarding Partnership',
      partners: [
        { type: 'local-authority', name: 'Echo Council' },
        { type: 'health', name: 'NHS Echo Integrated Care Board' },
        { type: 'police', name: 'Echoshire Constabulary' },
      ],
    }),
  );
  // foxtrot: a complete area plus a binary file, broken YAML and a symlink loop.
  write('foxtrot/arrangements.yaml', arrangements2023('Foxtrot', '2024-11-01'));
  write('foxtrot/report-2025-26.yaml', report2023('Foxtrot', '2025-04-01', '2026-03-31', '2026-09-30'));
  write('foxtrot/scan.md', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
  write('foxtrot/broken.yaml', 'kind: arrangements\narea: [unclosed\n');
  symlinkSync('.', join(dir, 'foxtrot', 'loop'));
  return { root, dir };
}
