// wtlint audit over a generated set of areas with known defects: exact matrix, area
// findings, overdue list, exit codes; workers = main thread; shard + merge = one run;
// --compare; CSV injection; HTML escaping; broken input as findings.
import { describe, expect, test, beforeAll } from 'vitest';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { AS_OF, arrangements2023, generateAreas, report2023 } from './helpers/audit-areas.js';
import { runCli } from './helpers/cli.js';
import type { AuditReport } from '../src/audit/types.js';
import { packageRoot } from '../src/engine/resources.js';
import { rulesChanged } from '../src/audit/build.js';

const SYMBOL: Record<string, string> = { present: '●', partial: '◐', missing: '○', 'not-applicable': '·' };

/** One string per area: a symbol per column, in column order. */
function matrix(report: AuditReport): Record<string, string> {
  return Object.fromEntries(report.areas.map((a) => [a.name, report.columns.map((c) => SYMBOL[a.cells[c.key]!.status]).join('')]));
}

function areaFindings(report: AuditReport) {
  return report.areas.flatMap((a) =>
    a.findings.map((f) => ({ area: a.name, ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, file: f.file })),
  );
}

/** Area findings other than the child death review rules (every generated area has none of those documents; test/audit-cdr.test.ts). */
const safeguardingFindings = (report: AuditReport) => areaFindings(report).filter((f) => !f.ruleId.includes('-cdr-'));
const yearlyOverdue = (report: AuditReport) => report.overdue.filter((o) => o.document === 'yearly report');

let root: string;
let full: AuditReport;
let fullRun: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  root = generateAreas().root;
  fullRun = await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'json', '--jobs', '0'], root);
  full = JSON.parse(fullRun.stdout) as AuditReport;
});

