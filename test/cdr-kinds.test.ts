// The two child death review kinds from the outside: told from a title or file name when the
// front matter does not say, a starting document from `wtlint init`, and `wtlint rules` listing them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, lintText, tempDir } from './helpers.js';

const kindOf = (path: string, text: string) => {
  const result = lintText(path, text);
  return [result.kind, result.findings.find((f) => f.ruleId.endsWith('/kind'))?.message ?? null];
};

describe('kind from the title or the file name', () => {
  it("a CDOP annual report is a cdr-report, not the safeguarding partners' yearly report", () => {
    expect(kindOf('report.md', '# Northshire and Westmoor Child Death Overview Panel annual report 2024-25\n')[0]).toBe('cdr-report');
    expect(kindOf('report.md', '# Annual report of the child death review partners\n')[0]).toBe('cdr-report');
    expect(kindOf('cdop-annual-report-2024-25.md', '# 2024-25\n')[0]).toBe('cdr-report');
  });

  it('child death review arrangements are cdr-arrangements, not safeguarding arrangements', () => {
    expect(kindOf('page.md', '# Northshire child death review arrangements\n')[0]).toBe('cdr-arrangements');
    expect(kindOf('cdr-arrangements.md', '# Our arrangements\n')[0]).toBe('cdr-arrangements');
  });

  it('the other kinds are told as before', () => {
    expect(kindOf('page.md', '# Northshire Safeguarding Children Partnership annual report 2024-25\n')[0]).toBe('yearly-report');
    expect(kindOf('page.md', '# Multi-agency safeguarding arrangements\n')[0]).toBe('arrangements');
  });
});

describe('the checks every kind shares', () => {
  it('a clinical commissioning group named as a child death review partner after July 2022 is an outdated name', () => {
    const text =
      '---\nkind: cdr-arrangements\nedition: 2023\npublished: 2024-07-15\npartners:\n  - { type: local-authority, name: Westmoor Borough Council }\n  - { type: health, name: NHS Westmoor Clinical Commissioning Group }\n---\n# Westmoor child death review arrangements\n';
    const findings = lintText('cdr.md', text).findings.filter((f) => f.ruleId === 'wt2023/outdated-terms');
    expect(findings.map((f) => [f.line, f.severity, f.message.split(':')[0]])).toEqual([
      [7, 'warning', expect.stringContaining('Clinical Commissioning Group')],
    ]);
  });
});

describe('the CLI', () => {
  it('init --kind cdr-report writes a period and every CDR report heading, each TBC', async () => {
    const dir = tempDir();
    const { code } = await cli(['init', '--kind', 'cdr-report', '--edition', '2023', '--area', 'Northshire and Westmoor'], { cwd: dir });
    const text = readFileSync(join(dir, 'cdr-report.md'), 'utf8');
    expect([code, existsSync(join(dir, 'cdr-report.md'))]).toEqual([0, true]);
    expect(text).toContain('kind: cdr-report\n');
    expect(text).toMatch(/period:\n {2}start: \d{4}-04-01\n {2}end: \d{4}-03-31\n/);
    expect(text.match(/^## .*/gm)).toEqual([
      '## About this report',
      '## Deaths notified and reviewed',
      '## What the reviews found',
      '## What we have done',
      '## How effective were the arrangements?',
      '## Working with bereaved families',
      '## Our priorities',
    ]);
    expect(text).toContain('# Northshire and Westmoor: Child Death Overview Panel annual report');
  });

  it('rules --kind cdr-arrangements lists the CDR elements of both packs', async () => {
    const { stdout } = await cli(['rules', '--kind', 'cdr-arrangements', '--json']);
    const ids = (JSON.parse(stdout) as { ruleId: string }[]).map((r) => r.ruleId).filter((id) => id.startsWith('wt2023/cdr-'));
    expect(ids).toEqual(
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
      ].map((e) => `wt2023/${e}`),
    );
  });

  it('an unknown --kind names the four kinds', async () => {
    const { code, stderr } = await cli(['rules', '--kind', 'cdop']);
    expect([code, stderr.split('\n')[0]]).toEqual([2, 'wtlint: --kind "cdop" is not a document kind']);
    expect(stderr).toContain('Use one of: arrangements, yearly-report, cdr-arrangements, cdr-report.');
  });
});
