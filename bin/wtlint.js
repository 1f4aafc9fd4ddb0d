#!/usr/bin/env node
// The only place that turns the CLI's result into a process exit code. Runs the bundle of the
// CLI (dist/bundle, made by npm run build from dist/src) with its code cache; see docs/startup.md.
// CommonJS (bin/package.json): started from an ES module, every process would first load Node's
// ES module loader (~8 ms).
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { loadBundle } = require('./load-bundle.js');

const args = process.argv.slice(2);

// `wtlint --version` alone needs nothing of the CLI: the version is read from package.json, as
// the CLI itself reads it, without reading and deserialising the bundle (docs/startup.md).
const versionOnly = args.length === 1 && (args[0] === '--version' || args[0] === '-v');

const start = async () => (versionOnly ? printVersion() : loadBundle().exports.run(args));

function printVersion() {
  process.stdout.write(`${JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version}\n`);
  return 0;
}

start().then(
  (code) => {
    process.exitCode = code;
    exitWhenWritten();
  },
  (error) => {
    process.stderr.write(`wtlint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.argv.includes('--debug') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  },
);

// Once the output is written, nothing is left to do: exit rather than let the process run the
// garbage collection V8 has scheduled for later (~10 ms of a short run). Waiting for both streams'
// write callbacks keeps output that is still on its way through a pipe.
function exitWhenWritten() {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit();
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
