import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests (no I/O, fast) and integration tests against real servers, whose
// global setup provides MariaDB and a MongoDB-compatible server (scripts/test-services.mjs).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // scrypt at OWASP cost and the property runs pass 5 s on two cores shared with other runs.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          pool: 'forks',
          // Each file owns its databases, so files may run side by side; two cores here.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
