// The ready-made integrations in examples/ci/ and .pre-commit-hooks.yaml: their wtlint
// command lines are run in-process on a small repository, so they cannot drift from the CLI.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, tempFolder } from './helpers/cli.js';
import { sarifSchemaErrors } from './helpers/sarif-schema.js';

const ROOT = join(import.meta.dirname, '..');
const readYaml = (path: string) => parse(readFileSync(join(ROOT, path), 'utf8'));
const DOC = 'kind: arrangements\nedition: 2023\npublished: 2025-01-01\n';

/** The wtlint arguments of a shell line, with "$VAR" taken from `vars`. */
function wtlintArgs(line: string, vars: Record<string, string>): string[] {
  const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => (m[1] ?? m[2]!).replace(/\$([A-Z_]+)/g, (_, v: string) => vars[v] ?? ''));
  expect(words[0]).toBe('wtlint');
  return words.slice(1);
}

let repo: string;
beforeEach(async () => {
  repo = tempFolder({ 'docs/arrangements.yaml': DOC });
  expect((await cli(repo, ['baseline', 'docs', '--reason', 'adopting wtlint'])).code).toBe(0);
});

describe('examples/ci', () => {
  it('holds only dot-files, which wtlint never takes for documents', async () => {
    const r = await cli(ROOT, ['check', 'examples/ci', '-f', 'json']);
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'wtlint: No documents found in examples/ci']);
  });

  it('the GitHub Actions workflow writes annotations, a job summary and SARIF, and passes on the baseline', async () => {
    const workflow = readYaml('examples/ci/.github/workflows/wtlint.yml');
    const steps = workflow.jobs.wtlint.steps as { run?: string; uses?: string; with?: Record<string, string> }[];
    const line = steps.find((s) => s.run?.startsWith('wtlint '))!.run!;
    const r = await cli(repo, wtlintArgs(line, workflow.env), { env: { GITHUB_STEP_SUMMARY: join(repo, 'summary.md') } });
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::notice title=wtlint::18 notices: GitHub shows at most 10 annotations of each level per step; the rest are in this log and in the job summary.',
    );
    const accepted =
      /^::notice file=docs\/arrangements\.yaml,line=1,col=1,title=[^:]+ \(wt2023\/[a-z-]+%2C accepted\)::.*Accepted deviation: adopting wtlint\./;
    // Accepted: the baseline's 17; the one info (no child death review section) is never baselined.
    expect([
      lines.length,
      lines
        .slice(1)
        .filter((l) => !accepted.test(l))
        .map((l) => /\((wt2023\/[a-z-]+)\)::/.exec(l)?.[1]),
    ]).toEqual([19, ['wt2023/child-death-review']]);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    const sarif = JSON.parse(readFileSync(join(repo, upload.with!.sarif_file!), 'utf8'));
    expect([sarif.version, sarif.runs[0].results.length, existsSync(join(repo, 'summary.md'))]).toEqual(['2.1.0', 18, true]);
    expect(sarifSchemaErrors(sarif) ?? []).toEqual([]);
  });

  it('the GitLab CI job writes Code Quality and JUnit reports where its artifacts expect them', async () => {
    const job = readYaml('examples/ci/.gitlab-ci.yml').wtlint;
    const line = (job.script as string[]).find((s) => s.startsWith('wtlint '))!;
    const r = await cli(repo, wtlintArgs(line, job.variables));
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').slice(-2)).toEqual([
      '✔ No errors or warnings in 1 document (1 info, 17 accepted)',
      'The info finding is an observation to check, not a failure; --verbose lists it.',
    ]);
    const codequality = JSON.parse(readFileSync(join(repo, job.artifacts.reports.codequality), 'utf8'));
    const junit = readFileSync(join(repo, job.artifacts.reports.junit), 'utf8');
    expect([codequality.length, junit.split('\n')[1]]).toEqual([
      18,
      '<testsuites name="wtlint" tests="18" failures="0" errors="0" skipped="16" time="0">',
    ]);
  });

  it('the pre-commit hook runs `wtlint check` on the files pre-commit passes', async () => {
    const [hook] = readYaml('.pre-commit-hooks.yaml');
    const [repoEntry] = readYaml('examples/ci/.pre-commit-config.yaml').repos;
    expect([hook.id, hook.language, repoEntry.hooks[0].id]).toEqual(['wtlint', 'node', 'wtlint']);
    const file = 'docs/arrangements.yaml';
    expect([
      new RegExp(hook.files).test(file),
      new RegExp(repoEntry.hooks[0].files).test(file),
      new RegExp(hook.exclude).test('wtlint-baseline.yaml'),
    ]).toEqual([true, true, true]);
    const r = await cli(repo, [...wtlintArgs(hook.entry, {}), ...repoEntry.hooks[0].args, file]);
    expect(r.code).toBe(0);
    const failing = await cli(repo, [...wtlintArgs(hook.entry, {}), file]);
    expect(failing.code).toBe(1);
  });
});
