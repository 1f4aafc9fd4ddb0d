// Baselines as pure functions: what is recorded, what is accepted, what is reported.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyBaseline, createBaseline, formatBaseline, type LocatedEntry } from '../src/baseline.js';
import type { DocumentResult, Finding, Severity } from '../src/types.js';

const finding = (ruleId: string, line: number, severity: Severity = 'error'): Finding => ({
  ruleId,
  element: ruleId.replace(/^.*\//, ''),
  severity,
  message: `m ${line}`,
  messageId: 'x',
  line,
  column: 1,
  citation: 'c',
  help: 'h',
});
const doc = (file: string, findings: Finding[]): DocumentResult => ({
  file,
  kind: 'arrangements',
  edition: '2023',
  area: null,
  elements: {},
  evidence: {},
  findings,
});
const entry = (e: Partial<LocatedEntry> & Pick<LocatedEntry, 'rule' | 'file' | 'count'>): LocatedEntry => ({
  element: e.rule.replace(/^.*\//, ''),
  reason: 'r',
  line: 7,
  ...e,
});

describe('createBaseline', () => {
  it('counts error and warning findings per file, rule and element; skips info, internal-error and baseline findings', () => {
    const results = [
      doc('b.md', [
        finding('wt2023/dates', 4, 'warning'),
        finding('wt2023/dates', 5, 'warning'),
        finding('wt2023/edition', 1, 'info'),
        finding('internal-error', 1),
      ]),
      doc('a.md', [finding('wt2023/funding', 1), finding('baseline', 1, 'warning')]),
    ];
    expect(
      createBaseline(results, { reason: 'new', until: '2027-01-01' }, [
        entry({ rule: 'wt2023/dates', file: 'b.md', count: 9, reason: 'kept' }),
      ]),
    ).toEqual([
      { rule: 'wt2023/funding', file: 'a.md', element: 'funding', count: 1, reason: 'new', until: '2027-01-01' },
      { rule: 'wt2023/dates', file: 'b.md', element: 'dates', count: 2, reason: 'kept' },
    ]);
  });
  it('formats YAML that reads back the same', () => {
    const entries = [
      { rule: 'wt2023/funding', file: 'a: b, "c".md', element: 'funding', count: 1, reason: 'x: y # z', until: '2027-01-01' },
    ];
    const text = formatBaseline(entries, '2026-11-23');
    expect(parse(text)).toEqual({ version: 1, asOf: '2026-11-23', entries });
    expect(text.split('\n').slice(5)).toEqual([
      'version: 1',
      'asOf: 2026-11-23',
      'entries:',
      '  - rule: wt2023/funding',
      `    file: 'a: b, "c".md'`,
      '    element: funding',
      '    count: 1',
      '    reason: "x: y # z"',
      '    until: 2027-01-01',
      '',
    ]);
  });
});

describe('applyBaseline', () => {
  const project = (results: DocumentResult[]) =>
    results.map((r) => [r.file, r.findings.map((f) => [f.ruleId, f.line, f.messageId, f.accepted ?? null])]);

  it('accepts up to count findings in position order; the rest are new', () => {
    const results = [doc('a.md', [finding('wt2023/dates', 4), finding('wt2023/dates', 5)])];
    expect(project(applyBaseline(results, [entry({ rule: 'wt2023/dates', file: 'a.md', count: 1 })], '2026-11-23', 'b.yaml'))).toEqual([
      [
        'a.md',
        [
          ['wt2023/dates', 4, 'x', { reason: 'r' }],
          ['wt2023/dates', 5, 'x', null],
        ],
      ],
    ]);
    expect(results[0]!.findings[0]!.accepted).toBe(undefined); // the input is not changed
  });

  it('uses entries one after another, and leaves entries for documents not checked alone', () => {
    const results = [doc('a.md', [finding('wt2023/dates', 4), finding('wt2023/dates', 5)])];
    const entries = [
      entry({ rule: 'wt2023/dates', file: 'a.md', count: 1, reason: 'one' }),
      entry({ rule: 'wt2023/dates', file: 'a.md', count: 1, reason: 'two', until: '2026-11-23' }),
      entry({ rule: 'wt2023/vcse', file: 'other.md', count: 3 }),
    ];
    expect(project(applyBaseline(results, entries, '2026-11-23', 'b.yaml'))).toEqual([
      [
        'a.md',
        [
          ['wt2023/dates', 4, 'x', { reason: 'one' }],
          ['wt2023/dates', 5, 'x', { reason: 'two', until: '2026-11-23' }],
        ],
      ],
    ]);
  });

  it('reports an expired entry (its findings count again) and a stale count', () => {
    const results = [doc('a.md', [finding('wt2023/dates', 4), finding('wt2023/funding', 1)])];
    const entries = [
      entry({ rule: 'wt2023/dates', file: 'a.md', count: 1, until: '2026-11-22', line: 9 }),
      entry({ rule: 'wt2023/funding', file: 'a.md', count: 3, line: 15 }),
    ];
    const out = applyBaseline(results, entries, '2026-11-23', 'wtlint-baseline.yaml');
    expect(out[0]!.findings.map((f) => [f.ruleId, f.severity, f.message, f.accepted ?? null])).toEqual([
      [
        'baseline',
        'warning',
        'The accepted deviation for wt2023/dates (wtlint-baseline.yaml:9) expired on 2026-11-22; its finding counts again',
        null,
      ],
      [
        'baseline',
        'warning',
        'The baseline entry for wt2023/funding (wtlint-baseline.yaml:15) accepts 3 findings but 1 remains; lower its count to 1',
        null,
      ],
      ['wt2023/funding', 'error', 'm 1', { reason: 'r' }],
      ['wt2023/dates', 'error', 'm 4', null],
    ]);
  });
});
