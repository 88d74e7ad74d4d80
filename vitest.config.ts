import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'analyzers/**/*.test.ts',
      'indexer/**/*.test.ts',
      'server/**/*.test.ts',
      'engine/**/*.test.ts',
      'backup/**/*.test.ts',
      'chaos/**/*.test.ts',
      'web/**/*.test.ts',
      'common/**/*.test.ts',
      'eval/**/*.test.ts',
      'bench/**/*.test.ts',
      'deploy/**/*.test.ts',
    ],
    // Integration suites each start a real Meilisearch; keep them from starving a 2-core CI box.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
