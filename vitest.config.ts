import { defineConfig } from 'vitest/config';

// Integration tests talk to the real Redis and to real local HTTP servers, so
// they get generous timeouts; files run in parallel, each test under its own prefix.
// The CLI tests run the bundle in dist/: globalSetup rebuilds it first if it is stale.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault suite has its own config and script (npm run test:faults).
    exclude: ['test/faults/**', 'node_modules/**'],
    globalSetup: ['test/support/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most files wait on Redis, local servers and spawned CLIs rather than
    // compute, so one file per core (vitest's default leaves a core idle:
    // a single file at a time on 2 cores).
    maxWorkers: '100%',
    reporters: ['default'],
  },
});
