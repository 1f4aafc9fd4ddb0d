// Issue 6: inputs the fuzz run found that crashed or misled wtlint, pinned with the exact findings.
import { describe, expect, it } from 'vitest';
import { linter, OPTIONS, positions } from './robustness/helpers.js';

const lint = (path: string, text: string) => linter.lint({ path, text }, OPTIONS);
const reserved = (path: string, text: string) => positions(lint(path, text)).filter((f) => !f.ruleId.startsWith('wt20'));

describe('found by fuzzing', () => {
  it('a mapping with its own `toString` key as kind: a finding, not "Cannot convert object to primitive value"', () => {
    const result = lint('doc.yaml', 'kind:\n  - toString: arrangements\n');
    expect(positions(result)).toEqual([{ ruleId: 'document-kind', messageId: 'unknown', line: 1, column: 1 }]);
    expect(result.findings[0]!.message).toBe(
      '`kind: [{"toString":"arrangements"}]` is not a document kind wtlint knows; expected arrangements, yearly-report, cdr-arrangements, cdr-report',
    );
  });

  it('a mapping with its own `toString` key as edition', () => {
    const result = lint('doc.yaml', 'kind: arrangements\nedition: {toString: 2023}\n');
    expect(result.findings.filter((f) => f.ruleId === 'document-edition').map((f) => [f.messageId, f.line, f.column, f.message])).toEqual([
      ['unknown', 2, 1, '`edition: {"toString":2023}` is not an edition wtlint knows; expected one of 2018, 2023'],
    ]);
  });

  it('an alias inside the node it refers to: recursive-alias at the alias, not a JSON.stringify crash', () => {
    const at = (line: number, column: number) => [{ ruleId: 'parse-error', messageId: 'recursive-alias', line, column }];
    expect(reserved('doc.yaml', 'kind: arrangements\nedition: 2023\nscrutiny: &x [*x]\n')).toEqual(at(3, 15));
    expect(reserved('doc.yaml', 'kind: arrangements\npartners: &x\n  - *x\n')).toEqual(at(3, 5));
    expect(reserved('doc.md', '---\nkind: &k {a: *k}\n---\n# Title\n')).toEqual(at(2, 14));
  });

  it('an alias to an earlier, finished node is fine', () => {
    expect(reserved('doc.yaml', 'kind: arrangements\nedition: 2023\nlead: &p {name: A}\nchair: *p\n')).toEqual([]);
  });
});

describe('found by timing whole documents', () => {
  it('a YAML mapping with 20,000 keys: linear, not quadratic (was 70 s for 50,000)', () => {
    const text = `kind: arrangements\nedition: 2023\n${Array.from({ length: 20000 }, (_, i) => `k${i}: value ${i}`).join('\n')}\n`;
    const start = performance.now();
    const result = lint('doc.yaml', text);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(result.findings.filter((f) => f.ruleId === 'wt2023/front-matter').length).toBe(20000);
  });

  it('duplicate keys are still found where the yaml library found them', () => {
    const dup = (line: number, column: number) => ({ ruleId: 'parse-error', messageId: 'yaml-syntax', line, column });
    expect(reserved('doc.yaml', 'kind: arrangements\nkind: x\n')).toEqual([dup(2, 1)]);
    expect(reserved('doc.yaml', 'kind: arrangements\na: {b: 1, b: 2}\n1: x\n"1": y\n1: z\n')).toEqual([dup(2, 11), dup(5, 1)]);
    expect(reserved('doc.yaml', 'kind: arrangements\na:\n  - x: 1\n    x: 2\n&a k: 1\n&b k: 2\n')).toEqual([dup(4, 5), dup(6, 4)]);
    expect(lint('doc.yaml', 'kind: arrangements\nkind: x\n').findings[0]!.message).toBe(
      'YAML error (DUPLICATE_KEY): Map keys must be unique',
    );
  });
});

describe('found by reading the results of broken documents', () => {
  it('broken YAML is one parse-error: no false "no kind" or "missing" findings after it', () => {
    const text = '---\nkind: arrangements\nedition: 2023\nfunding: {pooled: true\n---\n# Arrangements\n';
    expect(positions(lint('arrangements.md', text))).toEqual([{ ruleId: 'parse-error', messageId: 'yaml-syntax', line: 4, column: 23 }]);
    expect(positions(lint('doc.yaml', '- kind: arrangements\n'))).toEqual([
      { ruleId: 'parse-error', messageId: 'not-a-mapping', line: 1, column: 1 },
    ]);
  });
});
