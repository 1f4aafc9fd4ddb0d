// Inline disables: the directive grammar, and round trips through the real linter
// (Markdown and YAML documents), with exact lists of what remains.
import { describe, expect, it } from 'vitest';
import { parseDirective, applyDisables } from '../src/check/disables.js';
import { bundledLinter } from '../src/engine/resources.js';
import type { Finding, LintOptions, Severity } from '../src/types.js';

const linter = bundledLinter();
// Only funding, vcse and dates stay on, so the expected lists stay short and exact.
const severities: Record<string, Severity | 'off'> = {
  ...Object.fromEntries(linter.packs.flatMap((p) => p.rules.map((r) => [r.element, 'off' as const]))),
  'wt2023/funding': 'error',
  'wt2023/vcse': 'error',
  'wt2023/dates': 'warning',
};
const options: LintOptions = { asOf: '2026-11-23', severities };
const lint = (path: string, text: string, extra: Partial<LintOptions> = {}) =>
  linter.lint({ path, text }, { ...options, ...extra }).findings.map((f) => [f.line, f.column, f.ruleId, f.messageId, f.severity]);

const FRONT = [
  '---',
  'kind: arrangements',
  'edition: 2023',
  'published: 2099-01-01',
  'effective: 2098-01-01',
  '---',
  '# Northshire arrangements',
  '',
];

describe('parseDirective', () => {
  const at = (text: string) => parseDirective({ text, line: 3, column: 1, endLine: 3 });
  it('reads the kind, the rules (commas or spaces) and the reason after --', () => {
    expect(at(' wtlint-disable wt2023/vcse, funding  dates -- agreed with the partners -- minutes 4 ')).toEqual({
      kind: 'disable',
      rules: ['wt2023/vcse', 'funding', 'dates'],
      reason: 'agreed with the partners -- minutes 4',
      line: 3,
      column: 1,
      endLine: 3,
    });
    expect(at(' wtlint-enable ')).toEqual({ kind: 'enable', rules: [], line: 3, column: 1, endLine: 3 });
    expect(at('wtlint-disable-next-line vcse--x')).toEqual({
      kind: 'disable-next-line',
      rules: ['vcse--x'],
      line: 3,
      column: 1,
      endLine: 3,
    });
    expect(at(' wtlint-disable-line -- no rules, every rule')).toEqual({
      kind: 'disable-line',
      rules: [],
      reason: 'no rules, every rule',
      line: 3,
      column: 1,
      endLine: 3,
    });
  });
  it('tells a misspelt directive from an ordinary comment', () => {
    expect(at(' wtlint-disabel vcse ')).toEqual({ unknown: 'wtlint-disabel' });
    expect(at(' a note about wtlint-disable ')).toBe(null);
  });
});

