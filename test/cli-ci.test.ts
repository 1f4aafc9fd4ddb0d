// The CI-facing CLI: several formats in one run, the GitHub job summary, standard input
// with --stdin-filename in every format, exit codes with --max-warnings and baselines.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledLinter } from '../src/engine/resources.js';
import { FORMAT_NAMES } from '../src/report/index.js';
import { cli, tempFolder } from './helpers/cli.js';

const elements = [...new Set(bundledLinter().packs.flatMap((p) => p.rules.map((r) => r.element)))];
/** Every rule off but funding (error) and dates (warning): a.md has one warning, b.yaml one error. */
const CONFIG = `rules:\n${elements.map((e) => `  ${e}: ${e === 'funding' ? 'error' : e === 'dates' ? 'warning' : 'off'}`).join('\n')}\n`;
const A_MD =
  '---\nkind: arrangements\nedition: 2023\npublished: 2099-01-01\n---\n# Northshire arrangements\n\n## Funding\n\nThe three partners contribute equally to a shared annual budget of £300,000 agreed each March.\n';
const B_YAML = 'kind: arrangements\nedition: 2023\npublished: 2025-01-01\n';

let root: string;
beforeEach(() => {
  root = tempFolder({ 'wtlint.config.yaml': CONFIG, 'docs/a.md': A_MD, 'docs/b.yaml': B_YAML, 'out/.keep': '' });
});
const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('several formats in one run', () => {
  it('writes each --format to the --output after it, and the one without -o to stdout', async () => {
    const both = await cli(root, ['check', 'docs', '-f', 'sarif', '-o', 'out/a.sarif', '-f', 'junit', '-o', 'b.xml', '-f', 'markdown']);
    expect([both.code, both.stderr]).toEqual([1, '']);
    for (const [format, file] of [
      ['sarif', 'out/a.sarif'],
      ['junit', 'b.xml'],
    ] as const) {
      const alone = await cli(root, ['check', 'docs', '-f', format]);
      expect(read(file)).toBe(alone.stdout);
    }
    expect(both.stdout).toBe((await cli(root, ['check', 'docs', '-f', 'markdown'])).stdout);
  });

  it('pairs an --output given before its --format', async () => {
    const result = await cli(root, ['check', 'docs', '-o', 'r.json', '-f', 'json']);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(JSON.parse(read('r.json')).summary).toEqual({ documents: 2, errors: 1, warnings: 1, infos: 0, accepted: 0 });
    const alone = await cli(root, ['check', 'docs', '-o', 'only.txt']);
    expect([alone.code, alone.stdout, read('only.txt')]).toEqual([1, '', (await cli(root, ['check', 'docs'])).stdout]);
  });

  it('refuses two formats on stdout, an output named twice, an orphan output and an unknown format (exit 2)', async () => {
    const cases = [
      ['-f', 'json', '-f', 'sarif'],
      ['-f', 'json', '-o', 'x', '-f', 'sarif', '-o', 'x'],
      ['-f', 'json', '-o', 'x', '-o', 'y'],
      ['-f', 'bogus'],
    ];
    const outcomes = [];
    for (const flags of cases) {
      const r = await cli(root, ['check', 'docs', ...flags]);
      outcomes.push([r.code, r.stdout, r.stderr.split('\n')[0]]);
    }
    expect(outcomes).toEqual([
      [2, '', 'wtlint: json and sarif would both go to standard output'],
      [2, '', 'wtlint: --output x is given twice'],
      [2, '', 'wtlint: --output y has no --format'],
      [2, '', `error: option '-f, --format <name>' argument 'bogus' is invalid. Allowed choices are ${FORMAT_NAMES.join(', ')}.`],
    ]);
    expect(existsSync(join(root, 'x'))).toBe(false);
  });
});

