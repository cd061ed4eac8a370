import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests: Node by default (a test file can opt into a DOM with
// `// @vitest-environment ...`). WxtVitest supplies WXT's auto-imports, the `@/`
// aliases and an in-memory `browser` (fakeBrowser). Real-browser tests live in
// tests/e2e and run with vitest.e2e.config.ts.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', '**/node_modules/**'],
  },
});