describe('disables in Markdown', () => {
  it('reports everything when there are no directives', () => {
    expect(lint('a.md', FRONT.join('\n'))).toEqual([
      [1, 1, 'wt2023/funding', 'missing', 'error'],
      [1, 1, 'wt2023/vcse', 'missing', 'error'],
      [4, 1, 'wt2023/dates', 'future', 'warning'],
      [5, 1, 'wt2023/dates', 'future', 'warning'],
    ]);
  });

  it('a file-level disable without enable suppresses a missing element reported at 1:1, by ruleId or element', () => {
    const text = [
      ...FRONT,
      'Text.',
      '',
      '<!-- wtlint-disable wt2023/vcse -- the VCSE forum is drafting it -->',
      '',
      '<!-- wtlint-disable dates -->',
    ].join('\n');
    expect(lint('a.md', text)).toEqual([[1, 1, 'wt2023/funding', 'missing', 'error']]);
  });

  it('a disable … enable pair covers only the lines between', () => {
    const text = [...FRONT, '<!-- wtlint-disable funding, dates -- reviewed -->', '<!-- wtlint-enable funding dates -->'].join('\n');
    expect(lint('a.md', text)).toEqual([
      [1, 1, 'wt2023/funding', 'missing', 'error'],
      [1, 1, 'wt2023/vcse', 'missing', 'error'],
      [4, 1, 'wt2023/dates', 'future', 'warning'],
      [5, 1, 'wt2023/dates', 'future', 'warning'],
    ]);
  });

  it('a bare disable covers every rule; a bare enable closes it', () => {
    expect(lint('a.md', [...FRONT, '<!-- wtlint-disable -- draft -->'].join('\n'))).toEqual([]);
  });

  it('YAML comments in the front matter carry disable-line and disable-next-line', () => {
    const front = [
      '---',
      'kind: arrangements',
      'edition: 2023',
      '# wtlint-disable-next-line dates -- agreed date',
      'published: 2099-01-01',
      'effective: 2098-01-01 # wtlint-disable-line wt2023/dates -- ok',
      '---',
      '# T',
    ];
    expect(lint('a.md', front.join('\n'))).toEqual([
      [1, 1, 'wt2023/funding', 'missing', 'error'],
      [1, 1, 'wt2023/vcse', 'missing', 'error'],
    ]);
  });

  it('reports unknown rules and directives as warnings, and unused ones when asked', () => {
    const text = [
      ...FRONT,
      '<!-- wtlint-disable fundng -- typo -->',
      '<!-- wtlint-disabel vcse -->',
      '<!-- wtlint-disable-next-line vcse -- nothing on the next line -->',
      'Text.',
    ].join('\n');
    expect(lint('a.md', text, { reportUnusedDisables: true })).toEqual([
      [1, 1, 'wt2023/funding', 'missing', 'error'],
      [1, 1, 'wt2023/vcse', 'missing', 'error'],
      [4, 1, 'wt2023/dates', 'future', 'warning'],
      [5, 1, 'wt2023/dates', 'future', 'warning'],
      [9, 1, 'disable-directive', 'unknown-rule', 'warning'],
      [10, 1, 'disable-directive', 'unknown-directive', 'warning'],
      [11, 1, 'disable-directive', 'unused', 'error'],
    ]);
  });

  it('with requireDisableReason, a directive without a reason is an error but still applies', () => {
    const text = [...FRONT, '<!-- wtlint-disable funding vcse -->', '<!-- wtlint-disable dates -- agreed -->'].join('\n');
    expect(lint('a.md', text, { requireDisableReason: true })).toEqual([[9, 1, 'disable-directive', 'missing-reason', 'error']]);
  });
});

describe('disables in YAML documents', () => {
  const yaml = [
    'kind: arrangements',
    'edition: 2023',
    'published: 2099-01-01 # wtlint-disable-line dates -- agreed',
    'period: { start: 2098-01-01, note: "a # wtlint-disable-line dates" }',
    'notes: |',
    '  # wtlint-disable funding',
    '# wtlint-disable vcse -- drafting',
  ];
  it('reads # comments only (not inside quoted or block scalars)', () => {
    expect(lint('a.yaml', yaml.join('\n'))).toEqual([
      [1, 1, 'wt2023/funding', 'missing', 'error'],
      [4, 11, 'wt2023/dates', 'future', 'warning'],
    ]);
  });
});

describe('applyDisables on findings', () => {
  const finding = (line: number, ruleId: string): Finding => ({
    ruleId,
    element: ruleId.replace(/^.*\//, ''),
    severity: 'error',
    message: 'm',
    messageId: 'x',
    line,
    column: 1,
    citation: 'c',
    help: 'h',
  });
  it('never suppresses its own directive findings', () => {
    const comments = [
      { text: ' wtlint-disable -- all ', line: 1, column: 1, endLine: 1 },
      { text: ' wtlint-disable nope ', line: 2, column: 1, endLine: 2 },
    ];
    const kept = applyDisables([finding(5, 'wt2023/funding')], comments, { isKnownRule: (r) => r === 'funding' });
    expect(kept.map((f) => [f.line, f.ruleId, f.messageId])).toEqual([[2, 'disable-directive', 'unknown-rule']]);
  });
});
