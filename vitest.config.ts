import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // npm run coverage. The built app's suites (test/electron) run the bundle in child processes,
    // which v8 coverage does not follow: main/electron/** is under-counted by design.
    coverage: {
      provider: 'v8',
      include: ['main/**/*.ts', 'renderer/**/*.{ts,tsx}'],
      exclude: ['**/*.d.ts'],
      reporter: ['text-summary', 'html', 'json-summary'],
      reportsDirectory: 'coverage',
      // A figure even when a slow machine times a suite out.
      reportOnFailure: true,
    },
  },
});
