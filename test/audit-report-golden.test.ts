// Every audit format on one fixed audit (test/fixtures/audit/report.json: three areas, one
// named <script>alert(1)</script>, a =formula in the evidence, a comparison). Goldens in
// test/golden/audit.*; rewrite with UPDATE_GOLDEN=1 and review the diff.
import { expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { AUDIT_FORMAT_NAMES } from '../src/audit/report/index.js';
import { auditTexts as auditReporters } from './helpers/registries.js';
import type { AuditReport } from '../src/audit/types.js';

const report = JSON.parse(readFileSync(join(__dirname, 'fixtures/audit/report.json'), 'utf8')) as AuditReport;
const EXTENSION = { terminal: 'txt', csv: 'csv', html: 'html' } as const;

test('the audit formats are exactly these four', () => {
  expect(AUDIT_FORMAT_NAMES).toEqual(['terminal', 'csv', 'json', 'html']);
});

for (const format of ['terminal', 'csv', 'html'] as const) {
  test(`golden: ${format}`, () => {
    const output = auditReporters[format](structuredClone(report), { style: new Chalk({ level: 0 }) });
    const file = join(__dirname, 'golden', `audit.${EXTENSION[format]}`);
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, output);
    expect(output).toBe(readFileSync(file, 'utf8'));
  });
}

test('json (its golden is the fixture itself): the report round-trips', () => {
  expect(JSON.parse(auditReporters.json(report, { style: new Chalk({ level: 0 }) }))).toEqual(report);
});
