import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite compiles .ts, .mts and .tsx by default; src/fast-paths.cts (CommonJS on purpose) too.
  esbuild: { include: /\.(c|m)?tsx?$/ },
  test: {
    include: ['test/**/*.test.ts'],
    // `require` of the program's own .cjs files from the .cts sources (see the file).
    setupFiles: ['test/setup/cjs-sources.ts'],
    // better-sqlite3 is a native addon: child processes, not worker threads.
    pool: 'forks',
    // Two cores in CI: run two files at once (the default leaves one core idle).
    maxWorkers: 2,
    restoreMocks: true,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
