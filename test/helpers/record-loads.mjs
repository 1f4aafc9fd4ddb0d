// node --import ./test/helpers/record-loads.mjs …: appends the URL of every ES module the process
// (and each worker thread, which inherits --import) loads to the file named by WTLINT_RECORD_LOADS.
// test/startup.test.ts uses it to see what a command loads.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (process.env.WTLINT_RECORD_LOADS) appendFileSync(process.env.WTLINT_RECORD_LOADS, url + '\\n');
  return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
