// The shared results fixture every reporter is golden-tested on (Spectral's mixed-errors.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import type { ReportContext, RuleMeta } from '../../src/report/types.js';
import type { DocumentResult } from '../../src/types.js';

export interface ResultsFixture {
  asOf: string;
  version: string;
  rules: RuleMeta[];
  results: DocumentResult[];
}

export function loadMixed(): ResultsFixture {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'results', 'mixed.json'), 'utf8')) as ResultsFixture;
}

export function contextFor(fixture: ResultsFixture, overrides: Partial<ReportContext> = {}): ReportContext {
  return {
    style: new Chalk({ level: 0 }),
    asOf: fixture.asOf,
    cwd: '/repo',
    version: fixture.version,
    rules: fixture.rules,
    quiet: false,
    ...overrides,
  };
}