describe('GitHub job summary', () => {
  it('appends the Markdown summary to $GITHUB_STEP_SUMMARY when the github format runs', async () => {
    writeFileSync(join(root, 'summary.md'), '# earlier step\n');
    const r = await cli(root, ['check', 'docs', '-f', 'github'], { env: { GITHUB_STEP_SUMMARY: join(root, 'summary.md') } });
    const markdown = await cli(root, ['check', 'docs', '-f', 'markdown']);
    expect(r.code).toBe(1);
    expect(read('summary.md')).toBe(`# earlier step\n${markdown.stdout}\n`);
    expect(r.stdout.split('\n')).toEqual([
      "::error file=docs/b.yaml,line=1,col=1,title=Funding (wt2023/funding)::Funding not addressed: expected a section on it, a sentence that deals with it or the `funding` field%0AWorking Together 2023, chapter 2 (funding: a shared budget, equitable and proportionate contributions)%0AWhat to add: Set out the shared annual budget, each partner's contribution (equitable and proportionate) and what it pays for, or give `funding:` with `total` and `contributions`.",
      expect.stringMatching(
        /^::warning file=docs\/a\.md,line=4,endLine=4,col=1,endColumn=\d+,title=Dates in the future \(wt2023\/dates\)::/,
      ),
      '',
    ]);
  });
  it('leaves $GITHUB_STEP_SUMMARY alone for other formats', async () => {
    await cli(root, ['check', 'docs', '-f', 'json'], { env: { GITHUB_STEP_SUMMARY: join(root, 'summary.md') } });
    expect(existsSync(join(root, 'summary.md'))).toBe(false);
  });
});

describe('standard input with --stdin-filename', () => {
  for (const format of FORMAT_NAMES) {
    it(`reports under the given name in ${format}, parsed by its extension`, async () => {
      const fromStdin = await cli(root, ['check', '-', '--stdin-filename', 'docs/b.yaml', '-f', format], {
        stdin: new TextEncoder().encode(B_YAML),
      });
      const fromFile = await cli(root, ['check', 'docs/b.yaml', '-f', format]);
      expect([fromStdin.code, fromStdin.stdout]).toEqual([1, fromFile.stdout]);
      expect(fromStdin.stdout).toContain('docs/b.yaml');
    });
  }
});

describe('inline disables from the CLI', () => {
  it('applies requireDisableReason from the config and --report-unused-disables', async () => {
    writeFileSync(join(root, 'wtlint.config.yaml'), `${CONFIG}requireDisableReason: true\n`);
    writeFileSync(
      join(root, 'docs/b.yaml'),
      `${B_YAML}# wtlint-disable funding\n# wtlint-disable-next-line vcse -- no such finding\nx: 1\n`,
    );
    const r = await cli(root, ['check', 'docs/b.yaml', '--report-unused-disables', '-f', 'json']);
    const findings = JSON.parse(r.stdout).documents[0].findings.map((f: any) => [f.line, f.ruleId, f.messageId, f.severity]);
    expect([r.code, findings]).toEqual([
      1,
      [
        [4, 'disable-directive', 'missing-reason', 'error'],
        [5, 'disable-directive', 'unused', 'error'],
      ],
    ]);
  });
});

describe('exit codes', () => {
  it('counts warnings against --max-warnings', async () => {
    const codes = [];
    for (const flags of [[], ['--max-warnings', '1'], ['--max-warnings', '0'], ['--max-warnings', 'x']]) {
      codes.push((await cli(root, ['check', 'docs/a.md', '-f', 'json', ...flags])).code);
    }
    expect(codes).toEqual([0, 0, 1, 2]);
  });
});

