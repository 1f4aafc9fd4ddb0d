// The bundle (bin/wtlint.js → dist/bundle) against dist/src for audit with worker threads: the same
// JSON, and each worker is the bundled worker (dist/bundle/audit-worker.js, which runs the CLI's
// bundle with its code cache). npm run build first.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { BUNDLE, DIST, ROOT, runEntry, seen } from '../helpers/entries.js';
// @ts-expect-error: a plain ESM script without types (the bench's corpus generator)
import { writeCorpus } from '../bench/corpus.mjs';

const dir = mkdtempSync(join(tmpdir(), 'wtlint-bundle-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// --jobs 2: the main thread and one worker (on a machine of one processor, the main thread alone).
const workers = Math.min(2, availableParallelism()) - 1;

test('audit --jobs 2 on 40 documents: the same JSON from the bundle, whose worker is the bundled worker', () => {
  writeCorpus(ROOT, join(dir, 'corpus'), 20);
  const args = ['audit', 'corpus/areas', '-f', 'json', '--as-of', '2026-11-23', '--jobs', '2'];
  const bundled = runEntry(BUNDLE, args, dir);
  const unbundled = runEntry(DIST, args, dir);
  expect(bundled.status).toBe(1);
  expect((JSON.parse(bundled.stdout) as { areas: unknown[] }).areas.length).toBe(20);
  expect(seen(bundled)).toEqual(seen(unbundled));
  expect(bundled.loads.filter((file) => file === 'dist/bundle/audit-worker.js')).toEqual(
    Array(workers).fill('dist/bundle/audit-worker.js'),
  );
  expect(bundled.loads.filter((file) => !file.startsWith('dist/bundle/'))).toEqual([
    'bin/wtlint.js',
    ...Array(workers).fill('bin/load-bundle.js'),
  ]); // the CLI (which requires the CommonJS loader, unrecorded), then each worker's ES module importing it
  expect(unbundled.loads.filter((file) => file === 'dist/src/audit-run/worker-main.js')).toEqual(
    Array(workers).fill('dist/src/audit-run/worker-main.js'),
  );
});
