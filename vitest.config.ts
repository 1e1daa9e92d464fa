import { defineConfig } from 'vitest/config';
import { PREACT_ALIASES } from './vite-preact.ts';

export default defineConfig({
  resolve: { alias: PREACT_ALIASES },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // zustand's React entry imports 'react': inline it so the preact alias applies there too.
    server: { deps: { inline: ['zustand'] } },
  },
});
