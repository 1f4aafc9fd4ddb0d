// Issue 6, part 2: every resource limit is a finding with its position, and configurable.
import { describe, expect, it } from 'vitest';
import { linter, OPTIONS, positions } from './robustness/helpers.js';
import { DEFAULT_LIMITS } from '../src/parse/limits.js';

const lint = (path: string, text: string, limits?: object) => linter.lint({ path, text }, { ...OPTIONS, limits });
const parseError = (messageId: string, line: number, column: number) => ({ ruleId: 'parse-error', messageId, line, column });

const BILLION_LAUGHS = [
  'kind: arrangements',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  '',
].join('\n');

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toEqual({
      maxBytes: 10485760,
      maxAliases: 100,
      maxDepth: 32,
      maxElementDepth: 256,
      maxLineLength: 20000,
      maxDocuments: 1,
      maxPdfBytes: 52428800,
      maxPages: 1000,
      maxSeconds: 30,
    });
  });

  it('file size: a finding at 1:1, not a read of the whole file; configurable', () => {
    const bytes = new TextEncoder().encode('---\nkind: arrangements\n---\n# Funding\n');
    expect(positions(linter.lintBytes('a.md', bytes, { ...OPTIONS, limits: { maxBytes: 10 } }))).toEqual([parseError('too-large', 1, 1)]);
    expect(
      positions(linter.lintBytes('a.md', bytes, { ...OPTIONS, limits: { maxBytes: bytes.length } })).map((f) => f.messageId),
    ).not.toContain('too-large');
    const big = new Uint8Array(DEFAULT_LIMITS.maxBytes + 1).fill(0x61);
    expect(positions(linter.lintBytes('big.md', big, OPTIONS))).toEqual([parseError('too-large', 1, 1)]);
  });

  it('billion laughs in a .yaml file: too-many-aliases at the alias that passes the limit, and fast', () => {
    const start = performance.now();
    const result = lint('laughs.yaml', BILLION_LAUGHS);
    expect(performance.now() - start).toBeLessThan(500);
    // b adds 9, c adds 9×10 = 90 (99 so far); the first *c on line 5 adds 91 and passes 100.
    expect(positions(result)).toEqual([parseError('too-many-aliases', 5, 8)]);
    expect(result.kind).toBe(null); // nothing misleading (such as "no kind") is reported after it
  });

  it('billion laughs in front matter: positions count the opening ---', () => {
    expect(positions(lint('laughs.md', `---\n${BILLION_LAUGHS}---\n# Title\n`))).toEqual([parseError('too-many-aliases', 6, 8)]);
  });

  it('aliases: a few are fine, the limit is configurable', () => {
    const text = 'kind: arrangements\nx: &x 1\ny: [*x, *x, *x]\n';
    expect(positions(lint('a.yaml', text)).filter((f) => f.ruleId === 'parse-error')).toEqual([]);
    expect(positions(lint('a.yaml', text, { maxAliases: 2 }))).toEqual([parseError('too-many-aliases', 3, 13)]);
  });

  it('an alias inside its own anchor does not loop: recursive-alias', () => {
    expect(positions(lint('a.yaml', 'kind: arrangements\nx: &x [*x, *x]\n', { maxAliases: 1 }))).toEqual([
      parseError('recursive-alias', 2, 8),
    ]);
  });

  it('YAML nesting depth: too-deep at the first collection past the limit; configurable', () => {
    const text = `kind: arrangements\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    // The top-level mapping is level 1, so the 32nd `[` (column 4 + 31) is level 33.
    expect(positions(lint('deep.yaml', text))).toEqual([parseError('too-deep', 2, 4 + 31)]);
    expect(positions(lint('deep.yaml', 'kind: arrangements\nx: [[[1]]]\n', { maxDepth: 2 }))).toEqual([parseError('too-deep', 2, 5)]);
    const block = `kind: arrangements\n${Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n`;
    expect(positions(lint('deep.yaml', block))).toEqual([parseError('too-deep', 34, 65)]);
  });

  it('Markdown nesting depth: lists and block quotes, measured before parsing', () => {
    const list = Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n');
    const start = performance.now();
    expect(positions(lint('deep.md', list))).toEqual([parseError('too-deep', 33, 65)]);
    const quotes = Array.from({ length: 100 }, (_, i) => `${'> '.repeat(i)}a`).join('\n');
    expect(positions(lint('deep.md', quotes))).toEqual([parseError('too-deep', 34, 65)]);
    expect(positions(lint('deep.md', `${'- '.repeat(5000)}a\n`))).toEqual([parseError('too-deep', 1, 65)]);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(positions(lint('deep.md', '> > > a\n', { maxDepth: 2 }))).toEqual([parseError('too-deep', 1, 5)]);
  });

  it('Markdown inline nesting deeper than the limit is a finding, not a stack overflow', () => {
    const marks = Array.from({ length: 200 }, (_, i) => (i % 2 ? '_' : '*'));
    const text = `${marks.map((m) => `${m}x `).join('')}y${[...marks]
      .reverse()
      .map((m) => ` x${m}`)
      .join('')}\n`;
    const result = lint('emph.md', text, { maxDepth: 8 });
    expect(positions(result)).toEqual([parseError('too-deep', 1, 20)]);
  });

  it('line length: line-too-long at the column past the limit; configurable', () => {
    const text = `---\nkind: arrangements\n---\n# Funding\n\n${'word '.repeat(100_000)}\n`;
    expect(positions(lint('long.md', text))).toEqual([parseError('line-too-long', 6, 20001)]);
    expect(positions(lint('long.md', 'kind: arrangements\narea: abcdefghijklmnopqrstuvwxyz\n', { maxLineLength: 20 }))).toEqual([
      parseError('line-too-long', 2, 21),
    ]);
  });

  it('YAML documents: too-many-documents at the first one past the limit; the first is still read', () => {
    const text = 'kind: arrangements\narea: A\n---\nkind: yearly-report\n---\nx: 1\n';
    const result = lint('multi.yaml', text);
    expect(result.kind).toBe('arrangements');
    expect(positions(result).filter((f) => f.ruleId === 'parse-error')).toEqual([parseError('too-many-documents', 3, 1)]);
    expect(positions(lint('multi.yaml', text, { maxDocuments: 2 })).filter((f) => f.ruleId === 'parse-error')).toEqual([
      parseError('too-many-documents', 5, 1),
    ]);
    expect(positions(lint('multi.yaml', text, { maxDocuments: 3 })).filter((f) => f.ruleId === 'parse-error')).toEqual([]);
  });

  it('a million `---` separators cost no more than the first two documents', () => {
    const text = `kind: arrangements\n${'---\n'.repeat(1_000_000)}`;
    const start = performance.now();
    expect(positions(lint('many.yaml', text)).filter((f) => f.ruleId === 'parse-error')).toEqual([parseError('too-many-documents', 2, 1)]);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