describe('wtlint audit on generated areas', () => {
  test('columns: every element of both editions, grouped', () => {
    expect(full.columns.map((c) => c.key)).toEqual([
      'arrangements/safeguarding-partners',
      'arrangements/lead-and-delegates',
      'arrangements/partnership-chair',
      'arrangements/lead-sign-off',
      'arrangements/geography',
      'arrangements/relevant-agencies',
      'arrangements/education',
      'arrangements/vcse',
      'arrangements/youth-custody',
      'arrangements/independent-scrutiny',
      'arrangements/funding',
      'arrangements/information-sharing',
      'arrangements/threshold',
      'arrangements/practice-reviews',
      'arrangements/training',
      'arrangements/dispute-resolution',
      'arrangements/child-voice',
      'arrangements/yearly-report',
      'yearly-report/report-period',
      'yearly-report/activity',
      'yearly-report/effectiveness',
      'yearly-report/little-progress',
      'yearly-report/priorities',
      'yearly-report/data',
      'yearly-report/independent-scrutiny',
      'yearly-report/funding',
      'yearly-report/education',
      'yearly-report/practice-reviews',
      'yearly-report/child-voice',
      'yearly-report/training',
      'yearly-report/submission',
      'cdr-arrangements/cdr-partners',
      'cdr-arrangements/cdr-footprint',
      'cdr-arrangements/cdr-panel',
      'cdr-arrangements/cdr-meetings',
      'cdr-arrangements/cdr-joint-agency-response',
      'cdr-arrangements/cdr-key-worker',
      'cdr-arrangements/cdr-notification',
      'cdr-arrangements/cdr-learning',
      'cdr-arrangements/cdr-safeguarding-referral',
      'cdr-arrangements/cdr-publication',
      'cdr-report/cdr-period',
      'cdr-report/cdr-deaths',
      'cdr-report/cdr-modifiable-factors',
      'cdr-report/cdr-actions',
      'cdr-report/cdr-effectiveness',
      'cdr-report/cdr-family-engagement',
      'cdr-report/cdr-priorities',
    ]);
    expect(full.groups.map((g) => [g.id, g.columns.length])).toEqual([
      ['partners', 4],
      ['scope', 5],
      ['scrutiny', 1],
      ['funding', 1],
      ['practice', 7],
      ['report-content', 6],
      ['report-accountability', 3],
      ['report-learning', 4],
      ['cdr', 10],
      ['cdr-report', 7],
    ]);
  });

  test('matrix cells are exact', () => {
    expect(matrix(full)).toEqual({
      alpha: '●●●●●●●●·●●●●●●●●●●○○○●○●●●●●●●○○○○○○○○○○○○○○○○○',
      bravo: '●●●●●●●●·○○●●●●●●●●○○○●○●●●●●●●○○○○○○○○○○○○○○○○○',
      charlie: '●···●●●·○●●●●●●●●●○○○○○○○○○○○○○○○○○○○○○○○○○○○○○○',
      delta: '○○○○○○○○○○○○○○○○○○●○○○●○●●●●●●●○○○○○○○○○○○○○○○○○',
      echo: '●●●●●●●●·●●●●●●●●●●○○○●○●●●●●●●○○○○○○○○○○○○○○○○○',
      foxtrot: '●●●●●●●●·●●●●●●●●●●○○○●○●●●●●●●○○○○○○○○○○○○○○○○○',
    });
    expect(
      Object.fromEntries(
        full.areas.map((a) => [
          a.name,
          Object.values(a.groups)
            .map((s) => SYMBOL[s])
            .join(''),
        ]),
      ),
    ).toEqual({
      alpha: '●●●●●◐●●○○',
      bravo: '●●○○●◐●●○○',
      charlie: '●◐●●●○○○○○',
      delta: '○○○○○◐●●○○',
      echo: '●●●●●◐●●○○',
      foxtrot: '●●●●●◐●●○○',
    });
    expect(full.areas.find((a) => a.name === 'bravo')!.cells['arrangements/funding']).toEqual({
      status: 'missing',
      file: 'bravo/arrangements.yaml',
      line: null,
      evidence: 'none found',
      ruleId: 'wt2023/funding',
      citation: expect.stringContaining('Working Together 2023'),
    });
    expect(full.areas.find((a) => a.name === 'delta')!.cells['arrangements/funding']).toMatchObject({
      status: 'missing',
      file: null,
      evidence: 'no arrangements document',
      ruleId: null,
    });
  });

  test('area findings and the overdue list are exact', () => {
    expect(areaFindings(full).filter((f) => f.ruleId.includes('-cdr-'))).toEqual(
      ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot'].flatMap((area) => [
        { area, ruleId: 'wt2023/area-cdr-arrangements', messageId: 'none', severity: 'warning', file: null },
        { area, ruleId: 'wt2023/area-cdr-report-due', messageId: 'none', severity: 'warning', file: null },
      ]),
    );
    expect(safeguardingFindings(full)).toEqual([
      { area: 'bravo', ruleId: 'wt2023/area-report-due', messageId: 'overdue', severity: 'error', file: 'bravo/report-2023-24.yaml' },
      {
        area: 'charlie',
        ruleId: 'wt2023/area-edition-refresh',
        messageId: 'not-refreshed',
        severity: 'error',
        file: 'charlie/arrangements.yaml',
      },
      { area: 'charlie', ruleId: 'wt2023/area-report-due', messageId: 'none', severity: 'error', file: null },
      { area: 'delta', ruleId: 'wt2023/area-arrangements', messageId: 'none', severity: 'error', file: null },
      { area: 'delta', ruleId: 'wt2023/area-report-due', messageId: 'overdue', severity: 'error', file: 'delta/report-2024-25.yaml' },
      { area: 'delta', ruleId: 'wt2023/area-report-gap', messageId: 'gap', severity: 'error', file: 'delta/report-2024-25.yaml' },
      { area: 'echo', ruleId: 'wt2023/area-consistency', messageId: 'partners', severity: 'warning', file: 'echo/report-2025-26.yaml' },
      { area: 'echo', ruleId: 'wt2023/area-consistency', messageId: 'area', severity: 'warning', file: 'echo/report-2025-26.yaml' },
    ]);
    expect(yearlyOverdue(full)).toEqual([
      {
        area: 'bravo',
        document: 'yearly report',
        ruleId: 'wt2023/area-report-due',
        messageId: 'overdue',
        latest: 'bravo/report-2023-24.yaml',
        due: '2025-09-30',
        daysOverdue: 419,
      },
      {
        area: 'charlie',
        document: 'yearly report',
        ruleId: 'wt2023/area-report-due',
        messageId: 'none',
        latest: null,
        due: null,
        daysOverdue: null,
      },
      {
        area: 'delta',
        document: 'yearly report',
        ruleId: 'wt2023/area-report-due',
        messageId: 'overdue',
        latest: 'delta/report-2024-25.yaml',
        due: '2026-09-30',
        daysOverdue: 54,
      },
    ]);
    expect(full.overdue.length).toBe(3 + 6); // and no child death review report in any area
    const delta = full.areas.find((a) => a.name === 'delta')!;
    expect(delta.findings.find((f) => f.messageId === 'gap')!.message).toBe(
      'delta/report-2021-22.yaml (2022-09-30) and delta/report-2024-25.yaml (2025-09-25) are more than 12 months apart',
    );
    expect(full.areas.find((a) => a.name === 'echo')!.findings.find((f) => f.messageId === 'partners')!.message).toBe(
      'The yearly report echo/report-2025-26.yaml and the arrangements echo/arrangements.yaml name different partners: only in the report: Echoshire Constabulary; only in the arrangements: Echo Police',
    );
    expect(fullRun.code).toBe(1);
  });

  test('the overdue report is judged as of --as-of', async () => {
    const early = JSON.parse(
      (await runCli(['audit', 'areas', '--as-of', '2026-09-30', '-f', 'json', '--jobs', '0'], root)).stdout,
    ) as AuditReport;
    expect(yearlyOverdue(early).map((o) => [o.area, o.messageId, o.daysOverdue])).toEqual([
      ['bravo', 'overdue', 365],
      ['charlie', 'none', null],
    ]);
  });

  test('broken, binary and looping input are findings for the area, never a stopped run', () => {
    const foxtrot = full.areas.find((a) => a.name === 'foxtrot')!;
    expect(
      foxtrot.documents.map((d) => [d.file, d.kind, d.findings.filter((f) => f.ruleId === 'parse-error').map((f) => f.messageId)]),
    ).toEqual([
      ['foxtrot/arrangements.yaml', 'arrangements', []],
      ['foxtrot/broken.yaml', null, ['yaml-syntax']],
      ['foxtrot/report-2025-26.yaml', 'yearly-report', []],
      ['foxtrot/scan.md', null, ['binary']],
    ]);
  });

  test('provenance: versions, packs, as-of, an input hash per file', () => {
    const p = full.provenance;
    expect([p.tool, p.asOf, p.root, p.shard, p.mergedFrom]).toEqual(['wtlint', AS_OF, 'areas', null, []]);
    expect(p.packs.map((x) => [x.pack, x.edition, /^[0-9a-f]{64}$/.test(x.sha256)])).toEqual([
      ['wt2018', '2018', true],
      ['wt2023', '2023', true],
    ]);
    // What detection is written in and the calendar deadlines count on: a change to either changes results.
    const hashOf = (file: string) =>
      createHash('sha256')
        .update(readFileSync(join(packageRoot, file)))
        .digest('hex');
    expect(p.ruleData).toEqual(
      ['rules/phrases.yaml', 'rules/bank-holidays-england-and-wales.yaml', 'rules/inference.yaml'].map((file) => ({
        file,
        sha256: hashOf(file),
      })),
    );
    expect(p.inputs.length).toBe(14);
    expect(p.inputs.find((i) => i.file === 'charlie/arrangements.yaml')).toEqual({
      file: 'charlie/arrangements.yaml',
      sha256: createHash('sha256')
        .update(readFileSync(join(root, 'areas/charlie/arrangements.yaml')))
        .digest('hex'),
      edition: '2018',
      kind: 'arrangements',
      url: null, // put there by hand, not fetched
      retrieved: null,
    });
    expect(full.summary).toMatchObject({ areas: 6, documents: 14, areasWithErrors: 6 });
    expect(full.summary.groups.funding).toEqual({ present: 4, partial: 0, missing: 2, unavailable: 0, applicable: 6 });
  });

  test('terminal: the matrix and the overdue list', async () => {
    const run = await runCli(['audit', 'areas', '--as-of', AS_OF, '--jobs', '0'], root);
    const lines = run.stdout.split('\n');
    expect(lines.slice(3, 10)).toEqual([
      'Area     Partners  Scope  Scrutiny  Funding  Practice  Rpt-body  Rpt-acct  Rpt-learn  CDR  CDR-rpt  Errors  Warnings',
      `alpha    ●         ●      ●         ●        ●         ◐         ●         ●          ○    ○        ${full.areas[0]!.counts.errors}       ${full.areas[0]!.counts.warnings}`,
      expect.stringMatching(/^bravo    ●         ●      ○         ○        ●         ◐         ●         ●          ○    ○        \d/),
      expect.stringMatching(/^charlie  ●         ◐      ●         ●        ●         ○         ○         ○          ○    ○        \d/),
      expect.stringMatching(/^delta    ○         ○      ○         ○        ○         ◐         ●         ●          ○    ○        \d/),
      expect.stringMatching(/^echo     ●/),
      expect.stringMatching(/^foxtrot  ●/),
    ]);
    const at = lines.indexOf('Overdue reports (9):');
    expect(lines.slice(at, at + 10).filter((l) => !l.endsWith('no child death review report'))).toEqual([
      'Overdue reports (9):',
      '  bravo: yearly report due 2025-09-30, 419 days overdue; latest bravo/report-2023-24.yaml',
      '  charlie: no yearly report',
      '  delta: yearly report due 2026-09-30, 54 days overdue; latest delta/report-2024-25.yaml',
    ]);
    expect(run.code).toBe(1);
  });

  test('worker threads give the same report as the main thread', async () => {
    const threaded = await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'json', '--jobs', '2'], root);
    expect(threaded.stdout).toBe(fullRun.stdout);
    expect(threaded.code).toBe(1);
  });

  test('shard + merge gives the same reports as one run', async () => {
    const shards: string[] = [];
    const names: string[][] = [];
    for (const i of [1, 2, 3]) {
      const out = `shard-${i}.json`;
      const run = await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'json', '--jobs', '0', '--shard', `${i}/3`, '-o', out], root);
      expect(run.stdout).toBe('');
      shards.push(out);
      names.push((JSON.parse(readFileSync(join(root, out), 'utf8')) as AuditReport).areas.map((a) => a.name));
    }
    expect(names).toEqual([
      ['bravo', 'foxtrot'],
      ['charlie', 'delta'],
      ['alpha', 'echo'],
    ]);
    const merged = JSON.parse((await runCli(['merge', ...shards, '-f', 'json'], root)).stdout) as AuditReport;
    expect({ ...merged, provenance: { ...merged.provenance, mergedFrom: [] } }).toEqual(full);
    expect(merged.provenance.mergedFrom).toEqual(shards);
    for (const format of ['csv', 'terminal']) {
      const one = await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', format, '--jobs', '0'], root);
      const mergedRun = await runCli(['merge', ...shards, '-f', format], root);
      expect(mergedRun.stdout).toBe(one.stdout);
      expect(mergedRun.code).toBe(one.code);
    }
    expect((await runCli(['merge', shards[0]!, shards[1]!, '-f', 'json'], root)).stderr).toContain('shard 3/3 is missing');
    expect((await runCli(['merge', shards[0]!, shards[0]!], root)).code).toBe(2);
    // A shard made with another phrase vocabulary is refused: the same packs can then find other things.
    const other = JSON.parse(readFileSync(join(root, shards[2]!), 'utf8')) as AuditReport;
    other.provenance.ruleData[0]!.sha256 = '0'.repeat(64);
    writeFileSync(join(root, 'shard-other.json'), JSON.stringify(other));
    const refused = await runCli(['merge', shards[0]!, shards[1]!, 'shard-other.json'], root);
    expect([refused.code, refused.stderr]).toEqual([2, expect.stringContaining('other rule packs or rule data than')]);
  });

  test('--compare marks what is newly missing and what was resolved', async () => {
    const { root: later } = generateAreas();
    writeFileSync(join(root, 'previous.json'), fullRun.stdout);
    // bravo publishes funding; alpha loses its scrutineer; charlie publishes a 2023 report.
    writeFileSync(join(later, 'areas/bravo/arrangements.yaml'), arrangements2023('Bravo', '2024-10-01', ['scrutiny']));
    writeFileSync(join(later, 'areas/alpha/arrangements.yaml'), arrangements2023('Alpha', '2024-11-29', ['scrutiny']));
    writeFileSync(join(later, 'areas/charlie/report-2025-26.yaml'), report2023('Charlie', '2025-04-01', '2026-03-31', '2026-09-29'));
    const run = await runCli(
      ['audit', 'areas', '--as-of', AS_OF, '-f', 'json', '--jobs', '0', '--compare', join(root, 'previous.json')],
      later,
    );
    const report = JSON.parse(run.stdout) as AuditReport;
    expect(report.comparison).toEqual({
      previousAsOf: AS_OF,
      rulesChanged: [],
      newlyMissing: [{ area: 'alpha', column: 'arrangements/independent-scrutiny' }],
      resolved: [
        { area: 'bravo', column: 'arrangements/funding' },
        { area: 'charlie', column: 'yearly-report/report-period' },
        { area: 'charlie', column: 'yearly-report/priorities' },
        { area: 'charlie', column: 'yearly-report/independent-scrutiny' },
        { area: 'charlie', column: 'yearly-report/funding' },
        { area: 'charlie', column: 'yearly-report/education' },
        { area: 'charlie', column: 'yearly-report/practice-reviews' },
        { area: 'charlie', column: 'yearly-report/child-voice' },
        { area: 'charlie', column: 'yearly-report/training' },
        { area: 'charlie', column: 'yearly-report/submission' },
      ],
      newFindings: [],
      resolvedFindings: [{ area: 'charlie', ruleId: 'area-report-due' }],
    });
    expect(report.areas.find((a) => a.name === 'alpha')!.cells['arrangements/independent-scrutiny']!.change).toBe('newly-missing');
    const terminal = await runCli(['audit', 'areas', '--as-of', AS_OF, '--jobs', '0', '--compare', join(root, 'previous.json')], later);
    expect(terminal.stdout).toContain(
      `Since the audit as of ${AS_OF}: 1 newly missing, 10 resolved, 0 new area findings, 1 resolved\n  - alpha: arrangements/independent-scrutiny newly missing\n  + bravo: arrangements/funding resolved\n`,
    );
    // The previous audit made with another phrase vocabulary and pack: the comparison says so.
    const previous = JSON.parse(fullRun.stdout) as AuditReport;
    previous.provenance.ruleData[0]!.sha256 = '0'.repeat(64);
    previous.provenance.packs[1]!.sha256 = '0'.repeat(64);
    writeFileSync(join(root, 'previous-other.json'), JSON.stringify(previous));
    const compared = ['audit', 'areas', '--as-of', AS_OF, '--jobs', '0', '--compare', join(root, 'previous-other.json')];
    const other = JSON.parse((await runCli([...compared, '-f', 'json'], later)).stdout) as AuditReport;
    expect(other.comparison!.rulesChanged).toEqual(['pack wt2023', 'rules/phrases.yaml']);
    expect((await runCli(compared, later)).stdout).toContain(
      `  The previous audit was made with other rules (pack wt2023, rules/phrases.yaml): a change may come from them, not from a document.\n`,
    );
    expect((await runCli([...compared, '-f', 'html'], later)).stdout).toContain('made with other rules (pack wt2023, rules/phrases.yaml)');
    rmSync(later, { recursive: true, force: true });
  });

  test('rulesChanged: another version, pack or rule file, and rule files an older audit did not record', () => {
    const now = full.provenance;
    expect(rulesChanged(now, now)).toEqual([]);
    const { ruleData: _, ...older } = { ...now, wtlint: '0.0.9' };
    expect(rulesChanged(older as AuditReport['provenance'], now)).toEqual([
      `wtlint 0.0.9 (now ${now.wtlint})`,
      'rule files (not recorded in the previous audit)',
    ]);
    const calendar = { ...now, ruleData: now.ruleData.map((d) => (d.file.includes('bank-holidays') ? { ...d, sha256: 'x' } : d)) };
    expect(rulesChanged(calendar, now)).toEqual(['rules/bank-holidays-england-and-wales.yaml']);
  });

  test('-o writes the whole report or nothing, and leaves no temporary file', async () => {
    const run = await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'html', '--jobs', '0', '-o', 'out/report.html'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/out/report.html: ENOENT');
    const ok = await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'csv', '--jobs', '0', '-o', 'report.csv'], root);
    expect([ok.code, ok.stdout]).toEqual([1, '']);
    expect(
      readdirSync(root)
        .filter((f) => f.includes('report'))
        .sort(),
    ).toEqual(['report.csv']);
  });
});

