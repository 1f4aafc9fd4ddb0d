// The area check kinds and the audit layout, as pure functions, plus the purity of src/audit/.
import { describe, expect, test } from 'vitest';
import { bundledVocabulary } from './helpers.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { areaCheckKinds, normaliseName } from '../src/audit/area-kinds.js';
import { evaluateArea, groupStatus } from '../src/audit/evaluate.js';
import { auditLayout, packInForce } from '../src/audit/spec.js';
import { fnv1a, parseShard, shardOf } from '../src/audit/shard.js';
import { csvField } from '../src/escape/csv.js';
import { escapeHtml } from '../src/escape/html.js';
import { terminalSafe } from '../src/escape/terminal.js';
import { bundledLinter, readJson } from '../src/engine/resources.js';
import { loadPack, PackError } from '../src/pack/load.js';
import type { AuditDocument } from '../src/audit/types.js';

function doc(
  file: string,
  kind: AuditDocument['kind'],
  dates: Partial<Pick<AuditDocument, 'published' | 'periodEnd' | 'edition' | 'area' | 'partners'>> = {},
): AuditDocument {
  return {
    file,
    sha256: null,
    bytes: 0,
    kind,
    edition: dates.edition ?? '2023',
    area: dates.area ?? null,
    published: dates.published ?? null,
    periodStart: null,
    periodEnd: dates.periodEnd ?? null,
    partners: dates.partners ?? [],
    localAuthorities: [],
    elements: {},
    evidence: {},
    findings: [],
    source: null,
    fetchFailure: null,
  };
}

const run = <K extends keyof typeof areaCheckKinds>(
  kind: K,
  documents: AuditDocument[],
  asOf: string,
  options: Parameters<(typeof areaCheckKinds)[K]['run']>[1],
) => areaCheckKinds[kind].run({ area: 'Testshire', documents, asOf }, options as never).map((r) => [r.messageId, r.data]);

describe('report-due', () => {
  const sept = { after: 'period-end', months: 12, month: 9, day: 30 } as const;
  test('next 30 September after the next period end', () => {
    const docs = [doc('r.md', 'yearly-report', { periodEnd: '2025-03-31', published: '2025-09-01' })];
    expect(run('report-due', docs, '2026-09-30', sept)).toEqual([]);
    expect(run('report-due', docs, '2026-10-01', sept)).toEqual([
      [
        'overdue',
        { document: 'yearly report', due: '2026-09-30', days: 1, asOf: '2026-10-01', latest: 'r.md', base: 'period ending 2025-03-31' },
      ],
    ]);
  });
  test('a period ending after 30 September rolls to the next year', () => {
    const docs = [doc('r.md', 'yearly-report', { periodEnd: '2024-12-31' })];
    expect(run('report-due', docs, '2026-09-29', sept)).toEqual([]);
    expect(run('report-due', docs, '2026-10-01', sept).map(([id, d]) => [id, (d as Record<string, unknown>).due])).toEqual([
      ['overdue', '2026-09-30'],
    ]);
  });
  test('published + 12 months (2018 pack); falls back to the period end; none; undated', () => {
    const opts = { after: 'published', months: 12 } as const;
    expect(
      run('report-due', [doc('r.md', 'yearly-report', { published: '2025-02-28' })], '2026-03-01', opts).map(([id, d]) => [
        id,
        (d as Record<string, unknown>).due,
      ]),
    ).toEqual([['overdue', '2026-02-28']]);
    expect(run('report-due', [doc('r.md', 'yearly-report', { periodEnd: '2025-03-31' })], '2026-03-31', opts)).toEqual([]);
    expect(run('report-due', [doc('a.md', 'arrangements')], '2026-01-01', opts)).toEqual([
      ['none', { document: 'yearly report', area: 'Testshire' }],
    ]);
    expect(run('report-due', [doc('r.md', 'yearly-report')], '2026-01-01', opts)).toEqual([
      ['undated', { document: 'yearly report', latest: 'r.md' }],
    ]);
  });
  test('`document` picks the report: a child death review report is judged apart from the yearly report', () => {
    const opts = { after: 'published', months: 12, document: 'cdr-report' } as const;
    const yearly = doc('y.md', 'yearly-report', { published: '2026-06-01' });
    expect(run('report-due', [yearly], '2026-07-01', opts)).toEqual([
      ['none', { document: 'child death review report', area: 'Testshire' }],
    ]);
    expect(run('report-due', [yearly, doc('c.md', 'cdr-report', { published: '2025-06-30' })], '2026-07-01', opts)).toEqual([
      [
        'overdue',
        {
          document: 'child death review report',
          due: '2026-06-30',
          days: 1,
          asOf: '2026-07-01',
          latest: 'c.md',
          base: 'published 2025-06-30',
        },
      ],
    ]);
  });
  test('the latest report counts, whatever the file order', () => {
    const docs = [doc('b.md', 'yearly-report', { periodEnd: '2026-03-31' }), doc('a.md', 'yearly-report', { periodEnd: '2024-03-31' })];
    expect(run('report-due', docs, '2026-11-23', sept)).toEqual([]);
  });
});

