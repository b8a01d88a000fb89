import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { launchApp } from './support/launch';

test('a clinic set up earlier opens on the sign-in card, not the setup form', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-desk-e2e-'));
  try {
    const firstStart = await launchApp({ dataDir });
    try {
      await expect(firstStart.page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible();
      const setup = await invokeInPage(firstStart.page, 'setup.complete', {
        clinicName: 'Riverside Test Clinic',
        timezone: 'Europe/Lisbon',
        admin: {
          username: 'rtester',
          email: 'river.tester@example.org',
          firstName: 'River',
          lastName: 'Tester',
          password: 'quiet harbour lamp 42',
        },
      });
      expect(setup.ok).toBe(true);
    } finally {
      await firstStart.close();
    }

    const secondStart = await launchApp({ dataDir });
    try {
      await expect(secondStart.page.getByRole('heading', { name: 'Sign in to Riverside Test Clinic' })).toBeVisible();
      await expect(secondStart.page.getByRole('heading', { name: 'Set up your clinic' })).toHaveCount(0);
      await saveScreen(secondStart.page, 'sign-in');
      expect([...firstStart.pageErrors, ...secondStart.pageErrors]).toEqual([]);
    } finally {
      await secondStart.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