describe('baselines', () => {
  const baselineArgs = ['baseline', 'docs', '--reason', 'Agreed with the lead partners on 2026-11-20', '--until', '2027-03-31'];

  it("writes today's findings, then check --baseline passes and lists them as accepted", async () => {
    const written = await cli(root, baselineArgs);
    expect([written.code, written.stdout, written.stderr]).toEqual([
      0,
      '',
      'wtlint: wrote wtlint-baseline.yaml: 2 entries accepting 2 findings in 2 documents\n',
    ]);
    expect(read('wtlint-baseline.yaml')).toBe(
      [
        '# wtlint baseline: accepted deviations, written by `wtlint baseline`.',
        '# `wtlint check --baseline wtlint-baseline.yaml` fails only on findings not accepted here.',
        '# Each entry accepts up to `count` findings of `rule` in `file`. Give every entry a real',
        '# reason (who agreed it, and when it will be fixed); `until: YYYY-MM-DD` makes it expire.',
        '',
        'version: 1',
        'asOf: 2026-11-23',
        'entries:',
        '  - rule: wt2023/dates',
        '    file: docs/a.md',
        '    element: dates',
        '    count: 1',
        '    reason: Agreed with the lead partners on 2026-11-20',
        '    until: 2027-03-31',
        '  - rule: wt2023/funding',
        '    file: docs/b.yaml',
        '    element: funding',
        '    count: 1',
        '    reason: Agreed with the lead partners on 2026-11-20',
        '    until: 2027-03-31',
        '',
      ].join('\n'),
    );
    const checked = await cli(root, ['check', 'docs', '--baseline', 'wtlint-baseline.yaml', '--max-warnings', '0', '-f', 'json']);
    const json = JSON.parse(checked.stdout);
    expect([checked.code, json.summary]).toEqual([0, { documents: 2, errors: 0, warnings: 0, infos: 0, accepted: 2 }]);
    expect(json.documents.map((d: any) => d.findings.map((f: any) => [f.ruleId, f.accepted]))).toEqual([
      [['wt2023/dates', { reason: 'Agreed with the lead partners on 2026-11-20', until: '2027-03-31' }]],
      [['wt2023/funding', { reason: 'Agreed with the lead partners on 2026-11-20', until: '2027-03-31' }]],
    ]);
  });

  it('fails only on new findings', async () => {
    await cli(root, baselineArgs);
    writeFileSync(join(root, 'docs/c.yaml'), B_YAML);
    const r = await cli(root, ['check', 'docs', '--baseline', 'wtlint-baseline.yaml', '-f', 'json']);
    const json = JSON.parse(r.stdout);
    expect([r.code, json.summary]).toEqual([1, { documents: 3, errors: 1, warnings: 0, infos: 0, accepted: 2 }]);
    expect(json.documents.map((d: any) => [d.file, d.findings.map((f: any) => [f.ruleId, Boolean(f.accepted)])])).toEqual([
      ['docs/a.md', [['wt2023/dates', true]]],
      ['docs/b.yaml', [['wt2023/funding', true]]],
      ['docs/c.yaml', [['wt2023/funding', false]]],
    ]);
  });

  it('reports expired entries (their findings count again) and stale ones', async () => {
    await cli(root, baselineArgs);
    writeFileSync(join(root, 'docs/a.md'), A_MD.replace('2099-01-01', '2025-01-01'));
    const r = await cli(root, ['check', 'docs', '--baseline', 'wtlint-baseline.yaml', '--as-of', '2027-04-01', '-f', 'json']);
    const json = JSON.parse(r.stdout);
    expect(r.code).toBe(1);
    expect(
      json.documents.map((d: any) => d.findings.map((f: any) => [f.ruleId, f.messageId, f.severity, f.message, Boolean(f.accepted)])),
    ).toEqual([
      [
        [
          'baseline',
          'stale',
          'warning',
          'The baseline entry for wt2023/dates (wtlint-baseline.yaml:9) matches no finding any more; remove it',
          false,
        ],
      ],
      [
        [
          'baseline',
          'expired',
          'warning',
          'The accepted deviation for wt2023/funding (wtlint-baseline.yaml:15) expired on 2027-03-31; its finding counts again',
          false,
        ],
        [
          'wt2023/funding',
          'missing',
          'error',
          'Funding not addressed: expected a section on it, a sentence that deals with it or the `funding` field',
          false,
        ],
      ],
    ]);
  });

  it('keeps hand-written reasons when the baseline is taken again, and drops entries that no longer match', async () => {
    await cli(root, baselineArgs);
    writeFileSync(
      join(root, 'wtlint-baseline.yaml'),
      read('wtlint-baseline.yaml').replace(/reason: Agreed .*\n(\s+until: 2027-03-31\n)$/, 'reason: Budget agreed at the March board\n'),
    );
    writeFileSync(join(root, 'docs/a.md'), A_MD.replace('2099-01-01', '2025-01-01'));
    await cli(root, ['baseline', 'docs']);
    expect(read('wtlint-baseline.yaml').split('entries:\n')[1]).toBe(
      '  - rule: wt2023/funding\n    file: docs/b.yaml\n    element: funding\n    count: 1\n    reason: Budget agreed at the March board\n',
    );
  });

  it('rejects a malformed baseline with file:line:column (exit 2)', async () => {
    writeFileSync(
      join(root, 'bad.yaml'),
      'version: 1\nentries:\n  - rule: wt2023/funding\n    file: docs/b.yaml\n    element: funding\n    count: 0\n    reason: x\n',
    );
    const r = await cli(root, ['check', 'docs', '--baseline', 'bad.yaml']);
    expect([r.code, r.stdout, r.stderr.split('\n')[0]]).toEqual([2, '', 'wtlint: bad.yaml:6:5 `entries.0.count` must be >= 1']);
  });
});
