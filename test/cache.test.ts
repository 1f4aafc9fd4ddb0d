// --cache: a hit reuses the stored result; any change of content, date, config, edition or
// packs misses; a corrupt cache file is ignored with a warning; stale entries are pruned.
// A hit is made visible by doctoring the stored result (area "FROM CACHE").
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from './helpers.js';
import { settingsKey } from '../src/engine/cache.js';

const SOURCE = join(import.meta.dirname, '../examples/northshire/arrangements.md');
const REPORT = join(import.meta.dirname, '../examples/westmoor/yearly-report-2023-24.md');

function setup(): string {
  const dir = tempDir();
  copyFileSync(SOURCE, join(dir, 'arrangements.md'));
  copyFileSync(REPORT, join(dir, 'yearly-report.md'));
  return dir;
}

const readCache = (dir: string, name = '.wtlintcache') => JSON.parse(readFileSync(join(dir, name), 'utf8'));

/** Marks every stored result, so a run that reads from the cache shows it. */
function doctor(dir: string): void {
  const cache = readCache(dir);
  for (const entry of Object.values(cache.entries) as { result: { area: string } }[]) entry.result.area = 'FROM CACHE';
  writeFileSync(join(dir, '.wtlintcache'), JSON.stringify(cache));
}

async function areas(dir: string, ...extra: string[]): Promise<string[]> {
  const { stdout } = await cli(['check', '.', '-f', 'json', '--cache', ...extra], { cwd: dir });
  return JSON.parse(stdout).documents.map((d: { area: string }) => d.area);
}

const REAL = ['Northshire Safeguarding Children Partnership', 'Westmoor Safeguarding Children Partnership'];

