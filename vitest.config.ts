import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    reporters: ['default', './test/support/summary-reporter.ts'],
    testTimeout: 20_000,
    // At least two: vitest's default (one worker fewer than the CPUs) ran the suite in one
    // worker on a 2-core machine, about 8½ minutes; two take about 5½ (6¾ with another process
    // busy on a core), every suite still green. The slow suites wait on child processes (the
    // built app, Chromium, watch), so the second worker mostly fills their waits.
    maxWorkers: Math.max(2, availableParallelism() - 1),
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
