#!/usr/bin/env node
// npm run bench [-- --areas N --runs R --startup-runs S --corpus own|plain|both --pdf-areas P --keep]
//
// Speed as a user meets it: every measurement is a whole process started the way a user starts
// it (`node bin/wtlint.js check …`, `… audit …`), timed from outside in wall time, with CPU time
// and peak RSS from /usr/bin/time. The parse-only baseline (test/bench/baseline-parse.mjs: read,
// remark-parse with remark-frontmatter, yaml) runs as its own process on the same files. Runs are
// interleaved (baseline, check, audit, baseline, …) so a slow moment of a shared machine falls on
// every measurement alike; the table gives medians and the spread (min–max).
//
// Two corpora, because ratios depend on the prose: the project's own (test/bench/corpus.mjs,
// assembled from the examples and prose fixtures, rich in Markdown constructs) and a plainer one
// written independently (test/bench/plain-corpus.mjs, seed 7). PDFs (test/bench/pdf-corpus.mjs,
// made with pdf-lib): one 60-page PDF end to end, and audit of P area folders of PDFs.
// Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSections, makeDocument, writeCorpus } from './corpus.mjs';
import { writeOnePdf, writePdfAreas } from './pdf-corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/wtlint.js');
const BASELINE = join(ROOT, 'test/bench/baseline-parse.mjs');
const PLAIN = join(ROOT, 'test/bench/plain-corpus.mjs');
const AS_OF = '2026-11-23';
const PLAIN_SEED = '7';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}
const log = (t) => process.stderr.write(`${t}\n`);

// ---------------------------------------------------------------- processes

/** One whole process, timed from outside: wall, CPU (user + system, all threads), peak RSS. */
function runProcess(argv, { expect = [0, 1] } = {}) {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ms = performance.now() - started;
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [user, sys, rss] = last.split(' ').map(Number);
  if (!expect.includes(r.status)) throw new Error(`${argv.join(' ')} exited ${r.status}:\n${r.stderr.slice(-2000)}`);
  return { ms, cpuMs: (user + sys) * 1000, rssKB: rss };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Medians of wall and CPU, the spread of wall, and the largest peak RSS. */
function summarize(results) {
  const walls = results.map((r) => r.ms);
  return {
    ms: median(walls),
    min: Math.min(...walls),
    max: Math.max(...walls),
    cpuMs: median(results.map((r) => r.cpuMs)),
    rssKB: Math.max(...results.map((r) => r.rssKB)),
    runs: results.length,
  };
}

/** Runs each named command `runs` times, interleaved, and summarizes each. */
function interleaved(runs, commands, label) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    log(`${label}: run ${i + 1}/${runs} (${Object.keys(commands).join(', ')})`);
    for (const [name, argv] of Object.entries(commands)) samples[name].push(runProcess(argv));
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)]));
}

// ---------------------------------------------------------------- corpora

function sizeOf(dir, pattern = /\.md$/) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !pattern.test(entry.name)) continue;
    files++;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** Writes a corpus of n areas; returns the folder whose subfolders are the areas. */
function generate(kind, dir, n) {
  if (kind === 'own') {
    writeCorpus(ROOT, dir, n);
    return join(dir, 'areas');
  }
  const r = spawnSync(process.execPath, [PLAIN, dir, String(n), '--seed', PLAIN_SEED], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`plain corpus: ${r.stderr}`);
  return dir;
}

// ---------------------------------------------------------------- formatting

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMB = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : '–');
const signed = (ms) => `${ms < 0 ? '−' : '+'}${fmtMs(Math.abs(ms))}`;
const spread = (m) => (m.runs > 1 ? `${fmtMs(m.min)}–${fmtMs(m.max)}` : '–');

