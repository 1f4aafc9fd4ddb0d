#!/usr/bin/env node
// npm run bench [-- --areas N --runs R --startup-runs S --keep]
// Generates a deterministic corpus, then measures in one run: the parse-only baseline
// (read + yaml + remark-parse, one thread), `wtlint check` on one thread, `wtlint audit` with
// workers, the warm re-run with --cache, peak RSS, and cold start against `node -e 0`.
// Each corpus measurement runs in a fresh child process (this script with --child), so its
// peak RSS is its own and no run warms the JIT for another. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { makeDocument, loadSections, writeCorpus } from './corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'bin/wtlint.js');
const AS_OF = '2026-11-23';
const SELF = fileURLToPath(import.meta.url);

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
}

/** Every document under dir, in a stable order. */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|ya?ml)$/.test(e.name))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

// ---------------------------------------------------------------- child modes (one measurement each)

async function child(mode, args) {
  const t0 = performance.now();
  let extra = {};
  if (mode === 'baseline') {
    // The cost any such checker pays: read, decode, YAML front matter, remark-parse of the body.
    const { parse } = await import('yaml');
    const { unified } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const processor = unified().use(remarkParse);
    const decoder = new TextDecoder();
    let nodes = 0;
    for (const file of listFiles(args[0])) {
      const text = decoder.decode(readFileSync(file));
      const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
      try {
        if (fm) parse(fm[1]);
      } catch {
        // broken front matter: the parse was still paid for
      }
      nodes += processor.parse(fm ? text.slice(fm[0].length) : text).children.length;
    }
    extra = { nodes };
  } else if (mode === 'check') {
    const { run } = await import(pathToFileURL(join(ROOT, 'dist/src/cli/main.js')).href);
    const [dir, out, ...rest] = args;
    const io = {
      cwd: dir,
      stdout: () => {},
      stderr: (t) => process.stderr.write(t),
      readStdin: async () => new Uint8Array(),
      isTTY: false,
      today: AS_OF,
      env: {},
    };
    extra = { code: await run(['check', '.', '-f', 'json', '-o', out, '--as-of', AS_OF, ...rest], io) };
  } else if (mode === 'doc') {
    // One document linted in-process, repeatedly: the core's CPU time for this size.
    const { bundledLinter } = await import(pathToFileURL(join(ROOT, 'dist/src/engine/resources.js')).href);
    const linter = bundledLinter();
    const bytes = readFileSync(args[0]);
    const reps = Number(args[1]);
    for (let i = 0; i < 3; i++) linter.lintBytes('doc.md', bytes, { asOf: AS_OF }); // warm up
    const times = [];
    for (let i = 0; i < reps; i++) {
      const s = process.cpuUsage();
      linter.lintBytes('doc.md', bytes, { asOf: AS_OF });
      const u = process.cpuUsage(s);
      times.push((u.user + u.system) / 1000);
    }
    extra = { median: median(times) };
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, mainMs: mainThreadCpuMs(), rssKB: process.resourceUsage().maxRSS, ...extra }));
}

/**
 * CPU time of the main thread alone (Linux /proc, 10 ms ticks), without the GC and compiler
 * helper threads that process.cpuUsage() counts too: the work "on one thread". NaN elsewhere.
 */
function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, at USER_HZ = 100
  } catch {
    return NaN;
  }
}

