import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { DEMO_ENV, DOCTOR_PASSWORD, prepareDoctor, setUpClinic, signInAs } from './support/doctor-clinic';

test.use({ clinicEnv: DEMO_ENV });

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** Changes one setting of the Locale block on the Settings screen, as an admin does. */
async function changeSetting(page: Page, label: string, value: string, how: 'fill' | 'select', shown = value): Promise<void> {
  const row = page.getByRole('listitem', { name: label });
  await row.getByRole('button', { name: `Change ${label}` }).click();
  const field = row.getByLabel(label, { exact: true });
  if (how === 'select') await field.selectOption(value);
  else await field.fill(value);
  await row.getByRole('button', { name: 'Save' }).click();
  // The section re-renders with the new formats; the row shows the value in effect.
  await expect(page.getByRole('listitem', { name: label }).locator('.setting-row__current')).toHaveText(shown);
}

async function switchClinic(page: Page, to: { locale: string; clock: string; weekStart: string; currency: string }): Promise<void> {
  await nav(page).getByRole('link', { name: 'Settings', exact: true }).click();
  const block = page.getByRole('group', { name: 'Locale' });
  await expect(block).toBeVisible();
  await changeSetting(page, 'Locale', to.locale, 'fill');
  await changeSetting(page, 'Clock', to.clock, 'select', to.clock === '12' ? '12-hour (2:05 PM)' : '24-hour (14:05)');
  await changeSetting(page, 'First day of the week', to.weekStart, 'select', to.weekStart.charAt(0).toUpperCase() + to.weekStart.slice(1));
  await changeSetting(page, 'Currency', to.currency, 'fill');
}

const TWELVE_HOUR = /\b\d{1,2}:\d{2} [AP]M\b/;
const TWENTY_FOUR_HOUR = /\b\d{2}:\d{2}\b/;

test('switching the clinic to en-US (month first, 12-hour clock, Sunday, USD) and back changes every date, time and amount', async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await setUpClinic(page);
  const clinic = await prepareDoctor(page, 2);

  // en-GB, the default: day first, 24-hour clock, weeks from Monday, euros.
  await nav(page).getByRole('link', { name: 'Calendar', exact: true }).click();
  // the calendar keeps the view it was last left on: ask for the day view
  await page.getByRole('tab', { name: 'Day' }).click();
  await expect(page.getByRole('heading', { name: 'Monday 7 December 2026' })).toBeVisible();
  await expect(page.locator('.cal-gutter__hour').first()).toHaveText(TWENTY_FOUR_HOUR);
  await nav(page).getByRole('link', { name: 'Doctors', exact: true }).click();
  await expect(page.getByRole('table').first()).toContainText('€');

  await switchClinic(page, { locale: 'en-US', clock: '12', weekStart: 'sunday', currency: 'USD' });
  await expect(page.getByRole('listitem', { name: 'Clock' }).getByTestId('value-clock_hours')).toHaveText('12-hour (2:05 PM)');
  await saveScreen(page, 'locale-en-us-settings');

  // Calendar: the day's title month first, the hours on a 12-hour clock, the week from Sunday.
  await nav(page).getByRole('link', { name: 'Calendar', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Monday, December 7, 2026' })).toBeVisible();
  await expect(page.locator('.cal-gutter__hour').first()).toHaveText(TWELVE_HOUR);
  await expect(page.locator('.appt').first()).toHaveAccessibleName(/\d:\d{2} [AP]M/);
  await saveScreen(page, 'locale-en-us-calendar-day');
  await page.getByRole('tab', { name: 'Week' }).click();
  await expect(page.getByText('Dec 6 – Dec 12, 2026').first()).toBeVisible();
  await saveScreen(page, 'locale-en-us-calendar-week');
  await page.getByRole('tab', { name: 'Month' }).click();
  await expect(page.getByRole('columnheader').first()).toHaveText('Sun');
  await expect(page.getByText('December 2026')).toBeVisible();
  await saveScreen(page, 'locale-en-us-calendar-month');

  // Today: the date and the clock of the header.
  await nav(page).getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.locator('.flow__header')).toContainText(/Monday, December 7, 2026 · 10:\d{2} AM/);
  await saveScreen(page, 'locale-en-us-today');

  // The patient page: the birth date month first.
  await nav(page).getByRole('link', { name: 'Patients', exact: true }).click();
  const [firstName, lastName] = clinic.patientNames[0]!.split(' ') as [string, string];
  // first and last name together: the demo clinic has more patients of one last name than a page of results holds
  await page.getByLabel('Search patients').fill(`${firstName} ${lastName}`);
  await page.getByRole('table', { name: 'Patients found' }).getByRole('button', { name: `${lastName}, ${firstName}` }).first().click();
  await expect(page.getByText(/Born [A-Z][a-z]{2} \d{2}, \d{4}/)).toBeVisible();
  await saveScreen(page, 'locale-en-us-patient');

  // Fees in dollars; the report's weeks month first.
  await nav(page).getByRole('link', { name: 'Doctors', exact: true }).click();
  await expect(page.getByRole('table').first()).toContainText('$');
  await expect(page.getByRole('table').first()).not.toContainText('€');
  await saveScreen(page, 'locale-en-us-doctors');
  await nav(page).getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Utilization per doctor and week' }).getByRole('columnheader').nth(1)).toHaveText(/^[A-Z][a-z]{2} \d{1,2}$/);
  await saveScreen(page, 'locale-en-us-reports');

  // The doctor's day: their own appointments on the 12-hour clock.
  await signInAs(page, clinic.signInName, DOCTOR_PASSWORD);
  await expect(page.getByRole('heading', { name: 'My day', level: 2 })).toBeVisible();
  await expect(page.locator('.next-patient__marker')).toHaveText(TWELVE_HOUR);
  await expect(page.locator('#day-list-title')).toContainText('Monday, December 7, 2026');
  await saveScreen(page, 'locale-en-us-doctor-day');

  // Back to en-GB as the admin: the same screens read day first on the 24-hour clock again.
  await signInAs(page, 'lgadmin', 'silver kettle morning 17');
  await switchClinic(page, { locale: 'en-GB', clock: '24', weekStart: 'monday', currency: 'EUR' });
  await nav(page).getByRole('link', { name: 'Calendar', exact: true }).click();
  // the calendar keeps the view it was last left on: ask for the day view
  await page.getByRole('tab', { name: 'Day' }).click();
  await expect(page.getByRole('heading', { name: 'Monday 7 December 2026' })).toBeVisible();
  await expect(page.locator('.cal-gutter__hour').first()).toHaveText(TWENTY_FOUR_HOUR);
  await nav(page).getByRole('link', { name: 'Today', exact: true }).click();
  await expect(page.locator('.flow__header')).toContainText(/Monday 7 December 2026 · 1\d:\d{2}(?! [AP]M)/);
  await nav(page).getByRole('link', { name: 'Doctors', exact: true }).click();
  await expect(page.getByRole('table').first()).toContainText('€');
  await saveScreen(page, 'locale-en-gb-doctors');
});
