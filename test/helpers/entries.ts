// Runs a CLI entry in a fresh process and lists the modules it loaded: the bundle (bin/wtlint.js
// → dist/bundle) or the tsc output it is built from (test/helpers/run-dist.mjs → dist/src).
// Used by test/startup.test.ts and test/slow/bundle-audit.slow.ts (npm run build first).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(import.meta.dirname, '../..');
export const BUNDLE = join(ROOT, 'bin/wtlint.js');
export const DIST = join(ROOT, 'test/helpers/run-dist.mjs');
const RECORD = join(ROOT, 'test/helpers/record-loads.mjs');

export interface EntryRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Every file the process and its worker threads loaded through the ES module loader (not what CommonJS code requires), relative to the package, in load order. */
  loads: string[];
}

let runs = 0;

export function runEntry(entry: string, args: string[], cwd: string): EntryRun {
  const record = join(cwd, `.loads-${process.pid}-${runs++}.txt`);
  writeFileSync(record, '');
  try {
    const r = spawnSync(process.execPath, ['--import', RECORD, entry, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, WTLINT_RECORD_LOADS: record, NO_COLOR: '1' },
    });
    const loads = readFileSync(record, 'utf8')
      .split('\n')
      .filter((url) => url.startsWith('file:'))
      .map((url) => relative(ROOT, fileURLToPath(url)));
    return { status: r.status, stdout: r.stdout, stderr: r.stderr, loads };
  } finally {
    rmSync(record, { force: true });
  }
}

/** What a user sees: exit code and output, without the list of loads. */
export const seen = ({ status, stdout, stderr }: EntryRun) => ({ status, stdout, stderr });
