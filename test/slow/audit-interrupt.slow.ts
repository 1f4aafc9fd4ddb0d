// Ctrl-C during an audit: workers stop, the exit code is 130 and no report (or temporary
// file) is left behind. Runs the built CLI (npm run build first) on a few hundred documents.
import { expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

function bigSet(areas: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'wtlint-sigint-'));
  for (let i = 0; i < areas; i++) {
    mkdirSync(join(dir, 'areas', `area-${i}`), { recursive: true });
    cpSync(join(ROOT, 'examples/northshire'), join(dir, 'areas', `area-${i}`), { recursive: true });
  }
  mkdirSync(join(dir, 'out'));
  return dir;
}

for (const jobs of ['0', '2']) {
  test(`SIGINT with --jobs ${jobs}: exit 130, no half-written report`, async () => {
    const dir = bigSet(200);
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/wtlint.js'), 'audit', 'areas', '--as-of', '2026-11-23', '--jobs', jobs, '-f', 'html', '-o', 'out/report.html'],
      { cwd: dir },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise((r) => setTimeout(r, 2000));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toBe('\nwtlint: audit interrupted; no report written.\n');
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
}
