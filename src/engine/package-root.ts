// Where wtlint is installed, and its version: light enough for `wtlint --version` to load
// nothing else (resources.ts, which builds the linter, re-exports these).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageRoot: string = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'rules')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`wtlint cannot find its rules/ folder above ${start}; reinstall wtlint`);
    dir = parent;
  }
}

export function readJson(relative: string): object {
  return JSON.parse(readFileSync(join(packageRoot, relative), 'utf8')) as object;
}

export function packageVersion(): string {
  return (readJson('package.json') as { version: string }).version;
}
