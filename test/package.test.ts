// The package's front door: `main`, `types` and `exports` name files the build makes, and
// `import … from 'wtlint'` gives an engine that lints a string.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  types: string;
  exports: Record<string, { types: string; default: string }>;
};

describe('the package front door', () => {
  it('points main, types and exports at files the build makes', () => {
    const named = [pkg.main, pkg.types, pkg.exports['.']!.default, pkg.exports['.']!.types];
    expect(named.map((file) => [file.replace(/^\.\//, ''), existsSync(join(root, file))])).toEqual([
      ['dist/src/index.js', true],
      ['dist/src/index.d.ts', true],
      ['dist/src/index.js', true],
      ['dist/src/index.d.ts', true],
    ]);
  });

  it("import 'wtlint' lints a string with the bundled rules", () => {
    // A separate Node process, resolving the package by its own name, as a user's code would.
    const script = `
      import { Engine } from 'wtlint';
      const engine = new Engine({ cwd: process.cwd(), today: '2026-11-23' });
      const result = await engine.lintText('---\\nkind: arrangements\\nedition: 2023\\npublished: 2025-01-01\\n---\\n# Arrangements\\n', 'a.md');
      console.log(JSON.stringify([result.kind, result.edition, result.findings.filter((f) => f.ruleId === 'wt2023/funding').map((f) => [f.severity, f.line])]));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: join(root, 'test', 'fixtures'),
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual(['arrangements', '2023', [['error', 1]]]);
  });
});