describe('report-gap, edition-refreshed, consistent, has-document', () => {
  test('gaps over twelve months between consecutive reports', () => {
    const docs = [
      doc('r1.md', 'yearly-report', { published: '2022-09-30' }),
      doc('r2.md', 'yearly-report', { published: '2023-09-30' }),
      doc('r3.md', 'yearly-report', { published: '2024-10-01' }),
    ];
    expect(run('report-gap', docs, '2026-01-01', { months: 12 })).toEqual([
      ['gap', { from: 'r2.md', fromDate: '2023-09-30', to: 'r3.md', toDate: '2024-10-01', months: 12 }],
    ]);
  });
  test('refresh for 2023: not before the date; missing; late; in time', () => {
    const old = doc('a2018.md', 'arrangements', { edition: '2018', published: '2019-06-01' });
    const opts = { edition: '2023', by: '2024-12-12' };
    expect(run('edition-refreshed', [old], '2024-12-12', opts)).toEqual([]);
    expect(run('edition-refreshed', [old], '2024-12-13', opts)).toEqual([
      ['not-refreshed', { edition: '2023', latest: 'a2018.md', current: '2018', by: '2024-12-12' }],
    ]);
    expect(run('edition-refreshed', [old, doc('a.md', 'arrangements', { published: '2025-01-10' })], '2026-01-01', opts)).toEqual([
      ['late', { edition: '2023', latest: 'a.md', published: '2025-01-10', by: '2024-12-12' }],
    ]);
    expect(run('edition-refreshed', [old, doc('a.md', 'arrangements', { published: '2024-12-12' })], '2026-01-01', opts)).toEqual([]);
  });
  test('names compared without case, punctuation or "the"', () => {
    expect(normaliseName('The  Northshire Police.')).toBe('northshire police');
    const a = doc('a.md', 'arrangements', { area: 'Northshire SCP', partners: ['Northshire Police', 'Northshire Council'] });
    const r = doc('r.md', 'yearly-report', { area: 'northshire scp', partners: ['the Northshire police', 'Northshire Council'] });
    expect(run('consistent', [a, r], '2026-01-01', { fields: ['area', 'partners', 'local_authorities'] })).toEqual([]);
    expect(run('has-document', [r], '2026-01-01', { document: 'arrangements' })).toEqual([
      ['none', { document: 'published arrangements', area: 'Testshire' }],
    ]);
  });
});

describe('layout, shards, escaping', () => {
  test('group status', () => {
    expect([
      groupStatus(['present', 'not-applicable']),
      groupStatus(['missing', 'missing']),
      groupStatus(['present', 'missing']),
      groupStatus(['not-applicable']),
    ]).toEqual(['present', 'missing', 'partial', 'not-applicable']);
  });
  test('the pack in force on the as-of date supplies the area rules', () => {
    const packs = bundledLinter().packs;
    expect([packInForce(packs, '2023-12-14').pack, packInForce(packs, '2023-12-15').pack, packInForce(packs, '2010-01-01').pack]).toEqual([
      'wt2018',
      'wt2023',
      'wt2023',
    ]);
  });
  test('an unknown element in a group, or an unknown area check kind, stops the pack from loading', () => {
    const packs = bundledLinter().packs;
    const broken = {
      ...packs[1]!,
      audit: { ...packs[1]!.audit!, groups: [{ id: 'x', kind: 'arrangements' as const, label: 'X', title: 'X', elements: ['fundng'] }] },
    };
    expect(() => auditLayout([broken])).toThrow(
      new PackError('rules/wt2023.yaml', 1, 1, 'audit.groups[0].elements[0]', 'no rule for element "fundng" in arrangements'),
    );
    const text = readFileSync(join(__dirname, '../rules/wt2023.yaml'), 'utf8').replace(/kind: has-document\b/, 'kind: has-documents');
    const { $id: _id, ...packSchema } = readJson('schemas/rule-pack.schema.json') as Record<string, unknown>;
    expect(() => loadPack(text, 'rules/wt2023.yaml', packSchema, bundledVocabulary())).toThrow(PackError);
    expect(() =>
      loadPack(text.replace('has-documents', 'has-document'), 'rules/wt2023.yaml', packSchema, bundledVocabulary()),
    ).not.toThrow();
  });
  test('shards by a stable hash of the name', () => {
    expect([fnv1a(''), fnv1a('a'), fnv1a('foobar')]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]);
    expect(['alpha', 'bravo', 'charlie', 'Northshire'].map((n) => shardOf(n, 4))).toEqual([4, 4, 2, 4]);
    expect([parseShard('1/1'), parseShard('2/4'), parseShard('0/2'), parseShard('3/2'), parseShard('a/b')]).toEqual([
      { index: 1, total: 1 },
      { index: 2, total: 4 },
      null,
      null,
      null,
    ]);
  });
  test('escaping', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(['=1+2', '+1', '-1', '@A1', '\tx', '\rx', 'ok', 'a,b', null, 3].map(csvField)).toEqual([
      "'=1+2",
      "'+1",
      "'-1",
      "'@A1",
      "'\tx",
      `"'\rx"`,
      'ok',
      '"a,b"',
      '',
      '3',
    ]);
    expect(terminalSafe('a\u001b[31mb\u0007')).toBe('a?[31mb?');
  });
});

