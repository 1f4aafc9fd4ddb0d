// The split that makes the core testable and safe in workers: parse → extract → check is
// pure. Only src/cli/ may touch the file system, the clock, the process or the console.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..', 'src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"](?:node:)?fs(?:\/promises)?['"]/, 'imports fs'],
  [/from ['"](?:node:)?process['"]/, 'imports process'],
  [/^import (?!type )[^;]*from ['"]chalk['"]/m, 'imports chalk'],
  [/\bprocess\.(?:env|exit|cwd|argv|stdout|stderr)/, 'uses process'],
  [/Date\.now\(\)/, 'reads the clock'],
  [/new Date\(\)/, 'reads the clock'],
  [/\bconsole\./, 'prints'],
  [/\bfetch\(/, 'reaches the network'],
];

describe('architecture', () => {
  const core = files(src).filter((f) => !relative(src, f).startsWith('cli'));
  it('finds the core files', () => {
    expect(core.map((f) => relative(src, f).split('/')[0]).filter((v, i, a) => a.indexOf(v) === i).sort()).toEqual(
      expect.arrayContaining(['check', 'extract', 'lint.ts', 'pack', 'parse', 'report', 'types.ts']),
    );
  });
  it('keeps the core free of I/O, clock and console', () => {
    const violations = core.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${relative(src, file)} ${what}`);
    });
    expect(violations).toEqual([]);
  });
  it('only bin/wtlint.js sets the exit code', () => {
    const setters = files(src).filter((f) => /process\.exit(?:Code\s*=|\s*\()/.test(readFileSync(f, 'utf8')));
    expect(setters.map((f) => relative(src, f))).toEqual([]);
  });
});
