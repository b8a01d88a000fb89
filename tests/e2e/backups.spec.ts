import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';

// Generated clinic and people: no real names.
const CLINIC = 'Lindenhof Test Practice';
const ADMIN = { username: 'bexample', email: 'billie.example@example.org', firstName: 'Billie', lastName: 'Example' };
const PASSWORD = 'quiet harbour lamp 42';

test('an admin backs up the clinic, and a restore brings it back with a copy of what it replaced', async ({ page }) => {
  const setup = await invokeInPage(page, 'setup.complete', { clinicName: CLINIC, timezone: 'Europe/Berlin', admin: { ...ADMIN, password: PASSWORD } });
  expect(setup.ok).toBe(true);
  await page.reload();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Backups' }).click();
  await expect(page.getByText('No backups yet.')).toBeVisible();

  await page.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup made' })).toBeVisible();
  const rows = page.getByRole('table', { name: 'Backups' }).locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Made by hand');
  await saveScreen(page, 'backups-list');

  // The clinic moves on: a staff account made after the backup.
  const later = await invokeInPage(page, 'staff.create', {
    username: 'later.account',
    email: 'later.account@example.org',
    firstName: 'Later',
    lastName: 'Account',
    role: 'front_desk',
    password: PASSWORD,
  });
  expect(later.ok).toBe(true);

  await rows.first().getByRole('button', { name: /Restore the backup of/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Every patient, appointment, setting and account goes back');
  await saveScreen(page, 'backups-restore-confirm');
  await dialog.getByRole('button', { name: 'Restore this backup' }).click();
  await expect(page.getByRole('dialog', { name: 'The clinic was restored' })).toBeVisible();
  await saveScreen(page, 'backups-restored');
  await page.getByRole('button', { name: 'Continue to sign-in' }).click();

  await expect(page.getByRole('heading', { name: `Sign in to ${CLINIC}` })).toBeVisible();
  await page.getByLabel('User name or email').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await nav.getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('table', { name: 'Staff accounts' })).toContainText(ADMIN.username);
  await expect(page.getByRole('table', { name: 'Staff accounts' })).not.toContainText('later.account');

  await nav.getByRole('link', { name: 'Backups' }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'Backups' })).toContainText('Before a restore');
});
