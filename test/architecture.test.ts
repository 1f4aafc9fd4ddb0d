// The split that makes the core testable and safe in workers: parse → extract → check is
// pure. Only the shell may touch the file system, the clock, the process or the console: the
// engine (src/engine/: config, files, cache, the bundled packs), audit's I/O (src/audit-run/)
// and the command line (src/cli/). The layers point one way: cli → engine, audit-run → core.
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

/** The shell's layers, each a folder of src/; everything else is the core (index.ts is the package's front door, above them all). */
const SHELL = ['cli', 'engine', 'audit-run'];
const layerOf = (file: string): string => {
  const first = relative(src, file).split('/')[0]!;
  return SHELL.includes(first) ? first : first === 'index.ts' ? 'index' : 'core';
};
/** What each layer may not import. */
const MAY_NOT_IMPORT: Record<string, string[]> = { core: SHELL, 'audit-run': ['cli'], engine: ['cli', 'audit-run'], cli: [] };
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    relative(src, join(file, '..', m[1]!)),
  );

describe('architecture', () => {
  const core = files(src).filter((f) => layerOf(f) === 'core');
  it('finds the core files', () => {
    expect(
      core
        .map((f) => relative(src, f).split('/')[0])
        .filter((v, i, a) => a.indexOf(v) === i)
        .sort(),
    ).toEqual(expect.arrayContaining(['check', 'extract', 'lint.ts', 'pack', 'parse', 'report', 'types.ts']));
  });
  it('keeps the core free of I/O, clock and console', () => {
    const violations = core.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${relative(src, file)} ${what}`);
    });
    expect(violations).toEqual([]);
  });
  it('keeps the layers pointing one way: the core imports no shell, the engine no command line', () => {
    expect(
      files(src)
        .map(layerOf)
        .filter((v, i, a) => a.indexOf(v) === i)
        .sort(),
    ).toEqual(['audit-run', 'cli', 'core', 'engine', 'index']);
    const violations = files(src).flatMap((file) => {
      const banned = MAY_NOT_IMPORT[layerOf(file)] ?? [];
      return importsOf(file)
        .filter((target) => banned.includes(target.split('/')[0]!))
        .map((target) => `${relative(src, file)} imports ${target}`);
    });
    expect(violations).toEqual([]);
  });
  it('only bin/wtlint.js sets the exit code', () => {
    const setters = files(src).filter((f) => /process\.exit(?:Code\s*=|\s*\()/.test(readFileSync(f, 'utf8')));
    expect(setters.map((f) => relative(src, f))).toEqual([]);
  });
});
