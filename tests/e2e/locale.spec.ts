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
/** A time not followed by AM/PM: what must not be left on a 12-hour clinic's screens. */
const TIME_WITHOUT_HALF = /\b\d{1,2}:\d{2}(?! ?[AP]M)/;

/** Every field and button of a form lies inside it and no two overlap: nothing cut or covered. */
async function overlapsIn(page: Page, formName: string): Promise<string[]> {
  return page.getByRole('form', { name: formName }).evaluate((form) => {
    const box = form.getBoundingClientRect();
    const parts = [...form.querySelectorAll('input, select, button, .field__label')].map((el) => ({ el, r: el.getBoundingClientRect() }));
    const name = (el: (typeof parts)[number]['el']) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.tagName;
    const found: string[] = [];
    for (const { el, r } of parts) {
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5) found.push(`${name(el)} is cut by the form's edge`);
      if (el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'SELECT') found.push(`${name(el)} is cut inside`);
    }
    for (let i = 0; i < parts.length; i++)
      for (let j = i + 1; j < parts.length; j++) {
        const a = parts[i]!.r;
        const b = parts[j]!.r;
        if (parts[i]!.el.contains(parts[j]!.el) || parts[j]!.el.contains(parts[i]!.el)) continue;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) found.push(`${name(parts[i]!.el)} overlaps ${name(parts[j]!.el)}`);
      }
    return found;
  });
}

