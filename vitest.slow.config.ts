// Slow or environment-dependent tests, kept out of `npm test`: `npm run test:slow`, `npm run test:browser`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [process.env.WTLINT_TESTS === 'browser' ? 'test/browser/**/*.browser.ts' : 'test/slow/**/*.slow.ts'],
    testTimeout: 120000,
  },
});
