import { defineConfig } from 'vitest/config';

// `npm run test:python`: the exported PyTorch scripts run for real in Debian's /usr/bin/python3
// (e2e-python/). Kept apart from the unit tests (vitest.config.ts); one file at a time, since
// each run already starts two or three Python processes on a 2-core machine.
export default defineConfig({
  test: {
    include: ['e2e-python/**/*.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
