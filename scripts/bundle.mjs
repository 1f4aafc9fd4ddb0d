#!/usr/bin/env node
// After tsc: bundle the compiled CLI (dist/src) into dist/bundle/, which bin/wtlint.js runs.
// One file per entry instead of ~500 module loads saves ~120 ms of every cold start (issue 5;
// docs/startup.md). Entries: wtlint.js (the CLI, exporting run) and audit-worker.js (audit's
// worker thread, which audit-pool.ts starts as the sibling of its own module). Code imported
// lazily (each command, the HTML and Word converters) stays in chunks loaded on first use.
// dist/src stays as it is for the tests and the bench, which import it directly.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { wtlint: 'dist/src/cli/main.js', 'audit-worker': 'dist/src/cli/audit-worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Ajv and picomatch are required at run time only when needed (src/schema-validator.ts,
  // src/cli/config.ts); mammoth (.docx) is large CommonJS loaded on the first Word document.
  external: ['ajv', 'ajv/*', 'ajv-formats', 'mammoth', 'picomatch'],
  // Bundled CommonJS (commander, yaml) requires Node's own modules.
  banner: { js: "import { createRequire as __wtlintRequire } from 'node:module'; const require = __wtlintRequire(import.meta.url);" },
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
});
const outputs = Object.entries(result.metafile.outputs);
const kb = outputs.reduce((sum, [, o]) => sum + o.bytes, 0) / 1024;
process.stdout.write(`bundled: dist/bundle/ (${outputs.length} files, ${kb.toFixed(0)} KB)\n`);