function runChild(mode, args) {
  const r = spawnSync(process.execPath, [SELF, '--child', mode, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`child ${mode} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** A subprocess timed from outside, with peak RSS from /usr/bin/time when present. */
function runProcess(argv) {
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const full = useTime ? ['-f', '%U %S %M', process.execPath, ...argv] : argv;
  const s = performance.now();
  const r = spawnSync(cmd, full, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - s;
  const [user, sys, rss] = useTime ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, cpuMs: (user + sys) * 1000, rssKB: rss, status: r.status, stderr: r.stderr };
}

// ---------------------------------------------------------------- helpers

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMB = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : '–');

function repeat(runs, fn) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(fn(i));
  return summarize(results);
}

/** Medians of wall, CPU and main-thread CPU; the largest peak RSS. `work` is what ratios use: main-thread CPU where known. */
function summarize(results) {
  const main = median(results.map((r) => r.mainMs ?? NaN));
  const cpuMs = median(results.map((r) => r.cpuMs));
  return { ms: median(results.map((r) => r.ms)), cpuMs, mainMs: main, work: Number.isFinite(main) ? main : cpuMs, rssKB: Math.max(...results.map((r) => r.rssKB)), results };
}

function hasAudit() {
  const r = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
  return /^\s+audit\b/m.test(r.stdout);
}

// ---------------------------------------------------------------- main

async function main() {
  const areas = Number(arg('--areas', '1000'));
  const runs = Number(arg('--runs', '3'));
  const startupRuns = Number(arg('--startup-runs', '15'));
  if (!existsSync(join(ROOT, 'dist/src/cli/main.js'))) throw new Error('run `npm run build` first');
  const work = mkdtempSync(join(tmpdir(), 'wtlint-bench-'));
  const corpus = join(work, 'corpus');
  const half = join(work, 'half');
  const out = join(work, 'out.json');
  const cacheFile = join(work, 'wtlint.cache');
  const rows = [];
  const log = (t) => process.stderr.write(`${t}\n`);

  try {
    log(`generating ${areas} areas (and ${areas >> 1} for the growth check) in ${work}`);
    const { files, bytes } = writeCorpus(ROOT, corpus, areas);
    const halfStats = writeCorpus(ROOT, half, areas >> 1);
    log(`${files} documents, ${(bytes / 1048576).toFixed(1)} MB; ${halfStats.files} documents at N/2`);

    // Corpus runs, interleaved so a slow moment of the machine falls on every measurement alike.
    const samples = { baseline: [], check: [], half: [], halfBaseline: [] };
    for (let i = 0; i < runs; i++) {
      log(`run ${i + 1}/${runs}: baseline, check`);
      samples.baseline.push(runChild('baseline', [corpus]));
      samples.check.push(runChild('check', [corpus, out]));
      samples.halfBaseline.push(runChild('baseline', [half]));
      samples.half.push(runChild('check', [half, join(work, 'half.json')]));
    }
    const stat = summarize;
    const baseline = stat(samples.baseline);
    const check = stat(samples.check);
    const checkHalf = stat(samples.half);
    const baselineHalf = stat(samples.halfBaseline);
    const report = JSON.parse(readFileSync(out, 'utf8'));

    let audit = null;
    let auditHalf = null;
    if (hasAudit()) {
      log('audit with workers');
      // The areas are the subfolders of corpus/areas (the corpus folder itself holds one folder, which would be one area).
      audit = repeat(runs, () => runProcess([BIN, 'audit', join(corpus, 'areas'), '-f', 'json', '-o', join(work, 'audit.json'), '--as-of', AS_OF]));
      // Memory must not grow with the corpus: the same audit over half the areas, for its peak RSS.
      auditHalf = summarize([runProcess([BIN, 'audit', join(half, 'areas'), '-f', 'json', '-o', join(work, 'audit-half.json'), '--as-of', AS_OF])]);
    }

    log('check --cache: cold (fills the cache), then warm');
    rmSync(cacheFile, { force: true });
    const cached = join(work, 'cached.json');
    const cacheCold = summarize([runChild('check', [corpus, cached, '--cache', '--cache-location', cacheFile])]);
    const cacheWarm = repeat(runs, () => runChild('check', [corpus, cached, '--cache', '--cache-location', cacheFile]));
    const warmReport = JSON.parse(readFileSync(cached, 'utf8'));
    const cacheSame = JSON.stringify(warmReport) === JSON.stringify(report);

    // Cold start: subprocesses, interleaved, median of startupRuns each.
    log(`cold start, ${startupRuns} runs each`);
    const pools = loadSections(ROOT);
    const docDir = join(work, 'docs');
    const sizes = [10, 40, 160];
    const docFiles = {};
    for (const kb of sizes) {
      const file = join(docDir, `doc-${kb}kb`, 'arrangements.md');
      const text = makeDocument(pools, 7, 'arrangements', kb * 1024);
      rmSync(dirname(file), { recursive: true, force: true });
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      docFiles[kb] = file;
    }
    const start = { node: [], version: [], one: [] };
    for (let i = 0; i < startupRuns; i++) {
      start.node.push(runProcess(['-e', '0']));
      start.version.push(runProcess([BIN, '--version']));
      start.one.push(runProcess([BIN, 'check', docFiles[40], '-f', 'json', '--as-of', AS_OF]));
    }
    const startup = summarize;
    const node = startup(start.node);
    const version = startup(start.version);
    const one = startup(start.one);

    log('one document at 10, 40 and 160 KB');
    const perDoc = {};
    for (const kb of sizes) perDoc[kb] = runChild('doc', [docFiles[kb], String(kb >= 160 ? 10 : 30)]).median;

    // ------------------------------------------------------------ table
    // One-thread corpus runs are judged on the main thread's CPU time: on a busy machine wall time
    // mostly measures the neighbours, and all-thread CPU adds the GC and compiler helper threads
    // that run beside the main thread. Start-up (too short for /proc's 10 ms ticks) is judged on
    // the process's CPU. audit, which runs threads in parallel, is judged on wall time.
    const ratio = (m) => `${(m.work / baseline.work).toFixed(2)}×`;
    const verdict = (ok) => (ok ? 'met' : 'NOT MET');
    const row = (name, m, vs, target, ok) =>
      rows.push([name, fmtMs(m.ms), fmtMs(m.cpuMs), Number.isFinite(m.mainMs) ? fmtMs(m.mainMs) : '–', vs, fmtMB(m.rssKB), target, ok === undefined ? '' : verdict(ok)]);
    row('parse-only baseline (1 thread)', baseline, '1.00×', '', undefined);
    row('check (1 thread)', check, ratio(check), '≤ 1.20×', check.work <= 1.2 * baseline.work);
    if (audit) {
      const wallRatio = audit.ms / baseline.ms;
      row(`audit (workers, ${cpus().length} cores)`, audit, `${wallRatio.toFixed(2)}× wall`, '≤ 0.80× wall, ≤ 300 MB', wallRatio <= 0.8 && audit.rssKB <= 300 * 1024);
    } else {
      rows.push(['audit: not in this build', '–', '–', '–', '–', '–', '≤ 0.80× wall, ≤ 300 MB', '–']);
    }
    row('check --cache, cold (fills it)', cacheCold, ratio(cacheCold), '', undefined);
    row('check --cache, warm (unchanged)', cacheWarm, ratio(cacheWarm), '≤ 0.10×', cacheWarm.work <= 0.1 * baseline.work && cacheSame);
    row('node -e 0', node, '', '', undefined);
    const above = (m) => `+${fmtMs(m.cpuMs - node.cpuMs)} (wall +${fmtMs(m.ms - node.ms)})`;
    row('wtlint --version', version, above(version), '≤ +60 ms', version.cpuMs - node.cpuMs <= 60);
    row('wtlint check, one 40 KB document', one, above(one), '≤ +250 ms', one.cpuMs - node.cpuMs <= 250);

    const header = ['measurement', 'wall', 'CPU, all threads', 'CPU, main thread', 'vs baseline', 'peak RSS', 'target', ''];
    const table = [header, ...rows];
    const widths = header.map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
    const line = (r) => `| ${r.map((cell, c) => String(cell).padEnd(widths[c])).join(' | ')} |`;
    const kbN = bytes / 1024;
    const kbHalf = halfStats.bytes / 1024;
    const us = (ms, kb) => `${((ms * 1000) / kb).toFixed(0)} µs/KB`;
    const lines = [
      `wtlint bench: ${areas} areas, ${files} documents, ${(bytes / 1048576).toFixed(1)} MB; ${runs} runs each (medians); ` +
        `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
      '',
      line(header),
      `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
      ...rows.map(line),
      '',
      `check output: ${report.summary.documents} documents, ${report.summary.errors} errors, ${report.summary.warnings} warnings; ` +
        `warm --cache report ${cacheSame ? 'identical to' : 'DIFFERS FROM'} the uncached one`,
      '',
      'linear growth (time per KB):',
      `  corpus N/2 = ${areas >> 1} areas: check ${us(checkHalf.work, kbHalf)}, baseline ${us(baselineHalf.work, kbHalf)} (main-thread CPU); check peak RSS ${fmtMB(checkHalf.rssKB)}`,
      `  corpus N   = ${areas} areas: check ${us(check.work, kbN)}, baseline ${us(baseline.work, kbN)} (main-thread CPU); check peak RSS ${fmtMB(check.rssKB)}`,
      ...(audit && auditHalf ? [`  audit peak RSS: ${fmtMB(auditHalf.rssKB)} at N/2, ${fmtMB(audit.rssKB)} at N (results stream out; memory must not grow with the corpus)`] : []),
      `  one document (core only, in-process): ${sizes.map((kb) => `${kb} KB ${fmtMs(perDoc[kb])} (${us(perDoc[kb], kb)})`).join(', ')}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    if (process.argv.includes('--keep')) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3], process.argv.slice(4)).catch((e) => {
    process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  });
} else {
  main().catch((e) => {
    process.stderr.write(`${e.stack}\n`);
    process.exitCode = 1;
  });
}