describe('--cache', () => {
  it('writes a cache keyed by relative path and content, and gives the same report as an uncached run', async () => {
    const dir = setup();
    const plain = await cli(['check', '.', '-f', 'json'], { cwd: dir });
    const cold = await cli(['check', '.', '-f', 'json', '--cache'], { cwd: dir });
    const warm = await cli(['check', '.', '-f', 'json', '--cache'], { cwd: dir });
    expect(cold).toEqual(plain);
    expect(warm).toEqual(plain);
    const cache = readCache(dir);
    expect(Object.keys(cache)).toEqual(['format', 'settings', 'texts', 'entries']);
    expect(cache.format).toBe('wtlint-cache/2');
    expect(Object.keys(cache.entries)).toEqual(['arrangements.md', 'yearly-report.md']);
    expect(cache.entries['arrangements.md'].content).toMatch(/^[0-9a-f]{64}$/);
    // Written an entry at a time, the file is still exactly its value's JSON, non-ASCII escaped.
    const text = readFileSync(join(dir, '.wtlintcache'), 'latin1');
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    expect(text).toContain('\\u');
    const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    expect(text).toBe(JSON.stringify(cache).replace(/[^\x00-\x7f]/g, escaped));
  });

  it('hits for unchanged documents', async () => {
    const dir = setup();
    expect(await areas(dir)).toEqual(REAL);
    doctor(dir);
    expect(await areas(dir)).toEqual(['FROM CACHE', 'FROM CACHE']);
  });

  it('misses for a document whose content changed, and only for it', async () => {
    const dir = setup();
    await areas(dir);
    doctor(dir);
    writeFileSync(join(dir, 'yearly-report.md'), `${readFileSync(REPORT, 'utf8')}\nOne more line.\n`);
    expect(await areas(dir)).toEqual(['FROM CACHE', REAL[1]]);
  });

  it('misses when the as-of date changes', async () => {
    const dir = setup();
    await areas(dir);
    doctor(dir);
    expect(await areas(dir, '--as-of', '2026-11-24')).toEqual(REAL);
  });

  it('misses when the config changes', async () => {
    const dir = setup();
    await areas(dir);
    doctor(dir);
    writeFileSync(join(dir, 'wtlint.config.yaml'), 'rules:\n  funding: warning\n');
    expect(await areas(dir)).toEqual(REAL);
  });

  it('misses when --edition changes', async () => {
    const dir = setup();
    await areas(dir);
    doctor(dir);
    expect(await areas(dir, '--edition', '2018')).toEqual(REAL);
  });

  it('keys on the version, the packs and schemas, and every option', () => {
    const base = { version: '0.1.0', resources: ['rules/wt2023.yaml\npack: wt2023'], options: { asOf: '2026-11-23' } };
    const keys = [
      settingsKey(base),
      settingsKey({ ...base, version: '0.1.1' }),
      settingsKey({ ...base, resources: ['rules/wt2023.yaml\npack: wt2023\n'] }),
      settingsKey({ ...base, options: { asOf: '2026-11-24' } }),
      settingsKey({ ...base, options: { asOf: '2026-11-23', edition: '2018' } }),
      settingsKey({ ...base, options: { asOf: '2026-11-23', defaultEdition: '2018' } }),
      settingsKey({ ...base, options: { asOf: '2026-11-23', severities: { funding: 'off' } } }),
    ];
    expect(new Set(keys).size).toBe(7);
    // Key order in the options does not matter.
    expect(settingsKey({ ...base, options: { severities: { a: 'off', b: 'info' }, asOf: '2026-11-23' } })).toBe(
      settingsKey({ ...base, options: { asOf: '2026-11-23', severities: { b: 'info', a: 'off' } } }),
    );
  });

  it('ignores a corrupt cache file with a warning, and rewrites it', async () => {
    const dir = setup();
    const plain = await cli(['check', '.', '-f', 'json'], { cwd: dir });
    writeFileSync(join(dir, '.wtlintcache'), '{"format": "wtlint-cache/2", "entr');
    const run = await cli(['check', '.', '-f', 'json', '--cache'], { cwd: dir });
    expect(run).toEqual({ ...plain, stderr: 'wtlint: ignoring the cache file .wtlintcache: it is not valid JSON; it will be rewritten\n' });
    expect(Object.keys(readCache(dir).entries)).toEqual(['arrangements.md', 'yearly-report.md']);
  });

  it('stores each finding text once, by number, in an ASCII file that reads back to the same report', async () => {
    const dir = setup();
    const plain = await cli(['check', '.', '-f', 'json'], { cwd: dir });
    expect(plain.stdout).toMatch(/[^\x00-\x7f]/); // the report has text beyond ASCII (’, —)
    await cli(['check', '.', '-f', 'json', '--cache'], { cwd: dir });
    const bytes = readFileSync(join(dir, '.wtlintcache'));
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    const cache = readCache(dir);
    expect(new Set(cache.texts).size).toBe(cache.texts.length);
    const finding = cache.entries['arrangements.md'].result.findings[0];
    expect([typeof finding.message, typeof finding.citation, typeof finding.help]).toEqual(['number', 'number', 'number']);
    const report = JSON.parse(plain.stdout).documents[0].findings[0];
    expect([cache.texts[finding.message], cache.texts[finding.citation], cache.texts[finding.help]]).toEqual([
      report.message,
      report.citation,
      report.help,
    ]);
    expect(await cli(['check', '.', '-f', 'json', '--cache'], { cwd: dir })).toEqual(plain);
  });

  it('ignores a cache file whose findings name texts it does not have', async () => {
    const dir = setup();
    const plain = await cli(['check', '.', '-f', 'json'], { cwd: dir });
    await cli(['check', '.', '-f', 'json', '--cache'], { cwd: dir });
    const cache = readCache(dir);
    cache.texts = cache.texts.slice(0, 1);
    writeFileSync(join(dir, '.wtlintcache'), JSON.stringify(cache));
    const run = await cli(['check', '.', '-f', 'json', '--cache'], { cwd: dir });
    expect(run).toEqual({
      ...plain,
      stderr: 'wtlint: ignoring the cache file .wtlintcache: it is not a wtlint cache; it will be rewritten\n',
    });
  });

  it('ignores a cache file of the wrong shape with a warning', async () => {
    const dir = setup();
    writeFileSync(
      join(dir, '.wtlintcache'),
      JSON.stringify({ format: 'wtlint-cache/2', settings: 'x', entries: { 'a.md': { content: 1 } } }),
    );
    const run = await cli(['check', '.', '-f', 'json', '--cache'], { cwd: dir });
    expect(run.stderr).toBe('wtlint: ignoring the cache file .wtlintcache: it is not a wtlint cache; it will be rewritten\n');
    expect(JSON.parse(run.stdout).documents.map((d: { area: string }) => d.area)).toEqual(REAL);
  });

  it('prunes entries of files that no longer exist, keeps other files checked earlier', async () => {
    const dir = setup();
    await areas(dir);
    await cli(['check', 'arrangements.md', '-f', 'json', '--cache'], { cwd: dir });
    expect(Object.keys(readCache(dir).entries)).toEqual(['arrangements.md', 'yearly-report.md']);
    rmSync(join(dir, 'yearly-report.md'));
    await cli(['check', 'arrangements.md', '-f', 'json', '--cache'], { cwd: dir });
    expect(Object.keys(readCache(dir).entries)).toEqual(['arrangements.md']);
  });

  it('--cache-location names the file (and implies --cache); paths are relative to it', async () => {
    const dir = setup();
    await cli(['check', '.', '-f', 'json', '--cache-location', 'cache/../wt.cache'], { cwd: dir });
    expect(existsSync(join(dir, '.wtlintcache'))).toBe(false);
    expect(Object.keys(readCache(dir, 'wt.cache').entries)).toEqual(['arrangements.md', 'yearly-report.md']);
  });

  it('a cache that cannot be written is a warning, not a failed run, and leaves no temporary file', async () => {
    const dir = setup();
    const plain = await cli(['check', '.', '-f', 'json'], { cwd: dir });
    const run = await cli(['check', '.', '-f', 'json', '--cache-location', 'missing/wt.cache'], { cwd: dir });
    const location = join(dir, 'missing', 'wt.cache');
    expect(run).toEqual({ ...plain, stderr: `wtlint: could not write the cache file ${location}: ENOENT\n` });
    // A folder where the file should be: the temporary file is written, cannot replace it, and is removed.
    mkdirSync(join(dir, 'folder.cache'));
    const blocked = await cli(['check', '.', '-f', 'json', '--cache-location', 'folder.cache'], { cwd: dir });
    expect(blocked.stdout).toBe(plain.stdout);
    expect(blocked.stderr).toContain(`wtlint: could not write the cache file ${join(dir, 'folder.cache')}: E`);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a run without --cache neither reads nor writes a cache', async () => {
    const dir = setup();
    await areas(dir);
    doctor(dir);
    const { stdout } = await cli(['check', '.', '-f', 'json'], { cwd: dir });
    expect(JSON.parse(stdout).documents.map((d: { area: string }) => d.area)).toEqual(REAL);
  });
});
