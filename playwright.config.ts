import { defineConfig } from '@playwright/test';

/**
 * UI flows against the BUILT app (`npx electron-vite build` first): in Electron when its binary
 * is installed, else in Chromium over the loopback bridge (tests/e2e/support/launch.ts). Each
 * test starts its own app on its own data folder, so one worker keeps the machine calm.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
