import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/harness/global-setup.ts'],
    pool: 'forks',
    // Two cores: PGlite instances are large and IMAP servers are per worker.
    maxWorkers: 2,
    // Generous: the integration tests run real servers on a 2-core machine that CI loads fully.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
