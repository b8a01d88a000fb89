import type { Page } from '@playwright/test';
import { setUpClinic } from './support/clinic-setup';

// Generated clinic and people: no real names.
export const CLINIC = 'Lindenhof Test Clinic';
export const ADMIN = { firstName: 'Morgan', lastName: 'Sampleton', username: 'msampleton', email: 'morgan.sampleton@example.org' };
export const ADMIN_PASSWORD = 'amber window harbour 42';
export const ZONE = 'Europe/Vienna';

/** A fresh clinic set up through its channel (the first-run form has its own spec), signed in as its super admin. */
export async function setUpClinicAsAdmin(page: Page): Promise<void> {
  await setUpClinic(page, { clinicName: CLINIC, timezone: ZONE, admin: ADMIN, password: ADMIN_PASSWORD }, 'channel');
}

export async function openSection(page: Page, name: 'Settings' | 'Doctors' | 'Reports' | 'Calendar'): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}