test('switching the clinic to en-US (month first, 12-hour clock, Sunday, USD) and back changes every date, time and amount', async ({ page }) => {
  test.setTimeout(900_000);
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
  // Opening hours on the 12-hour clock, in the summary and in the editor, whose week starts on Sunday.
  const openingHours = page.getByRole('listitem', { name: 'Opening hours' });
  await expect(openingHours.getByTestId('value-opening_hours')).toHaveText(/^Mon–Fri 8:00 AM–6:00 PM/);
  await expect(openingHours.getByTestId('value-opening_hours')).not.toHaveText(TIME_WITHOUT_HALF);
  await saveScreen(page, 'locale-en-us-settings');
  await openingHours.getByRole('button', { name: 'Change Opening hours' }).click();
  await expect(openingHours.locator('.day-ranges__day').first()).toHaveText('Sunday');
  await expect(openingHours.getByLabel('Monday range 1 from')).toHaveValue('8:00 AM');
  await openingHours.getByLabel('Monday range 1 from').fill('7.30 am');
  await openingHours.getByLabel('Monday range 1 until').focus();
  await expect(openingHours.getByLabel('Monday range 1 from')).toHaveValue('7:30 AM');
  await openingHours.getByLabel('Monday range 1 until').fill('1930');
  await openingHours.getByLabel('Monday range 1 from').focus();
  await expect(openingHours.getByLabel('Monday range 1 until')).toHaveValue('7:30 PM');
  await saveScreen(page, 'locale-en-us-opening-hours-editor');
  await openingHours.getByRole('button', { name: 'Cancel' }).click();

  // Calendar: the day's title month first, the hours on a 12-hour clock, the week from Sunday.
  await nav(page).getByRole('link', { name: 'Calendar', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Monday, December 7, 2026' })).toBeVisible();
  await expect(page.locator('.cal-gutter__hour').first()).toHaveText(TWELVE_HOUR);
  await expect(page.locator('.appt').first()).toHaveAccessibleName(/\d:\d{2} [AP]M/);
  // the date field month first, whatever the browser's own locale
  await expect(page.getByLabel('Go to date')).toHaveValue('12/07/2026');
  await page.getByLabel('Go to date').fill('12/08/2026');
  await expect(page.getByRole('heading', { name: 'Tuesday, December 8, 2026' })).toBeVisible();
  await page.getByLabel('Go to date').press('ArrowDown');
  await expect(page.getByRole('heading', { name: 'Monday, December 7, 2026' })).toBeVisible();
  await expect(page.getByLabel('Go to date')).toHaveValue('12/07/2026');
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
  await page.getByRole('button', { name: 'Edit details' }).click();
  const birth = page.getByLabel('Date of birth');
  await expect(birth).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(birth).toHaveAttribute('placeholder', 'MM/DD/YYYY');
  const storedBirth = await birth.inputValue();
  await birth.fill('31/12/1980');
  await expect(page.getByText('Not a date: write it as MM/DD/YYYY, e.g. 12/24/2026.')).toBeVisible();
  await birth.fill('12/31/1980');
  await expect(page.getByText('Not a date: write it as MM/DD/YYYY')).toHaveCount(0);
  await saveScreen(page, 'locale-en-us-patient-edit');
  await birth.fill(storedBirth);
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Fees in dollars; the report's weeks month first.
  await nav(page).getByRole('link', { name: 'Doctors', exact: true }).click();
  await expect(page.getByRole('table').first()).toContainText('$');
  await expect(page.getByRole('table').first()).not.toContainText('€');
  await saveScreen(page, 'locale-en-us-doctors');
  await page.getByRole('table').first().getByRole('button', { name: /^Schedule of/ }).first().click();
  const weekly = page.getByRole('group', { name: 'Weekly hours' });
  await expect(weekly.locator('.day-ranges__day').first()).toHaveText('Sunday');
  await expect(weekly.locator('input.day-ranges__time').first()).toHaveValue(TWELVE_HOUR);
  const dayOff = page.getByRole('form', { name: 'Add a day off' });
  await expect(dayOff.getByLabel('Date')).toHaveAttribute('placeholder', 'MM/DD/YYYY');
  await dayOff.getByLabel('Date').fill('12/24/2026');
  await dayOff.getByLabel('Reason').focus();
  await expect(dayOff.getByLabel('Date')).toHaveValue('12/24/2026');
  await dayOff.getByText('Whole day').click();
  await expect(dayOff.getByLabel('From')).toHaveValue('9:00 AM');
  await dayOff.getByLabel('Until').fill('1:45 pm');
  await dayOff.getByLabel('Reason').focus();
  await expect(dayOff.getByLabel('Until')).toHaveValue('1:45 PM');
  await dayOff.getByLabel('Until').fill('quarter past');
  await dayOff.getByRole('button', { name: 'Add day off' }).click();
  await expect(dayOff.getByText('Not a time: write it like 9:15 AM or 2:30 PM.')).toBeVisible();
  await saveScreen(page, 'locale-en-us-doctor-schedule');
  await nav(page).getByRole('link', { name: 'Reports', exact: true }).click();
  // weeks from Sunday: three weeks back from Monday Dec 7 is Monday Nov 16, in the week of Sunday Nov 15
  await expect(page.getByText('week by week (Sunday to Saturday)')).toBeVisible();
  await expect(page.getByLabel('From the week of')).toHaveValue('11/16/2026');
  await expect(page.getByRole('table', { name: 'Utilization per doctor and week' }).getByRole('columnheader').nth(1)).toHaveText('Nov 15');
  await saveScreen(page, 'locale-en-us-reports');

  // Waiting list: a freed slot's date month first, its time typed and shown on the 12-hour clock.
  await nav(page).getByRole('link', { name: 'Waiting list', exact: true }).click();
  const freed = page.getByRole('form', { name: 'Offer a freed slot' });
  await expect(freed.getByLabel('Date')).toHaveValue('12/07/2026');
  await freed.getByLabel('Time').fill('2:30 pm');
  await freed.getByLabel('Date').focus();
  await expect(freed.getByLabel('Time')).toHaveValue('2:30 PM');
  await page.getByRole('button', { name: 'Add to waiting list' }).click();
  await expect(page.getByLabel('Earliest time')).toHaveValue('8:00 AM');
  await expect(page.getByLabel('Latest end')).toHaveValue('6:00 PM');
  await saveScreen(page, 'locale-en-us-waiting-list');

  // Audit trail: the patient's date of birth month first, and a filter row with nothing cut at 1280 px.
  await nav(page).getByRole('link', { name: 'Audit trail', exact: true }).click();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Patient', { exact: true }).fill(`${firstName} ${lastName}`);
  const match = filters.getByRole('listbox', { name: 'Patient matches' }).getByRole('button').filter({ hasText: `${firstName} ${lastName}` }).first();
  await expect(match).toContainText(/born [A-Z][a-z]{2} \d{2}, \d{4}/);
  await expect(match).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await match.click();
  await expect(filters.locator('.person-filter__chosen')).toContainText(/born [A-Z][a-z]{2} \d{2}, \d{4}/);
  await filters.getByLabel('Action').selectOption({ index: 1 });
  await expect(filters.getByLabel('From')).toHaveAttribute('placeholder', 'MM/DD/YYYY');
  expect(await overlapsIn(page, 'Filters')).toEqual([]);
  await saveScreen(page, 'locale-en-us-audit');

  // The doctor's day: their own appointments on the 12-hour clock.
  await signInAs(page, clinic.signInName, DOCTOR_PASSWORD);
  await expect(page.getByRole('heading', { name: 'My day', level: 2 })).toBeVisible();
  await expect(page.locator('.next-patient__marker')).toHaveText(TWELVE_HOUR);
  await expect(page.locator('#day-list-title')).toContainText('Monday, December 7, 2026');
  await saveScreen(page, 'locale-en-us-doctor-day');
  await nav(page).getByRole('link', { name: 'My hours', exact: true }).click();
  await expect(page.locator('.day-ranges__day').first()).toHaveText('Sunday');
  await expect(page.locator('input.day-ranges__time').first()).toHaveValue(TWELVE_HOUR);
  await expect(page.getByLabel('Date', { exact: true })).toHaveAttribute('placeholder', 'MM/DD/YYYY');
  await saveScreen(page, 'locale-en-us-my-hours');

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
  await page.getByRole('table').first().getByRole('button', { name: /^Schedule of/ }).first().click();
  await expect(page.getByRole('group', { name: 'Weekly hours' }).locator('.day-ranges__day').first()).toHaveText('Monday');
  await expect(page.getByRole('group', { name: 'Weekly hours' }).locator('input.day-ranges__time').first()).toHaveValue(/^\d{2}:\d{2}$/);
  await expect(page.getByRole('form', { name: 'Add a day off' }).getByLabel('Date')).toHaveAttribute('placeholder', 'DD/MM/YYYY');
  await saveScreen(page, 'locale-en-gb-doctor-schedule');
  await nav(page).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByTestId('value-opening_hours')).toHaveText(/^Mon–Fri 08:00–18:00/);
  await nav(page).getByRole('link', { name: 'Reports', exact: true }).click();
  await expect(page.getByText('week by week (Monday to Sunday)')).toBeVisible();
  await expect(page.getByLabel('From the week of')).toHaveValue('16/11/2026');
  await expect(page.getByRole('table', { name: 'Utilization per doctor and week' }).getByRole('columnheader').nth(1)).toHaveText('16 Nov');
  await saveScreen(page, 'locale-en-gb-reports');
  await nav(page).getByRole('link', { name: 'Audit trail', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Filters' }).getByLabel('From')).toHaveAttribute('placeholder', 'DD/MM/YYYY');
  expect(await overlapsIn(page, 'Filters')).toEqual([]);
  await saveScreen(page, 'locale-en-gb-audit');
});
