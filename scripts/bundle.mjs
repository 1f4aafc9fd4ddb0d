#!/usr/bin/env node
// After tsc: bundle the compiled CLI (dist/src) into dist/bundle/, which bin/wtlint.js runs
// (to meet the start-up targets in docs/startup.md). One file instead of ~500 module loads saves ~120 ms of every cold
// start, and a V8 code cache made here saves ~40 ms more:
// - wtlint.cjs: the CLI (exports run, and serveAuditWorker for audit's worker threads), CommonJS
//   so that bin/load-bundle.js can compile it with the code cache (Node 20 has none for ES
//   modules). Its first line carries the hash of its text.
// - wtlint-<hash>.v8cache: the code cache, made after running check on examples/ in this process,
//   so it holds the functions a check compiles.
// - audit-worker.js: audit's worker thread, which src/audit-run/pool.ts starts as the sibling of
//   the CLI. It loads the same bundle with the same code cache: a worker built as its own ES
//   module bundle compiled the whole linter again in every worker (docs/performance.md).
// - pdf-worker.js: the thread that reads PDFs (src/engine/pdf-reader.ts), which can be stopped at the
//   time limit. PDF.js itself (pdfjs-dist) is never bundled: it is loaded from node_modules on the first PDF.
// Code imported lazily (each command, the HTML and Word converters) is only run when needed.
// dist/src stays as it is for the tests and the bench, which import it directly.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { BUNDLE_FILE, cacheFileFor, loadBundle } from '../bin/load-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Ajv and picomatch are required at run time only when needed (src/schema-validator.ts,
  // src/engine/config.ts); mammoth (.docx) is large CommonJS, required on the first Word document;
  // PDF.js (.pdf) is large and imported on the first PDF.
  external: ['ajv', 'ajv/*', 'ajv-formats', 'mammoth', 'picomatch', 'pdfjs-dist', 'pdfjs-dist/*'],
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
};

// commander requires node:child_process when it loads (for subcommands run as programs, which
// wtlint has none of), and with it net, dgram and the rest: ~5 ms of every start. The bundle gets
// a stand-in that loads the module on first use.
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, () => ({ path: 'child_process', namespace: 'lazy-builtin' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, () => ({
      contents:
        "let real; const load = () => (real ??= require('child_process'));\n" +
        'module.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });\n',
      loader: 'js',
    }));
  },
};

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

// The CLI: import.meta.url becomes the bundle's own file URL, which package-root.ts, precompiled.ts
// and audit-pool.ts (the worker beside it) resolve from.
const cli = await build({
  ...common,
  entryPoints: ['dist/src/cli/entry.js'],
  format: 'cjs',
  plugins: [lazyChildProcess],
  // Without white space the bundle is 1.4 MB instead of 2.1 to read at every start; names are
  // kept (no minifyIdentifiers), so a --debug stack trace still names its functions.
  minifyWhitespace: true,
  outfile: BUNDLE_FILE,
  define: { 'import.meta.url': '__wtlintUrl' },
  banner: { js: "const __wtlintUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// esbuild leaves characters beyond ASCII as they are in comments, regular expression literals
// and String.raw patterns; each is written as a \uXXXX escape (the same character to a regular
// expression, a String.raw pattern that becomes one, and a comment), so the bundle is ASCII and
// bin/load-bundle.js reads it without decoding UTF-8, ~25 ms of every start (docs/startup.md).
const text = cli.outputFiles[0].text;
// Where the escape would not mean the character, stop: after a backslash (an identity escape), or
// in a String.raw template (the source writes those with \uXXXX, which the RegExp made from them reads).
if (/\\[^\x00-\x7f]|String\.raw`[^`]*[^\x00-\x7f]/.test(text)) {
  throw new Error('bundle: a character beyond ASCII after a backslash or in a String.raw template; write it as \\uXXXX');
}
const body = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const source = `// wtlint bundle ${createHash('sha256').update(body).digest('hex').slice(0, 16)}\n${body}`;
writeFileSync(BUNDLE_FILE, source);

// The audit worker: a few lines that run the bundle above in the worker thread.
const WORKER_FILE = `${outdir}/audit-worker.js`;
writeFileSync(
  WORKER_FILE,
  `// An audit worker thread (made by scripts/bundle.mjs): the CLI's bundle and code cache, serving audit's batches.
import { loadBundle } from '../../bin/load-bundle.js';

await loadBundle().exports.serveAuditWorker();
`,
);

// The PDF reader's thread: an ES module (the package is "type": "module"); bundled CommonJS
// requires Node's modules.
await build({
  ...common,
  entryPoints: { 'pdf-worker': 'dist/src/engine/pdf-worker.js' },
  format: 'esm',
  splitting: true,
  outdir,
  chunkNames: 'worker/[name]-[hash]',
  banner: { js: "import { createRequire as __wtlintRequire } from 'node:module'; const require = __wtlintRequire(import.meta.url);" },
  write: true,
});

// The code cache: compile the bundle, check the examples (both editions, both kinds) in the
// formats people use most, then keep what V8 compiled.
const { exports, script } = loadBundle(BUNDLE_FILE, { useCache: false });
const quiet = {
  cwd: root,
  stdout: () => {},
  stderr: () => {},
  readStdin: async () => new Uint8Array(),
  isTTY: false,
  today: '2026-11-23',
  env: {},
};
for (const format of ['stylish', 'json']) await exports.run(['check', 'examples', '-f', format], quiet);
// check tunes V8's heap growth once its code is in (src/cli/heap.ts); V8 accepts a cache only
// under the flags it was made with, and the CLI loads the bundle under loadBundle's own flags
// (set above as they are in every process) with the heap's at their defaults.
setFlagsFromString('--heap-growing-percent=0');
const cache = script.createCachedData();
writeFileSync(cacheFileFor(BUNDLE_FILE, source), cache);

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
process.stdout.write(`bundled: dist/bundle/ (wtlint.cjs ${kb(source.length)}, code cache ${kb(cache.length)})\n`);
