import { defineConfig } from 'vitest/config';

// Real-browser tests: they build the extension (global setup), load it into
// Chromium and Firefox ESR and visit fixture pages served locally. Run with
// `npm run test:e2e`; the unit tests' config (vitest.config.ts) excludes them.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Browser start-up takes seconds; a stuck browser should still fail fast.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file launches its own browsers; running files side by side would
    // only make them compete for the CPU and make timings noisy.
    fileParallelism: false,
  },
});
