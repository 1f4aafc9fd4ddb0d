// Dated requirements: a rule's `in_force` decides on which days it judges a document. The
// Children's Wellbeing and Schools Act 2026 rules wait for commencement regulations (`from: null`):
// off, listed by `rules --upcoming`, reported at info by `check --upcoming`; once one line of
// data gives the day, --as-of switches them on and off by itself.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledVocabulary, cli } from './helpers.js';
import { bundledLinter, loadDocumentSchemas, readJson } from '../src/engine/resources.js';
import { loadPack } from '../src/pack/load.js';
import { createLinter } from '../src/lint.js';
import { ruleState } from '../src/check/in-force.js';
import type { LintOptions } from '../src/types.js';

const S2 = 'wt2023/designated-education-agencies';
const S3 = 'wt2023/child-protection-teams';

/** Arrangements that name no designated agencies and no child protection team. */
const WITHOUT = `---
kind: arrangements
edition: 2023
published: 2024-12-05
---
# Northshire Safeguarding Children Partnership

## Education

Schools, colleges and early years settings are represented on the Executive by two headteachers.
`;

/** The same, with both sections the Act will ask for. */
const WITH = `${WITHOUT}
## Designated childcare and education agencies

The arrangements include every designated education agency in Northshire: the maintained schools,
academies, Northshire College and the registered early years providers.

## Multi-agency child protection teams

Northshire's multi-agency child protection team brings together social workers, a named nurse,
police officers and a designated safeguarding lead from a secondary school.
`;

const pick = (findings: { ruleId: string; severity: string; messageId: string; message: string; line: number; column: number }[]) =>
  findings
    .filter((f) => f.ruleId === S2 || f.ruleId === S3)
    .map(({ ruleId, severity, messageId, message, line, column }) => ({ ruleId, severity, messageId, message, line, column }));

/** The bundled wt2023 pack with its text edited (a commencement day set, say). */
function linterWith(edit: (text: string) => string) {
  const text = edit(readFileSync('rules/wt2023.yaml', 'utf8'));
  return createLinter(
    [loadPack(text, 'rules/wt2023.yaml', readJson('schemas/rule-pack.schema.json'), bundledVocabulary())],
    loadDocumentSchemas(['2023']),
  );
}

const commenced = (day: string) => (text: string) =>
  text.replace(/(designated-education-agencies\n[\s\S]*?in_force:\n    from: )null/, `$1'${day}'`);

describe('a requirement whose commencement date is not yet known', () => {
  const linter = bundledLinter();
  const lint = (text: string, options: Partial<LintOptions> = {}) =>
    linter.lint({ path: 'a.md', text }, { asOf: '2026-12-05', ...options });

  it('never judges a document, on any day', () => {
    for (const asOf of ['2026-12-05', '2031-01-01']) {
      const result = lint(WITHOUT, { asOf });
      expect(pick(result.findings)).toEqual([]);
      expect(result.elements).not.toHaveProperty('designated-education-agencies');
    }
  });

  it('with --upcoming: one info finding each, saying from when, on whose authority and what to do', () => {
    expect(pick(lint(WITHOUT, { upcoming: true }).findings)).toEqual([
      {
        ruleId: S3,
        severity: 'info',
        messageId: 'upcoming',
        message:
          "From a date to be set by regulations, Children's Wellbeing and Schools Act 2026 s3: describe the multi-agency child protection team and how it works with the arrangements",
        line: 1,
        column: 1,
      },
      {
        ruleId: S2,
        severity: 'info',
        messageId: 'upcoming',
        message:
          "From a date to be set by regulations, Children's Wellbeing and Schools Act 2026 s2: name the designated childcare and education agencies the arrangements include",
        line: 1,
        column: 1,
      },
    ]);
  });

  it('with --upcoming: nothing for arrangements that already meet it, and no element status before it is in force', () => {
    const result = lint(WITH, { upcoming: true });
    expect(pick(result.findings)).toEqual([]);
    expect(result.elements).not.toHaveProperty('child-protection-teams');
  });
});

