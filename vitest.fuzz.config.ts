// `npm run fuzz`: the property tests of issue 6 (and the Markdown walk against remark-parse) with many inputs and a fresh seed, and the
// pattern timing at 100 KB. Prints how many inputs were tried. WTLINT_FUZZ_RUNS overrides.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/robustness-fuzz.test.ts',
      'test/robustness-fuzz-converted.test.ts',
      'test/robustness-chunks.test.ts',
      'test/robustness-patterns.test.ts',
      'test/markdown-events.test.ts',
    ],
    testTimeout: 0,
    env: {
      WTLINT_FUZZ_RUNS: process.env.WTLINT_FUZZ_RUNS ?? '4000',
      WTLINT_PATTERN_BYTES: '100000',
    },
  },
});