describe('manifest, escaping and exit codes', () => {
  function manifestSet(areas: { name: string; files: Record<string, string> }[]): string {
    const dir = generateAreas().root;
    const lines = ['areas:'];
    for (const area of areas) {
      lines.push(`  - name: ${JSON.stringify(area.name)}`, Object.keys(area.files).length ? '    files:' : '    files: []');
      for (const [file, content] of Object.entries(area.files)) {
        if (content !== '') writeFileSync(join(dir, 'areas', file), content);
        lines.push(`      - ${JSON.stringify(file)}`);
      }
    }
    writeFileSync(join(dir, 'areas', 'areas.yaml'), `${lines.join('\n')}\n`);
    return dir;
  }

  test('a manifest names the areas; a listed file that is missing is a finding', async () => {
    const dir = manifestSet([
      { name: 'Only Alpha', files: { 'alpha/arrangements.yaml': '', 'alpha/report-2025-26.yaml': '', 'alpha/gone.md': '' } },
    ]);
    const report = JSON.parse((await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'json'], dir)).stdout) as AuditReport;
    expect(report.areas.map((a) => [a.name, a.documents.map((d) => d.file)])).toEqual([
      ['Only Alpha', ['alpha/arrangements.yaml', 'alpha/gone.md', 'alpha/report-2025-26.yaml']],
    ]);
    expect(report.areas[0]!.documents[1]!.findings.map((f) => [f.ruleId, f.messageId, f.message])).toEqual([
      ['parse-error', 'unreadable', 'The file is not there: it was moved, renamed or removed (ENOENT)'],
    ]);
    expect(report.provenance.inputs.find((i) => i.file === 'alpha/gone.md')!.sha256).toBe(null);
  });

  test('an area with no documents: everything missing, no arrangements, no report', async () => {
    const dir = manifestSet([{ name: 'Empty', files: {} }]);
    const report = JSON.parse((await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'json'], dir)).stdout) as AuditReport;
    expect([matrix(report), areaFindings(report).map((f) => [f.ruleId, f.messageId])]).toEqual([
      { Empty: '○'.repeat(48) },
      [
        ['wt2023/area-arrangements', 'none'],
        ['wt2023/area-report-due', 'none'],
        ['wt2023/area-cdr-arrangements', 'none'],
        ['wt2023/area-cdr-report-due', 'none'],
      ],
    ]);
  });

  test('exit 0 when no area has an error', async () => {
    const dir = manifestSet([{ name: 'Alpha', files: { 'alpha/arrangements.yaml': '', 'alpha/report-2025-26.yaml': '' } }]);
    writeFileSync(join(dir, 'wtlint.config.yaml'), 'rules:\n  activity: off\n  effectiveness: off\n  little-progress: off\n');
    const run = await runCli(['audit', 'areas', '--as-of', AS_OF], dir);
    expect(run.stdout).toContain('0 of 1 areas have errors');
    expect(run.code).toBe(0);
    writeFileSync(
      join(dir, 'wtlint.config.yaml'),
      'rules:\n  activity: off\n  effectiveness: off\n  little-progress: off\n  area-report-due: warning\n',
    );
    expect((await runCli(['audit', 'areas', '--as-of', '2028-01-01'], dir)).code).toBe(0);
  });

  test("the config file's ignore globs apply to area folders", async () => {
    const dir = generateAreas().root;
    writeFileSync(join(dir, 'wtlint.config.yaml'), 'ignore: ["areas/foxtrot/scan.md", "areas/*/broken.yaml"]\n');
    const report = JSON.parse((await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'json'], dir)).stdout) as AuditReport;
    expect(report.areas.find((a) => a.name === 'foxtrot')!.documents.map((d) => d.file)).toEqual([
      'foxtrot/arrangements.yaml',
      'foxtrot/report-2025-26.yaml',
    ]);
  });

  test('explain describes an area rule, with its notes', async () => {
    const run = await runCli(['explain', 'wt2023/area-edition-refresh'], root);
    const lines = run.stdout.split('\n');
    expect([run.code, lines[0], lines[2], lines.at(-2)]).toEqual([
      0,
      'wt2023/area-edition-refresh: Arrangements refreshed for the 2023 edition',
      '  Applies to: each area in `wtlint audit` (check edition-refreshed: {"edition":"2023","by":"2024-12-12"})',
      '  The 12 December 2024 date is to be confirmed against the guidance; it is data here.',
    ]);
  });

  test('exit 2 on usage errors', async () => {
    const dir = generateAreas().root;
    const codes = async (argv: string[]) => {
      const run = await runCli(argv, dir);
      return [run.code, run.stderr.split('\n')[0]];
    };
    expect(await codes(['audit', 'nowhere'])).toEqual([2, 'wtlint: No such folder: nowhere']);
    expect(await codes(['audit', 'areas', '--shard', '3/2'])).toEqual([2, 'wtlint: --shard "3/2" is not i/n']);
    expect(await codes(['audit', 'areas', '--as-of', '2026-02-30'])).toEqual([2, 'wtlint: --as-of "2026-02-30" is not a date']);
    expect(await codes(['audit', 'areas', '-f', 'pdf'])).toEqual([
      2,
      "error: option '-f, --format <name>' argument 'pdf' is invalid. Allowed choices are terminal, csv, json, html.",
    ]);
    expect(await codes(['audit', 'areas', '--compare', 'areas/alpha/arrangements.yaml'])).toEqual([
      2,
      'wtlint: Cannot read the previous audit areas/alpha/arrangements.yaml (not JSON)',
    ]);
    expect(await codes(['merge', 'areas/alpha/arrangements.yaml'])).toEqual([
      2,
      'wtlint: Cannot read the audit areas/alpha/arrangements.yaml (not JSON)',
    ]);
    writeFileSync(join(dir, 'areas', 'areas.yaml'), 'areas:\n  - name: x\n    file: [a.md]\n');
    expect((await codes(['audit', 'areas']))[0]).toBe(2);
  });

  test('CSV: every cell that could start a formula is neutralised', async () => {
    const names = ['=HYPERLINK("http://x.invalid","click")', '+1+1', '-2', '@SUM(A1)', '\tTab', 'Plain, "quoted"'];
    const dir = manifestSet(
      names.map((name, i) => ({ name, files: { [`alpha/a${i}.yaml`]: arrangements2023('Alpha', '2024-11-29', [], { area: name }) } })),
    );
    const csvText = (await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'csv'], dir)).stdout;
    const expected = [`"'=HYPERLINK(""http://x.invalid"",""click"")"`, "'+1+1", "'-2", "'@SUM(A1)", "'\tTab", '"Plain, ""quoted"""'];
    expect(expected.map((cell) => csvText.includes(`\r\n${cell},arrangements,safeguarding-partners,partners,present,`))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(csvText.split('\r\n').filter((row) => /^[=+\-@\t\r]/.test(row))).toEqual([]);
  });

  test('HTML: text from documents is escaped; no script, no external request', async () => {
    const evil = '<script>alert(1)</script>';
    const dir = manifestSet([
      {
        name: evil,
        files: {
          'alpha/evil.yaml': arrangements2023('Alpha', '2024-11-29', ['funding'], {
            area: evil,
            relevant_agencies: ['<img src=x onerror=alert(2)>'],
          }),
        },
      },
    ]);
    const page = (await runCli(['audit', 'areas', '--as-of', AS_OF, '-f', 'html'], dir)).stdout;
    expect(page).not.toMatch(/<script|<img|onerror=alert\(2\)>/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;: ');
    expect(page).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(page.match(/\b(?:src|href)="[^"#][^"]*"/g)).toEqual(null);
    expect(page.match(/url\(/g)).toEqual(null);
  });
});
