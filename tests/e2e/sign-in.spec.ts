import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { setUpClinic as setUpTestClinic } from './support/clinic-setup';

// Generated people and clinic: no real names.
const CLINIC = 'Birkenweg Test Clinic';
const ADMIN = { firstName: 'Robin', lastName: 'Examplar', username: 'rexamplar', email: 'robin.examplar@example.org' };
const ADMIN_PASSWORD = 'silver kettle morning 17';
const DESK = { firstName: 'Kai', lastName: 'Fictional', username: 'kfictional', email: 'kai.fictional@example.org' };
const DESK_PASSWORD = 'paper lantern river 93';

async function setUpClinic(page: Page): Promise<void> {
  await setUpTestClinic(page, { clinicName: CLINIC, timezone: 'Europe/Vienna', admin: ADMIN, password: ADMIN_PASSWORD });
}

async function signIn(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByLabel('User name or email').fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

const signInHeading = (page: Page) => page.getByRole('heading', { name: `Sign in to ${CLINIC}` });
const calendar = (page: Page) => page.getByRole('region', { name: 'Calendar' });

test('sign-in, lockout, staff accounts, the audit trail and the automatic lock', async ({ page, clinic }) => {
  await setUpClinic(page);

  // Sign out: the sign-in screen, nothing of the calendar.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(signInHeading(page)).toBeVisible();
  await expect(calendar(page)).toHaveCount(0);

  // A wrong password: a clear banner, the name stays, the password is cleared.
  await signIn(page, ADMIN.username, 'not the right password');
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('The user name or password is not right');
  await expect(page.getByLabel('User name or email')).toHaveValue(ADMIN.username);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await saveScreen(page, 'sign-in-error');

  // The right one (by email this time): the calendar.
  await signIn(page, ADMIN.email, ADMIN_PASSWORD);
  await expect(calendar(page)).toBeVisible();
  await expect(page.getByText(`${ADMIN.firstName} ${ADMIN.lastName}`)).toBeVisible();

  // Staff: create a front-desk account; a second one with the same user name is refused on its field.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { name: 'Staff', level: 2 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Staff accounts' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Add staff account' }).click();
  const staffForm = page.locator('form.staff-form');
  await staffForm.getByRole('button', { name: 'Create account' }).click();
  await expect(staffForm.getByText('First name is required')).toBeVisible();
  await staffForm.getByLabel('First name').fill(DESK.firstName);
  await staffForm.getByLabel('Last name').fill(DESK.lastName);
  await staffForm.getByLabel('Username').fill(ADMIN.username);
  await staffForm.getByLabel('Email').fill(DESK.email);
  await staffForm.getByLabel('Role').selectOption('front_desk');
  await staffForm.getByLabel('First password').fill(DESK_PASSWORD);
  await staffForm.getByRole('button', { name: 'Create account' }).click();
  await expect(staffForm.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');
  await staffForm.getByLabel('Username').fill(DESK.username);
  await staffForm.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByText(`${DESK.firstName} ${DESK.lastName} can now sign in as ${DESK.username}.`)).toBeVisible();
  const deskRow = table.getByRole('row').filter({ hasText: DESK.username });
  await expect(deskRow).toContainText('Front desk');
  await expect(deskRow).toContainText('Active');
  await expect(deskRow).toContainText('Never');

  // Deactivate asks first; reactivate brings it back.
  await deskRow.getByRole('button', { name: /^Deactivate/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Deactivate ${DESK.firstName} ${DESK.lastName}?`);
  await dialog.getByRole('button', { name: 'Deactivate' }).click();
  await expect(deskRow).toContainText('Inactive');
  await deskRow.getByRole('button', { name: /^Reactivate/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reactivate' }).click();
  await expect(deskRow.getByText('Active', { exact: true })).toBeVisible();
  await saveScreen(page, 'staff');

  // The audit trail: the account changes above are recorded.
  await nav.getByRole('link', { name: 'Audit trail' }).click();
  const audit = page.getByRole('table', { name: 'Audit records' });
  await expect(audit.getByRole('row').filter({ hasText: 'Created a staff account' }).first()).toBeVisible();
  await page.getByLabel('Action').selectOption('create_staff_account');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(audit.getByRole('row')).toHaveCount(2); // the header and the one created account (the refused duplicate changed nothing)
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(audit.getByRole('row').filter({ hasText: 'Activated or deactivated a staff account' })).toHaveCount(2);
  await saveScreen(page, 'audit-trail');

  // Lockout: wrong passwords until main locks the account; its message says for how long.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(signInHeading(page)).toBeVisible();
  for (let attempt = 1; attempt <= 6; attempt += 1) {
    await signIn(page, ADMIN.username, `wrong password ${attempt}`);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
    await expect(page.getByRole('alert')).toBeVisible();
    if (((await page.getByRole('alert').textContent()) ?? '').includes('locked')) break;
  }
  await expect(page.getByRole('alert')).toContainText('This account is locked for now');
  await expect(page.getByTestId('sign-in-error')).toContainText(/minute/);
  // Even the right password is refused while the lock lasts.
  await signIn(page, ADMIN.username, ADMIN_PASSWORD);
  await expect(page.getByRole('alert')).toContainText('This account is locked for now');
  await expect(calendar(page)).toHaveCount(0);
  await saveScreen(page, 'sign-in-locked-out');

  // The automatic lock, with the test hook that shortens the idle time (bridge page only).
  if (clinic.mode === 'chromium') {
    const url = new URL(page.url());
    url.searchParams.set('idleSeconds', '3');
    await page.goto(url.toString());
    await expect(signInHeading(page)).toBeVisible();
    await signIn(page, DESK.username, DESK_PASSWORD);
    await expect(calendar(page)).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
      'Calendar',
      'Today',
      'Patients',
      'Walk-in',
      'Waiting list',
      'Kiosk',
      'Messages',
    ]);
    await page.getByRole('button', { name: 'Next day' }).click();
    const dayTitle = await page.getByRole('heading', { level: 2 }).textContent();

    const lockScreen = page.getByTestId('lock-screen');
    await expect(lockScreen).toBeVisible({ timeout: 10_000 });
    await expect(page.getByRole('heading', { name: `Locked — ${DESK.firstName} ${DESK.lastName}` })).toBeVisible();
    // Nothing of the calendar is reachable or shown: the app is inert, hidden and covered.
    await expect(calendar(page)).toHaveCount(0);
    await expect(page.locator('.app-root')).toHaveAttribute('inert', '');
    await expect(page.locator('.app-root')).toHaveAttribute('aria-hidden', 'true');
    const topElement = await page.evaluate(
      `document.elementFromPoint(window.innerWidth / 2, 200)?.closest('.lock-screen') !== null`,
    );
    expect(topElement).toBe(true);
    await saveScreen(page, 'locked');

    // A wrong password keeps it locked; the right one shows the same day again.
    await page.getByLabel('Password', { exact: true }).fill('not my password at all');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('alert')).toContainText('That password is not right');
    await page.getByLabel('Password', { exact: true }).fill(DESK_PASSWORD);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(calendar(page)).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(dayTitle ?? '');
  }
});