function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => String(r[c]).length)));
  const line = (r) => `| ${r.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- one corpus

function benchCorpus(kind, work, areas, runs) {
  const dir = join(work, kind);
  const halfDir = join(work, `${kind}-half`);
  log(`${kind} corpus: generating ${areas} areas and ${areas >> 1} for the growth check`);
  const full = generate(kind, dir, areas);
  const half = generate(kind, halfDir, areas >> 1);
  const size = sizeOf(full);
  const halfSize = sizeOf(half);
  const out = (name) => join(work, `${kind}-${name}.json`);
  const check = (target, name, ...extra) => [BIN, 'check', target, '-f', 'json', '-o', out(name), '--as-of', AS_OF, ...extra];
  const audit = (target, name, ...extra) => [BIN, 'audit', target, '-f', 'json', '-o', out(name), '--as-of', AS_OF, ...extra];

  const m = interleaved(runs, { baseline: [BASELINE, full], check: check(full, 'check'), audit: audit(full, 'audit') }, `${kind} N`);
  const h = interleaved(
    1,
    { baseline: [BASELINE, half], check: check(half, 'check-half'), audit: audit(half, 'audit-half') },
    `${kind} N/2`,
  );
  // What the second core buys: audit on the main thread alone against audit with its workers.
  const jobs = interleaved(
    1,
    { one: audit(half, 'audit-jobs0', '--jobs', '0'), two: audit(half, 'audit-jobs2', '--jobs', '2') },
    `${kind} audit --jobs`,
  );

  const cacheFile = join(work, `${kind}.cache`);
  rmSync(cacheFile, { force: true });
  const cached = check(full, 'cached', '--cache', '--cache-location', cacheFile);
  const cold = summarize([runProcess(cached)]);
  // Warm runs take a fraction of a second: each is interleaved with a baseline run of its own,
  // and compared with those, so a slow or fast spell of a shared machine cannot decide the ratio.
  const warmRuns = interleaved(runs, { baseline: [BASELINE, full], warm: cached }, `${kind} --cache warm`);
  const warm = { ...warmRuns.warm, base: warmRuns.baseline.ms };
  const same = readFileSync(out('cached'), 'utf8') === readFileSync(out('check'), 'utf8');
  const report = JSON.parse(readFileSync(out('check'), 'utf8'));

  const base = m.baseline.ms;
  const ratio = (x) => x.ms / (x.base ?? base);
  const verdict = (ok) => (ok ? 'met' : 'NOT MET');
  const row = (name, x, target, ok) => [
    name,
    fmtMs(x.ms),
    spread(x),
    fmtMs(x.cpuMs),
    `${ratio(x).toFixed(2)}×`,
    fmtMB(x.rssKB),
    target,
    ok === undefined ? '' : verdict(ok),
  ];
  const rows = [
    row('parse-only baseline (own process)', m.baseline, '', undefined),
    row('wtlint check', m.check, '≤ 1.20×, ≤ 300 MB', ratio(m.check) <= 1.2 && m.check.rssKB <= 300 * 1024),
    row(`wtlint audit (${cpus().length} cores)`, m.audit, '≤ 0.80×, ≤ 300 MB', ratio(m.audit) <= 0.8 && m.audit.rssKB <= 300 * 1024),
    row('wtlint check --cache, cold', cold, '', undefined),
    row('wtlint check --cache, warm', warm, '≤ 0.10×, same report', ratio(warm) <= 0.1 && same),
  ];
  const us = (ms, bytes) => `${((ms * 1000) / (bytes / 1024)).toFixed(0)} µs/KB`;
  const targetsMet = rows.every((r) => r[7] !== 'NOT MET');
  const text = [
    `${kind === 'own' ? 'own corpus (test/bench/corpus.mjs)' : `plain corpus (test/bench/plain-corpus.mjs, seed ${PLAIN_SEED})`}: ` +
      `${areas} areas, ${size.files} documents, ${(size.bytes / 1048576).toFixed(1)} MiB; medians of ${runs} interleaved runs, wall time`,
    '',
    table(['measurement', 'wall', 'spread', 'CPU', 'vs baseline', 'peak RSS', 'target', ''], rows),
    '',
    `warm --cache against the baseline runs interleaved with it (median ${fmtMs(warm.base)})`,
    `check found ${report.summary.errors} errors, ${report.summary.warnings} warnings in ${report.summary.documents} documents; ` +
      `the warm --cache report is ${same ? 'identical to' : 'DIFFERENT FROM'} the uncached one`,
    `growth: at N/2 (${areas >> 1} areas) check ${us(h.check.ms, halfSize.bytes)} vs baseline ${us(h.baseline.ms, halfSize.bytes)}; ` +
      `at N check ${us(m.check.ms, size.bytes)} vs baseline ${us(m.baseline.ms, size.bytes)} (wall)`,
    `peak RSS: check ${fmtMB(h.check.rssKB)} at N/2, ${fmtMB(m.check.rssKB)} at N; audit ${fmtMB(h.audit.rssKB)} at N/2, ${fmtMB(m.audit.rssKB)} at N`,
    `audit at N/2: --jobs 0 ${fmtMs(jobs.one.ms)} (CPU ${fmtMs(jobs.one.cpuMs)}), --jobs 2 ${fmtMs(jobs.two.ms)} (CPU ${fmtMs(jobs.two.cpuMs)}): ` +
      `the workers give ${(jobs.one.ms / jobs.two.ms).toFixed(2)}× over the main thread alone; audit CPU is ` +
      `${((m.audit.cpuMs / m.check.cpuMs - 1) * 100).toFixed(0)}% over check's on the same files`,
  ].join('\n');
  return { text, targetsMet };
}

