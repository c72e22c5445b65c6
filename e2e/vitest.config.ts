import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['src/global-setup.ts'],
    include: ['src/**/*.test.ts'],
    // One server, one browser: the files run one after the other.
    fileParallelism: false,
    testTimeout: 60_000,
    // Starting the server includes initialising PostgreSQL and loading the demo data.
    hookTimeout: 120_000,
  },
});
