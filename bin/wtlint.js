#!/usr/bin/env node
// The only place that turns the CLI's result into a process exit code. Runs the bundle of the
// CLI (dist/bundle, made by npm run build from dist/src) with its code cache; see docs/startup.md.
import { loadBundle } from './load-bundle.js';

const start = async () => loadBundle().exports.run(process.argv.slice(2));

start().then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`wtlint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.argv.includes('--debug') && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    process.exitCode = 2;
  },
);
