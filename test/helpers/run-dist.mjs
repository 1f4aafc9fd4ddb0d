#!/usr/bin/env node
// bin/wtlint.js as it was before the bundle: runs the CLI from the tsc output (dist/src), so
// test/startup.test.ts can compare the bundle (dist/bundle) with it.
import { run } from '../../dist/src/cli/main.js';

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