test('src/audit/ is pure: no file system, process, clock or console', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) e.isDirectory() ? walk(join(dir, e.name)) : files.push(join(dir, e.name));
  };
  walk(join(__dirname, '../src/audit'));
  const offenders = files.filter((f) =>
    /from 'node:(fs|process|child_process|worker_threads)'|\bprocess\.|Date\.now|new Date\(\)|console\./.test(readFileSync(f, 'utf8')),
  );
  expect(offenders).toEqual([]);
});

describe('a document that could not be fetched', () => {
  const linter = bundledLinter();
  const layout = auditLayout(linter.packs);
  const areaPack = packInForce(linter.packs, '2026-11-23');
  const lost = (kind: AuditDocument['kind']): AuditDocument => ({
    ...doc('https://a.example/arrangements.pdf', kind, { edition: null as never }),
    edition: null,
    fetchFailure: { url: 'https://a.example/arrangements.pdf', reason: '404', date: '2026-11-20', copy: false },
  });
  const report = doc('r.md', 'yearly-report', { periodEnd: '2026-03-31', published: '2026-09-01' });

  test('makes the cells of its kind unavailable and holds back the area checks that judge that kind', () => {
    const area = evaluateArea({ name: 'Testshire', documents: [lost('arrangements'), report] }, layout, linter.packs, areaPack, {
      asOf: '2026-11-23',
    });
    const arrangements = layout.columns.filter((c) => c.kind === 'arrangements');
    expect(arrangements.map((c) => area.cells[c.key]!.status)).toEqual(arrangements.map(() => 'unavailable'));
    expect(area.cells[arrangements[0]!.key]).toMatchObject({
      file: 'https://a.example/arrangements.pdf',
      evidence: 'could not be fetched (404, 2026-11-20)',
    });
    expect(layout.columns.filter((c) => c.kind === 'yearly-report').some((c) => area.cells[c.key]!.status === 'unavailable')).toBe(false);
    // No "no published arrangements" and no cross-document comparison; the report's own checks and
    // the child death review checks (no such documents in this area) run.
    expect(area.findings.map((f) => f.element)).toEqual(['area-cdr-arrangements', 'area-cdr-report-due']);
    const without = evaluateArea({ name: 'Testshire', documents: [report] }, layout, linter.packs, areaPack, { asOf: '2026-11-23' });
    expect(without.findings.map((f) => f.element)).toEqual(['area-arrangements', 'area-cdr-arrangements', 'area-cdr-report-due']);
  });

  test('of unknown kind, could be either: every kind the area has no other document of is unavailable', () => {
    const area = evaluateArea({ name: 'Testshire', documents: [lost(null), report] }, layout, linter.packs, areaPack, {
      asOf: '2026-11-23',
    });
    expect(new Set(layout.columns.map((c) => `${c.kind}:${area.cells[c.key]!.status === 'unavailable'}`))).toEqual(
      new Set(['arrangements:true', 'yearly-report:false', 'cdr-arrangements:true', 'cdr-report:true']),
    );
    expect(groupStatus(['present', 'unavailable', 'not-applicable'])).toBe('unavailable');
  });
});