describe('a requirement with a known commencement day switches on by itself', () => {
  const linter = linterWith(commenced('2027-09-01'));
  const lint = (text: string, options: Partial<LintOptions>) =>
    pick(linter.lint({ path: 'a.md', text }, { asOf: '2027-08-31', ...options }).findings).filter((f) => f.ruleId === S2);

  it('the day before: off; --upcoming says the day', () => {
    expect(lint(WITHOUT, {})).toEqual([]);
    expect(lint(WITHOUT, { upcoming: true }).map((f) => f.message)).toEqual([
      "From 2027-09-01, Children's Wellbeing and Schools Act 2026 s2: name the designated childcare and education agencies the arrangements include",
    ]);
  });

  it('on the day: an error for arrangements that do not meet it, none for those that do', () => {
    expect(lint(WITHOUT, { asOf: '2027-09-01' })).toEqual([
      {
        ruleId: S2,
        severity: 'error',
        messageId: 'missing',
        message: expect.stringMatching(/^Designated childcare and education agencies not addressed/),
        line: 1,
        column: 1,
      },
    ]);
    expect(lint(WITH, { asOf: '2027-09-01' })).toEqual([]);
  });

  it('until: off again from that day', () => {
    const ended = linterWith((text) =>
      commenced('2027-09-01')(text).replace("from: '2027-09-01'", "from: '2027-09-01'\n    until: '2030-01-01'"),
    );
    const at = (asOf: string) =>
      pick(ended.lint({ path: 'a.md', text: WITHOUT }, { asOf, upcoming: true }).findings)
        .filter((f) => f.ruleId === S2)
        .map((f) => f.severity);
    expect([at('2029-12-31'), at('2030-01-01')]).toEqual([['error'], []]);
  });
});

describe('in_force data', () => {
  it('ruleState: no dates, a window, an unknown start', () => {
    expect(ruleState({}, '2020-01-01')).toBe('in-force');
    const window = { in_force: { from: '2027-09-01', until: '2030-01-01', source: 's', change: 'c' } };
    expect(['2027-08-31', '2027-09-01', '2029-12-31', '2030-01-01'].map((d) => ruleState(window, d))).toEqual([
      'upcoming',
      'in-force',
      'in-force',
      'ended',
    ]);
    expect(ruleState({ in_force: { from: null, source: 's', change: 'c' } }, '2099-01-01')).toBe('upcoming');
  });

  it('an end before the start is a pack error with file:line:column', () => {
    expect(() =>
      linterWith((text) => commenced('2027-09-01')(text).replace("from: '2027-09-01'", "from: '2027-09-01'\n    until: '2027-01-01'")),
    ).toThrow(/^rules\/wt2023\.yaml:\d+:\d+ rules\[\d+\]\.in_force\.until: until \(2027-01-01\) must be after from \(2027-09-01\)$/);
  });

  it('a rule dated without its source is rejected when the pack loads', () => {
    expect(() => linterWith((text) => text.replace("    source: Children's Wellbeing and Schools Act 2026 s2\n", ''))).toThrow(
      /in_force.*source/,
    );
  });
});

describe('the CLI', () => {
  it('rules --upcoming lists what is coming with its source; --as-of past a known day lists nothing', async () => {
    const { code, stdout } = await cli(['rules', '--upcoming', '--as-of', '2026-12-05']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `${S2}  arrangements  Designated childcare and education agencies\n  from a date to be set by regulations; Children's Wellbeing and Schools Act 2026 s2\n  → name the designated childcare and education agencies the arrangements include`,
    );
    expect(stdout).toContain(S3);
    expect(stdout).toMatch(/2 requirements not yet in force on 2026-12-05/);
    const json = JSON.parse((await cli(['rules', '--upcoming', '--json'])).stdout) as { ruleId: string; in_force: { from: null } }[];
    expect(json.map((r) => [r.ruleId, r.in_force.from])).toEqual([
      [S2, null],
      [S3, null],
    ]);
  });

  it('check --upcoming reports at info and does not change the exit code', async () => {
    const plain = await cli(['check', 'examples/northshire/arrangements.md', '--as-of', '2026-12-05', '-f', 'json']);
    const upcoming = await cli(['check', 'examples/northshire/arrangements.md', '--as-of', '2026-12-05', '--upcoming', '-f', 'json']);
    const ids = (out: string) =>
      (JSON.parse(out) as { documents: { findings: { ruleId: string; severity: string }[] }[] }).documents[0]!.findings.filter(
        (f) => f.ruleId === S2,
      ).map((f) => f.severity);
    expect([ids(plain.stdout), ids(upcoming.stdout)]).toEqual([[], ['info']]);
    expect(upcoming.code).toBe(plain.code);
  });

  it('explain shows the dates', async () => {
    const { stdout } = await cli(['explain', S2]);
    expect(stdout).toContain(
      "  In force:   from a date to be set by regulations; Children's Wellbeing and Schools Act 2026 s2\n  Will ask:   name the designated childcare and education agencies the arrangements include",
    );
  });
});
