import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { invokeInPage } from './invoke';

/** A generated clinic and its first super admin (no real people). */
export interface TestClinic {
  clinicName: string;
  timezone: string;
  admin: { firstName: string; lastName: string; username: string; email: string };
  password: string;
}

/**
 * The one first-run set-up of the end-to-end specs. `form` fills the first-run screen as a
 * person does (for specs about what follows it); `channel` completes it through its channel and
 * reloads, for specs that only need a clinic. Either way the app ends signed in as the admin.
 */
export async function setUpClinic(page: Page, clinic: TestClinic, how: 'form' | 'channel' = 'form'): Promise<void> {
  // A cold start builds the stores first: the first screen may take a while under load.
  await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible({ timeout: 60_000 });
  if (how === 'channel') {
    const result = await invokeInPage(page, 'setup.complete', {
      clinicName: clinic.clinicName,
      timezone: clinic.timezone,
      admin: { ...clinic.admin, password: clinic.password },
    });
    if (!result.ok) throw new Error(`setup failed: ${result.error.code} ${result.error.message}`);
    await page.reload();
  } else {
    const form = page.locator('form');
    await form.getByRole('combobox', { name: 'Time zone' }).fill(clinic.timezone.split('/').at(-1)!.toLowerCase());
    await form.getByRole('option', { name: new RegExp(clinic.timezone.replace('/', ' / ')) }).click();
    await form.getByLabel('Clinic name').fill(clinic.clinicName);
    await form.getByLabel('First name').fill(clinic.admin.firstName);
    await form.getByLabel('Last name').fill(clinic.admin.lastName);
    await form.getByLabel('Username').fill(clinic.admin.username);
    await form.getByLabel('Email').fill(clinic.admin.email);
    await form.getByLabel('Password', { exact: true }).fill(clinic.password);
    await form.getByLabel('Confirm password').fill(clinic.password);
    await form.getByRole('button', { name: 'Create clinic' }).click();
  }
  await expect(page.getByTestId('clinic-name')).toHaveText(clinic.clinicName);
}
