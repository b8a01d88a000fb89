import { defineConfig } from '@playwright/test';

/**
 * `npm run bench:ui`: browser timings of the built app (`npx electron-vite build` first), with the
 * end-to-end launcher. Kept apart from the end-to-end specs: these measure, they do not assert.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '../../../test-results/bench-ui',
  workers: 1,
  retries: 0,
  expect: { timeout: 30_000 },
  reporter: [['list']],
});
