// Loads the bundled CLI (dist/bundle/wtlint.cjs, made by scripts/bundle.mjs) with V8's code
// cache from the build (dist/bundle/wtlint-<hash>.v8cache): the functions a check runs arrive
// compiled instead of being parsed and compiled again by every process (~40 ms of each start;
// docs/startup.md). The cache is named by the hash of the bundle's text that the build writes
// on the bundle's first line, so a rebuilt bundle never meets an old cache; V8 itself rejects a
// cache made by another Node version or other V8 flags, and then compiles as usual.
//
// CommonJS, as bin/wtlint.js is (bin/package.json): a process started from an ES module first
// loads Node's ES module loader, ~8 ms of every start.
'use strict';
const { isAscii } = require('node:buffer');
const { existsSync, readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const vm = require('node:vm');

const BUNDLE_FILE = join(__dirname, '..', 'dist', 'bundle', 'wtlint.cjs');

/**
 * V8 flags the CLI runs under, set before the bundle is compiled (and so under which the build
 * makes the code cache, which V8 accepts only under the flags it was made with). Flags are
 * process-wide: audit's worker threads run under them too.
 *
 * TurboFan's inlining budget per optimised function, half its default (920 bytes of bytecode):
 * about a quarter of an audit's CPU was TurboFan compiling, on threads competing with the two
 * that lint, and its largest jobs (the sentence pass with all it inlines, 35-160 ms each) ran
 * again after each early deopt. Counted in instructions at 1,000 plain areas, audit does 1.5%
 * less work and check 1.2% less; without inlining at all, audit did 2% more (docs/performance.md,
 * "The eleventh session").
 */
const V8_FLAGS = ['--max-inlined-bytecode-size-cumulative=460'];

/** The code cache file for a bundle text: named by the hash on its first line (`// wtlint bundle <hash>`). */
function cacheFileFor(file, source) {
  const hash = /^\/\/ wtlint bundle ([0-9a-f]+)\n/.exec(source)?.[1];
  return hash ? join(dirname(file), `wtlint-${hash}.v8cache`) : undefined;
}

/**
 * Runs the bundle as a CommonJS module and returns its exports, the compiled script (for the
 * build, which makes the cache from it) and whether a cache was used: 'accepted', 'rejected' or 'none'.
 */
function loadBundle(file = BUNDLE_FILE, { useCache = true } = {}) {
  if (!existsSync(file)) throw new Error(`${file} is missing: build wtlint first (npm run build)`);
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
  // The build writes the bundle in ASCII: read as such, it needs no UTF-8 decoding (~25 ms).
  const bytes = readFileSync(file);
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const cacheFile = useCache ? cacheFileFor(file, source) : undefined;
  const cachedData = cacheFile && existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
  return { exports: module.exports, script, cache };
}

module.exports = { BUNDLE_FILE, cacheFileFor, loadBundle };
