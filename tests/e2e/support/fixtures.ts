import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { scanScreen } from './accessibility';
import { launchApp, REPO_ROOT, type LaunchedApp } from './launch';

export interface ClinicFixtures {
  /** Extra environment for the app's main side; set per spec with `test.use({ clinicEnv })`. */
  clinicEnv: Record<string, string>;
  /** Whether the page runs on the app's pinned clock too (see LaunchOptions.pageClock). */
  pageClock: boolean;
  /** The running app on a fresh data folder. */
  clinic: LaunchedApp;
  /** The app's window: Electron's, or the Chromium page over the bridge. */
  page: Page;
}

/** Every spec is written once and runs in Electron or in Chromium over the bridge. */
export const test = base.extend<ClinicFixtures>({
  clinicEnv: [{}, { option: true }],
  pageClock: [true, { option: true }],
  clinic: async ({ clinicEnv, pageClock }, use) => {
    const app = await launchApp({ env: clinicEnv, pageClock });
    try {
      await use(app);
    } finally {
      await app.close();
    }
    // A crash in the page is a failure even when the assertions happened to pass before it.
    expect(app.pageErrors, 'uncaught errors in the page').toEqual([]);
  },
  page: async ({ clinic }, use) => {
    await use(clinic.page);
  },
});

export { expect };

const SCREENS_DIR = join(REPO_ROOT, 'test-results', 'screens');

/**
 * Saves a screenshot for people to review (test-results/screens/<name>.png, not in git) and
 * scans the same screen with axe: every screen the suite looks at is held to WCAG 2.1 AA.
 */
export async function saveScreen(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const path = join(SCREENS_DIR, `${name}.png`);
  // Let fades and the caret settle so the picture shows the screen as a person sees it.
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  await scanScreen(page, name);
  return path;
}