// ---------------------------------------------------------------- start-up

function benchStartup(work, startupRuns) {
  const file = join(work, 'one', 'arrangements.md');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, makeDocument(loadSections(ROOT), 7, 'arrangements', 40 * 1024));
  const s = interleaved(
    startupRuns,
    { node: ['-e', '0'], version: [BIN, '--version'], one: [BIN, 'check', file, '-f', 'json', '--as-of', AS_OF] },
    'start-up',
  );
  const over = (x) => x.ms - s.node.ms;
  const rows = [
    ['node -e 0', fmtMs(s.node.ms), spread(s.node), fmtMs(s.node.cpuMs), '', '', ''],
    [
      'wtlint --version',
      fmtMs(s.version.ms),
      spread(s.version),
      fmtMs(s.version.cpuMs),
      signed(over(s.version)),
      '≤ +60 ms',
      over(s.version) <= 60 ? 'met' : 'NOT MET',
    ],
    [
      'wtlint check, one 40 KB document',
      fmtMs(s.one.ms),
      spread(s.one),
      fmtMs(s.one.cpuMs),
      signed(over(s.one)),
      '≤ +250 ms',
      over(s.one) <= 250 ? 'met' : 'NOT MET',
    ],
  ];
  return {
    text: `start-up: medians of ${startupRuns} interleaved runs, wall time over \`node -e 0\`\n\n${table(['measurement', 'wall', 'spread', 'CPU', 'over node', 'target', ''], rows)}`,
    targetsMet: rows.every((r) => r[6] !== 'NOT MET'),
  };
}

// ---------------------------------------------------------------- PDF

/** PDFs have no parse-only baseline and no target yet: the rows say what a user waits for. */
async function benchPdf(work, pdfAreas, runs) {
  const one = await writeOnePdf(ROOT, join(work, 'pdf-one'), 60);
  const areasDir = await writePdfAreas(ROOT, join(work, 'pdf-areas'), pdfAreas);
  const size = sizeOf(areasDir, /\.pdf$/);
  const s = interleaved(
    runs,
    {
      one: [BIN, 'check', one.file, '-f', 'json', '-o', join(work, 'pdf-one.json'), '--as-of', AS_OF],
      areas: [BIN, 'audit', areasDir, '-f', 'json', '-o', join(work, 'pdf-areas.json'), '--as-of', AS_OF],
    },
    'PDF',
  );
  const rows = [
    [`wtlint check, one ${one.pages}-page PDF`, fmtMs(s.one.ms), spread(s.one), fmtMs(s.one.cpuMs), fmtMB(s.one.rssKB)],
    [
      `wtlint audit, ${pdfAreas} areas of PDFs (${size.files} files, ${(size.bytes / 1048576).toFixed(1)} MiB)`,
      fmtMs(s.areas.ms),
      spread(s.areas),
      fmtMs(s.areas.cpuMs),
      fmtMB(s.areas.rssKB),
    ],
  ];
  return {
    text: `PDF (test/bench/pdf-corpus.mjs): medians of ${runs} interleaved runs, whole processes\n\n${table(['measurement', 'wall', 'spread', 'CPU', 'peak RSS'], rows)}`,
    targetsMet: true,
  };
}

// ---------------------------------------------------------------- main

async function main() {
  const areas = Number(arg('--areas', '1000'));
  const pdfAreas = Number(arg('--pdf-areas', '50'));
  const runs = Number(arg('--runs', '3'));
  const startupRuns = Number(arg('--startup-runs', '15'));
  const which = arg('--corpus', 'both');
  if (!existsSync(join(ROOT, 'dist/bundle')) && !existsSync(join(ROOT, 'dist/src'))) throw new Error('run `npm run build` first');
  if (!existsSync('/usr/bin/time')) throw new Error('the bench needs /usr/bin/time (Debian package `time`) for CPU time and peak RSS');
  const work = mkdtempSync(join(tmpdir(), 'wtlint-bench-'));
  const sections = [];
  try {
    for (const kind of which === 'both' ? ['own', 'plain'] : [which]) sections.push(benchCorpus(kind, work, areas, runs));
    sections.push(benchStartup(work, startupRuns));
    if (pdfAreas > 0) sections.push(await benchPdf(work, pdfAreas, runs));
    const head = `wtlint bench: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB`;
    const verdict = sections.every((s) => s.targetsMet) ? 'every target met' : 'some targets NOT MET';
    process.stdout.write(`${head}\n\n${sections.map((s) => s.text).join('\n\n')}\n\n${verdict}\n`);
  } finally {
    if (process.argv.includes('--keep')) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

await main();
