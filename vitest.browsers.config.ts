import { defineConfig } from 'vitest/config';

// `npm run test:browsers`: the cross-engine lane (e2e-browsers/), Node driving Firefox ESR and
// WebKit against the built app. Kept apart from the unit tests (vitest.config.ts).
export default defineConfig({
  test: {
    include: ['e2e-browsers/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e-browsers/server.ts'],
    testTimeout: 480_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
