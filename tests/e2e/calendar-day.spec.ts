import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { clinicToday, openCalendarOnDemoClinic } from './support/calendar-clinic';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

test('the day view: a column per doctor, a specialization filter, the keyboard, the week and the month', async ({
  page,
}) => {
  await openCalendarOnDemoClinic(page);
  const columns = page.getByTestId('calendar-column');
  await expect(columns).toHaveCount(12);
  await expect(page.locator('.appt').first()).toBeVisible();
  await saveScreen(page, 'calendar-day');

  // The now label (10:05 on the pinned clock) is not drawn over an hour label: "10:00" gives way.
  const nowBox = await page.getByTestId('calendar-now').boundingBox();
  if (!nowBox) throw new Error('no now label');
  await expect(page.locator('.cal-gutter__hour--under-now')).toHaveText('10:00');
  const shownHours = await page
    .locator('.cal-gutter__hour:not(.cal-gutter__hour--under-now)')
    .evaluateAll((hours) => hours.map((hour) => ({ top: hour.getBoundingClientRect().top, bottom: hour.getBoundingClientRect().bottom })));
  expect(shownHours.filter((hour) => hour.bottom > nowBox.y && hour.top < nowBox.y + nowBox.height)).toEqual([]);
  await page.getByTestId('calendar-now').scrollIntoViewIfNeeded();
  await saveScreen(page, 'calendar-day-now-label');

  // Filter by specialization: only those doctors' columns.
  const today = clinicToday();
  const day = await invokeInPage(page, 'calendar.day', { date: today });
  if (!day.ok) throw new Error(day.error.message);
  const specialization = day.data.doctors[1]!.specialization;
  const expected = day.data.doctors.filter((d) => d.specialization === specialization).map((d) => d.doctorName);
  await page.getByLabel('Specialization').selectOption(specialization);
  await expect(page.getByTestId('column-head').locator('.cal-colhead__title')).toHaveText(expected);
  await page.getByLabel('Specialization').selectOption('');
  await expect(columns).toHaveCount(12);

  // Keyboard: Alt+→ next day, T back to today; arrows move a slot cursor, Enter selects it.
  const title = page.getByRole('heading', { level: 2 });
  const todayTitle = await title.textContent();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('.day-toolbar__relative')).toHaveText('Tomorrow');
  await page.keyboard.press('t');
  await expect(title).toHaveText(todayTitle ?? '');
  await page.getByTestId('calendar-scroll').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.cal-cursor')).toBeVisible();
  await expect(columns.nth(2).locator('.cal-cursor')).toHaveCount(1);

  // Jump to a date.
  const date = day.data.date.slice(0, 8) + '28';
  await page.getByLabel('Go to date').fill(date);
  await expect(page.getByLabel('Go to date')).toHaveValue(date);
  await expect(page.getByTestId('calendar-column').first()).toHaveAttribute('data-date', date);
  await page.getByLabel('Go to date').blur();
  await page.keyboard.press('t');
  await expect(title).toHaveText(todayTitle ?? '');

  // Week view of one doctor: seven day columns.
  await page.getByRole('tab', { name: 'Week' }).click();
  await expect(columns).toHaveCount(7);
  const doctor = day.data.doctors[3]!;
  await page.getByLabel('Doctor').selectOption(String(doctor.doctorId));
  await expect(page.locator('.day-toolbar__zone')).toContainText(doctor.doctorName);
  const week = await invokeInPage(page, 'calendar.week', { doctorId: doctor.doctorId, date: today });
  if (!week.ok) throw new Error(week.error.message);
  await expect(page.locator('.appt')).toHaveCount(week.data.days.reduce((n, d) => n + d.appointments.length, 0));
  await saveScreen(page, 'calendar-week');

  // Month overview: counts per day from the database's aggregate; a click opens that day.
  await page.getByRole('tab', { name: 'Month' }).click();
  const month = await invokeInPage(page, 'calendar.month', { month: today.slice(0, 7) });
  if (!month.ok) throw new Error(month.error.message);
  const todayCell = page.getByTestId('month-day').nth(Number(today.slice(8, 10)) - 1);
  const counts = month.data.days.find((d) => d.date === today)!;
  await expect(todayCell).toHaveAccessibleName(new RegExp(`: ${counts.booked}\\s*booked`));
  await saveScreen(page, 'calendar-month');
  await todayCell.click();
  await expect(page.getByRole('tab', { name: 'Day' })).toHaveAttribute('aria-selected', 'true');
  await expect(columns).toHaveCount(12);
});

test('a card as wide as the grid keeps its details inside the grid, not over the side navigation', async ({ page }) => {
  await openCalendarOnDemoClinic(page);
  const columns = page.getByTestId('calendar-column');
  await expect(columns).toHaveCount(12);
  // One doctor left: the column, and its cards, take the grid's whole width.
  await page.getByRole('button', { name: /^Doctors/ }).click();
  const shown = page.getByRole('group', { name: 'Doctors shown' }).getByRole('checkbox');
  for (let i = 1; i < 12; i++) await shown.nth(i).uncheck();
  await page.keyboard.press('Escape');
  await expect(columns).toHaveCount(1);
  const card = page.locator('.appt:not(.appt--tab)').first();
  await card.scrollIntoViewIfNeeded();
  await card.focus();
  const details = page.getByTestId('appointment-details');
  await expect(details).toBeVisible();
  const grid = await page.getByTestId('calendar-scroll').boundingBox();
  const navigation = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  // Placed after its first layout: wait until it has moved off its measuring spot.
  await expect.poll(async () => (await details.boundingBox())?.x ?? -9999).toBeGreaterThanOrEqual(grid!.x);
  const box = (await details.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(grid!.x + grid!.width);
  expect(box.y).toBeGreaterThanOrEqual(grid!.y);
  expect(box.x).toBeGreaterThanOrEqual(navigation!.x + navigation!.width);
  await saveScreen(page, 'calendar-one-doctor-details');
});
