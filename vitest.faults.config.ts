import { defineConfig } from 'vitest/config';

// The fault suite (npm run test:faults): each file starts a redis-server of its
// own (test/support/redis-server.ts) and real worker/server processes, then
// kills, restarts and starves them. Files run one at a time: the faults are
// about timing, and a loaded machine should not make them flaky.
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/support/build.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    reporters: ['default'],
  },
});
