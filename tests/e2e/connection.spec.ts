import { expect, test } from '@playwright/test';
import { saveScreen } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { launchApp } from './support/launch';
import { networkedClinic } from './support/network-services';

// Generated clinic and people: no real names.
const ADMIN = { username: 'nexample', email: 'noa.example@example.org', firstName: 'Noa', lastName: 'Example' };
const PASSWORD = 'amber window seven 61';

test('a networked workstation shows when the clinic server goes away and when it is back', async () => {
  test.setTimeout(180_000);
  const clinic = await networkedClinic();
  const app = await launchApp({ env: clinic.env });
  try {
    const { page } = app;
    expect((await invokeInPage(page, 'setup.complete', { clinicName: 'Ahornweg Test Clinic', timezone: 'Europe/Berlin', admin: { ...ADMIN, password: PASSWORD } })).ok).toBe(true);
    await page.reload();
    const indicator = page.getByTestId('connection-indicator');
    await expect(indicator).toContainText('Clinic server');

    await clinic.mysqlProxy.cut();
    // two failed probes five seconds apart, then the next poll of the indicator
    await expect(indicator).toContainText(/Offline\s*since \d{2}:\d{2}/, { timeout: 30_000 });
    await saveScreen(page, 'connection-offline');

    await clinic.mysqlProxy.restore();
    await expect(indicator).toContainText('Clinic server', { timeout: 30_000 });
    await saveScreen(page, 'connection-back');
  } finally {
    await app.close();
    await clinic.dispose();
  }
  expect(app.pageErrors).toEqual([]);
});
