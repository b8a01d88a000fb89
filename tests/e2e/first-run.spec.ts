import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';

// Generated people and clinic: no real names.
const CLINIC = 'Lindenhof Test Clinic';
const ADMIN = { firstName: 'Morgan', lastName: 'Testperson', username: 'mtestperson' };
const GOOD_PASSWORD = 'quiet harbour lamp 42';

test('first run: the setup form creates the clinic and opens the calendar', async ({ page, clinic }) => {
  const setupHeading = page.getByRole('heading', { name: 'Set up your clinic' });
  await expect(setupHeading).toBeVisible();
  const form = page.locator('form');
  await saveScreen(page, 'first-run-form');

  // The time zone list is searchable by city.
  const timezone = form.getByRole('combobox', { name: 'Time zone' });
  await timezone.fill('vienna');
  await form.getByRole('option', { name: /Europe \/ Vienna/ }).click();
  await expect(timezone).toHaveValue('Europe/Vienna');

  await form.getByLabel('Clinic name').fill(CLINIC);
  await form.getByLabel('First name').fill(ADMIN.firstName);
  await form.getByLabel('Last name').fill(ADMIN.lastName);
  await form.getByLabel('Username').fill(ADMIN.username);
  await form.getByLabel('Email').fill('morgan-at-example');
  await form.getByLabel('Password', { exact: true }).fill('short');
  await form.getByLabel('Confirm password').fill('short');
  await form.getByRole('button', { name: 'Create clinic' }).click();

  // Field errors under their fields; nothing typed is lost.
  await expect(form.getByText('Enter a valid email address')).toBeVisible();
  await expect(form.getByText('Password must be at least 12 characters')).toBeVisible();
  await expect(form.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Email')).toHaveValue('morgan-at-example');
  await expect(form.getByLabel('Clinic name')).toHaveValue(CLINIC);
  await expect(form.getByLabel('Password', { exact: true })).toHaveValue('short');
  await expect(timezone).toHaveValue('Europe/Vienna');
  await expect(setupHeading).toBeVisible();
  await saveScreen(page, 'first-run-errors');

  await form.getByLabel('Email').fill('morgan.testperson@example.org');
  await form.getByLabel('Password', { exact: true }).fill(GOOD_PASSWORD);
  await form.getByLabel('Confirm password').fill(GOOD_PASSWORD);
  await expect(form.getByText('Enter a valid email address')).toBeHidden();
  await form.getByRole('button', { name: 'Create clinic' }).click();

  // The calendar shell: the clinic, the signed-in admin, the store, an empty day.
  await expect(page.getByTestId('clinic-name')).toHaveText(CLINIC);
  await expect(page.getByText(`${ADMIN.firstName} ${ADMIN.lastName}`)).toBeVisible();
  await expect(page.getByText('Super admin')).toBeVisible();
  await expect(page.getByText('Local store')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText(['Calendar', 'Today', 'Patients', 'Walk-in', 'Waiting list', 'Kiosk', 'Doctors', 'Reports', 'Settings', 'Medications', 'Messages', 'Feedback', 'Doctor ratings', 'Search feedback', 'Backups', 'Data health', 'Staff', 'Audit trail']);
  await expect(page.getByText('No doctors yet')).toBeVisible();
  await expect(page.getByText('Times in Europe/Vienna')).toBeVisible();
  await expect(page.getByText('07:00', { exact: true })).toBeVisible();

  // Day navigation moves one day at a time and "Today" comes back.
  const dayTitle = page.getByRole('heading', { level: 2 });
  const todayTitle = (await dayTitle.textContent()) ?? '';
  const relativeDay = page.locator('.day-toolbar__relative');
  await expect(relativeDay).toHaveText('Today');
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(relativeDay).toHaveText('Tomorrow');
  await expect(dayTitle).not.toHaveText(todayTitle);
  await page.getByRole('button', { name: 'Today' }).click();
  await expect(dayTitle).toHaveText(todayTitle);
  await expect(relativeDay).toHaveText('Today');
  await saveScreen(page, 'calendar-shell');

  // Nothing was refused by the CSP (Chromium reports refusals as console errors), nothing failed.
  expect(clinic.consoleErrors).toEqual([]);
});

test('the page runs under a strict Content-Security-Policy and opens no new windows', async ({ page, clinic }) => {
  await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');

  // The policy is enforced: an inline script is refused. (Evaluated as text: the node-side
  // tsconfig has no DOM types, and this runs in the page.)
  const inlineScriptRan = await page.evaluate(`(() => {
    const script = document.createElement('script');
    script.textContent = 'document.documentElement.dataset.inlineRan = "yes"';
    document.head.append(script);
    return document.documentElement.dataset.inlineRan === 'yes';
  })()`);
  expect(inlineScriptRan).toBe(false);

  if (clinic.mode === 'electron' && clinic.electronApp) {
    // main denies every new window (electron/main/window.ts).
    const refused = await page.evaluate(`window.open('https://example.org/') === null`);
    expect(refused).toBe(true);
    expect(clinic.electronApp.windows()).toHaveLength(1);
  }
});

test('setup refused by the server: a banner explains, the typed values stay', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible();
  const form = page.locator('form');
  await form.getByLabel('Clinic name').fill('Second Desk Test Clinic');
  await form.getByLabel('First name').fill('Jordan');
  await form.getByLabel('Last name').fill('Placeholder');
  await form.getByLabel('Username').fill('jplaceholder');
  await form.getByLabel('Email').fill('jordan.placeholder@example.org');
  await form.getByLabel('Password', { exact: true }).fill(GOOD_PASSWORD);
  await form.getByLabel('Confirm password').fill(GOOD_PASSWORD);

  // Meanwhile another workstation sets the clinic up first.
  const first = await invokeInPage(page, 'setup.complete', {
    clinicName: CLINIC,
    timezone: 'Europe/Vienna',
    admin: { ...ADMIN, email: 'morgan.testperson@example.org', password: GOOD_PASSWORD },
  });
  expect(first.ok).toBe(true);

  await form.getByRole('button', { name: 'Create clinic' }).click();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('This clinic is already set up');
  await expect(form.getByLabel('Clinic name')).toHaveValue('Second Desk Test Clinic');
  await expect(form.getByLabel('Email')).toHaveValue('jordan.placeholder@example.org');
  await saveScreen(page, 'first-run-already-set-up');

  // The call above ran in this workstation's main, whose one session now holds the admin it
  // created, so the calendar opens; a real second workstation shows its sign-in screen here.
  await banner.getByRole('button', { name: 'Go to sign-in' }).click();
  await expect(page.getByTestId('clinic-name')).toHaveText(CLINIC);
});
