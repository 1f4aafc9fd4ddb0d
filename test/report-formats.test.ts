// Every reporter, golden-tested on one shared results fixture; SARIF validated against
// the official schema; the properties each CI consumer relies on pinned exactly.
import { describe, expect, it } from 'vitest';
import { sarifSchemaErrors } from './helpers/sarif-schema.js';
import type { FormatName } from '../src/report/index.js';
import { checkReporters as reporters } from './helpers/registries.js';
import { fitSummary, githubStepSummary } from '../src/report/github.js';
import { expectGolden } from './helpers/golden.js';
import { contextFor, loadMixed } from './helpers/results-fixture.js';

const EXTENSION: Record<string, string> = {
  stylish: 'txt',
  json: 'json',
  sarif: 'sarif',
  junit: 'xml',
  github: 'txt',
  gitlab: 'json',
  markdown: 'md',
  html: 'html',
};
const FORMATS: FormatName[] = ['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab', 'markdown', 'html'];
const fixture = loadMixed();
const ctx = contextFor(fixture);
const render = (format: FormatName) => reporters[format](fixture.results, ctx);

describe('reporters on the shared fixture (test/fixtures/results/mixed.json)', () => {
  for (const format of FORMATS) {
    it(`${format} matches its golden file`, () => {
      expectGolden(`mixed/${format}.${EXTENSION[format]}`, render(format));
    });
  }
  it('the GitHub job summary matches its golden file', () => {
    expectGolden('mixed/github-summary.md', githubStepSummary(fixture.results, ctx));
  });
  it('every registered format has a golden test here', () => {
    expect(Object.keys(reporters).filter((f) => !FORMATS.includes(f as FormatName))).toEqual([]);
  });
});

describe('sarif', () => {
  const log = JSON.parse(render('sarif'));
  const run = log.runs[0];

  it('validates against the official SARIF 2.1.0 schema', () => {
    expect(sarifSchemaErrors(log) ?? []).toEqual([]);
  });

  it('gives every result a ruleIndex that points at its ruleId', () => {
    const pairs = run.results.map((r: { ruleId: string; ruleIndex: number }) => [r.ruleId, run.tool.driver.rules[r.ruleIndex].id]);
    expect(pairs).toEqual(run.results.map((r: { ruleId: string }) => [r.ruleId, r.ruleId]));
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
      'parse-error',
      'wt2018/edition',
      'wt2023/dates',
      'wt2023/education',
      'wt2023/funding',
      'wt2023/vcse',
    ]);
  });

  it('uses repository-relative, percent-encoded URIs and distinct stable fingerprints', () => {
    const rows = run.results.map((r: any) => [
      r.locations[0].physicalLocation.artifactLocation.uri,
      r.partialFingerprints.primaryLocationLineHash.replace(/^[0-9a-f]{32}/, 'H'),
    ]);
    expect(rows).toEqual([
      ['areas/north%2C%20east%3A%20shire/arrangements.md', 'H:1'],
      ['areas/north%2C%20east%3A%20shire/arrangements.md', 'H:1'],
      ['areas/north%2C%20east%3A%20shire/arrangements.md', 'H:1'],
      ['areas/north%2C%20east%3A%20shire/arrangements.md', 'H:2'],
      ['areas/north%2C%20east%3A%20shire/arrangements.md', 'H:1'],
      ['broken%25.yaml', 'H:1'],
      ['clean/yearly-report.md', 'H:1'],
    ]);
    const prints = run.results.map((r: any) => r.partialFingerprints.primaryLocationLineHash);
    expect(new Set(prints).size).toBe(prints.length);
    // Moving a finding to another line does not change its fingerprint.
    const moved = structuredClone(fixture.results);
    moved[0]!.findings[1]!.line = 40;
    const again = JSON.parse(reporters.sarif(moved, ctx)).runs[0].results[1].partialFingerprints;
    expect(again).toEqual(run.results[1].partialFingerprints);
  });

  it('marks an accepted deviation as a suppressed note', () => {
    const accepted = run.results.find((r: any) => r.ruleId === 'wt2023/education');
    expect([accepted.level, accepted.suppressions]).toEqual([
      'note',
      [
        {
          kind: 'external',
          status: 'accepted',
          justification:
            'Accepted deviation: Agreed with the lead partners: education section due in the March 2027 revision (until 2027-03-31)',
        },
      ],
    ]);
  });
});

describe('junit', () => {
  const xml = render('junit');
  it('has one testcase per requirement per document, with unique names', () => {
    const names = [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(names).toEqual([
      'areas/north, east: shire/arrangements.md wt2023/dates',
      'areas/north, east: shire/arrangements.md wt2023/dispute-resolution',
      'areas/north, east: shire/arrangements.md wt2023/education',
      'areas/north, east: shire/arrangements.md wt2023/funding',
      'areas/north, east: shire/arrangements.md wt2023/independent-scrutiny',
      'areas/north, east: shire/arrangements.md wt2023/vcse',
      'broken%.yaml parse-error',
      'clean/yearly-report.md wt2018/activity',
      'clean/yearly-report.md wt2018/edition',
    ]);
    expect(new Set(names).size).toBe(names.length);
  });
  it('counts failures for errors only, skips accepted and not-applicable requirements', () => {
    expect(xml.split('\n')[1]).toBe('<testsuites name="wtlint" tests="9" failures="2" errors="0" skipped="2" time="0">');
  });
});

describe('gitlab', () => {
  const text = render('gitlab');
  it('has no byte-order mark and unique fingerprints', () => {
    expect(text.charCodeAt(0)).toBe('['.charCodeAt(0));
    const prints = (JSON.parse(text) as { fingerprint: string }[]).map((i) => i.fingerprint);
    expect(new Set(prints).size).toBe(7);
  });
});

describe('GitHub job summary size', () => {
  it('keeps the totals table and says the findings are left out when the summary would pass the limit', () => {
    const full = githubStepSummary(fixture.results, ctx);
    const totals = full.split('\n### ')[0]!.trimEnd();
    expect(fitSummary(full, 1_000_000)).toBe(full);
    expect(fitSummary(full, 100)).toBe(
      `${totals}\n\n> The findings of each document are left out here: GitHub keeps at most 1 MiB of job summary per step. They are in the annotations and the job log.\n\n`,
    );
  });
});
