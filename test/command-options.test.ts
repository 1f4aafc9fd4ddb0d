// Every command that lints judges documents by the same options, made in one place from the
// flags, the config file and today: a config's limits or requireDisableReason hold for audit
// exactly as for check.
import { describe, expect, it } from 'vitest';
import { cli, tempFolder } from './helpers/cli.js';
import type { AuditReport } from '../src/audit/types.js';

const DOC = 'kind: arrangements\nedition: 2023\npublished: 2025-01-01\n# wtlint-disable funding\n';
const BIG = `${DOC}${'# padding\n'.repeat(30)}`;

const auditFindings = (stdout: string) =>
  (JSON.parse(stdout) as AuditReport).areas.flatMap((a) =>
    a.documents.flatMap((d) =>
      d.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'disable-directive').map((f) => [d.file, f.ruleId, f.messageId]),
    ),
  );
const checkFindings = (stdout: string) =>
  (JSON.parse(stdout) as { documents: { file: string; findings: { ruleId: string; messageId: string }[] }[] }).documents.flatMap((d) =>
    d.findings.filter((f) => f.ruleId === 'parse-error' || f.ruleId === 'disable-directive').map((f) => [d.file, f.ruleId, f.messageId]),
  );

describe('one set of lint options for every command', () => {
  it("audit applies the config's limits as check does", async () => {
    const root = tempFolder({ 'wtlint.config.yaml': 'limits:\n  maxBytes: 200\n', 'areas/alpha/arrangements.yaml': BIG });
    const check = await cli(root, ['check', 'areas', '-f', 'json', '--as-of', '2026-11-23']);
    const audit = await cli(root, ['audit', 'areas', '-f', 'json', '--as-of', '2026-11-23', '--jobs', '0']);
    expect(checkFindings(check.stdout)).toEqual([['areas/alpha/arrangements.yaml', 'parse-error', 'too-large']]);
    expect(auditFindings(audit.stdout)).toEqual([['alpha/arrangements.yaml', 'parse-error', 'too-large']]);
  });

  it("audit applies the config's requireDisableReason as check does", async () => {
    const root = tempFolder({ 'wtlint.config.yaml': 'requireDisableReason: true\n', 'areas/alpha/arrangements.yaml': DOC });
    const check = await cli(root, ['check', 'areas', '-f', 'json', '--as-of', '2026-11-23']);
    const audit = await cli(root, ['audit', 'areas', '-f', 'json', '--as-of', '2026-11-23', '--jobs', '0']);
    expect(checkFindings(check.stdout)).toEqual([['areas/alpha/arrangements.yaml', 'disable-directive', 'missing-reason']]);
    expect(auditFindings(audit.stdout)).toEqual([['alpha/arrangements.yaml', 'disable-directive', 'missing-reason']]);
  });

  it('migrate takes asOf from the config, and convert its limits, as check does', async () => {
    const root = tempFolder({
      'wtlint.config.yaml': 'asOf: 2024-05-06\nlimits:\n  maxBytes: 30\n',
      'a.md': '# Arrangements\n',
      'b.html': `<h1>Arrangements</h1>${'<p>text</p>'.repeat(5)}`,
    });
    const migrate = await cli(root, ['migrate', 'a.md', '--to', '2023', '-f', 'json']);
    const convert = await cli(root, ['convert', 'b.html']);
    expect([JSON.parse(migrate.stdout).asOf, convert.code, convert.stderr.split('\n')[0]]).toEqual([
      '2024-05-06',
      2,
      'wtlint: Cannot read b.html: File is 76 bytes, over the limit of 30 bytes',
    ]);
  });
});
