// The bundled examples: their element-status matrix and non-element findings are pinned in a
// golden file, so any change to detection shows up as a reviewable diff (UPDATE_GOLDEN=1 rewrites).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { cli } from './helpers.js';
import { expectGolden } from './helpers/golden.js';

describe('examples/', () => {
  it('gives the expected statuses and findings for every example area', async () => {
    const { code, stdout } = await cli(['check', join(import.meta.dirname, '..', 'examples'), '-f', 'json']);
    const report = JSON.parse(stdout) as {
      documents: {
        file: string;
        edition: string;
        elements: Record<string, string>;
        findings: { ruleId: string; messageId: string; line: number }[];
      }[];
    };
    const matrix = report.documents.map((d) => ({
      file: d.file,
      edition: d.edition,
      notPresent: Object.fromEntries(Object.entries(d.elements).filter(([, s]) => s !== 'present')),
      findings: d.findings.map((f) => `${f.line} ${f.ruleId} ${f.messageId}`),
    }));
    expectGolden('examples-matrix.json', `${JSON.stringify(matrix, null, 2)}\n`);
    expect(code).toBe(1);
  });

  it('the complete examples have every element present', async () => {
    const { stdout } = await cli([
      'check',
      'examples/northshire',
      'examples/tri-county',
      'examples/eastbrook',
      'examples/hartfield',
      '-f',
      'json',
    ]);
    const report = JSON.parse(stdout) as { documents: { file: string; elements: Record<string, string> }[] };
    for (const doc of report.documents) {
      expect({ file: doc.file, missing: Object.entries(doc.elements).filter(([, s]) => s !== 'present') }).toEqual({
        file: doc.file,
        missing: [],
      });
    }
    expect(report.documents.map((d) => d.file)).toEqual([
      'examples/eastbrook/arrangements.md',
      'examples/hartfield/arrangements.yaml',
      'examples/northshire/arrangements.md',
      'examples/northshire/cdop-annual-report-2024-25.md',
      'examples/northshire/cdr-arrangements.md',
      'examples/northshire/yearly-report-2024-25.md',
      'examples/tri-county/arrangements.md',
    ]);
  });
});
