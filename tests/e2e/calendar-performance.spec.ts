import { expect, saveScreen, test } from './support/fixtures';
import { addDays, clinicToday, openCalendarOnDemoClinic } from './support/calendar-clinic';
import { fillDay } from './support/full-day';
import { invokeInPage } from './support/invoke';

// 30 doctors, 10,000 patients, about 27,500 appointments (120 days back, 60 ahead). How fast this
// day paints and scrolls is measured by `npm run bench:ui`, not asserted here.
test.use({ clinicEnv: { CLINIC_DEMO: 'medium' } });
test.setTimeout(180_000);

test('the day view with 30 doctors: a full day shows every appointment, day to day and scrolled', async ({ page }) => {
  await openCalendarOnDemoClinic(page);
  await expect(page.getByTestId('calendar-column')).toHaveCount(30);
  // A full day: the demo's appointments two days ahead, and every free half hour booked on top.
  const full = addDays(clinicToday(), 2);
  const added = await fillDay(page, full);
  // Wednesday of the generated week: about 80 free half hours are left to book.
  expect(added).toBeGreaterThan(50);
  await page.getByLabel('Go to date').fill(addDays(full, -1));
  await expect(page.locator('.day-toolbar__relative')).toHaveText('Tomorrow');

  // Day to day and back: each change shows that day's appointments.
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.locator('.day-toolbar__relative')).toHaveCount(0);
  await expect(page.getByTestId('calendar-column').first()).toHaveAttribute('data-date', full);
  // Every card of the day: the columns out of view get theirs once the window is idle.
  const day = await invokeInPage(page, 'calendar.day', { date: full });
  if (!day.ok) throw new Error(day.error.message);
  const onFullDay = day.data.doctors.reduce((n, d) => n + d.appointments.length, 0);
  expect(onFullDay).toBeGreaterThan(added);
  await expect(page.locator('.appt')).toHaveCount(onFullDay);
  await page.getByRole('button', { name: 'Previous day' }).click();
  await expect(page.locator('.day-toolbar__relative')).toHaveText('Tomorrow');
  await expect.poll(() => page.locator('.appt').count()).toBeLessThan(onFullDay);
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.locator('.appt')).toHaveCount(onFullDay);

  // Scrolled to the far corner and back, the grid keeps its columns and blocks.
  const scroller = page.getByTestId('calendar-scroll');
  await scroller.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
    el.scrollLeft = el.scrollWidth;
  });
  await expect(page.getByTestId('calendar-column').last()).toBeInViewport();
  await scroller.evaluate((el) => {
    el.scrollTop = 120;
    el.scrollLeft = 0;
  });
  await expect(page.getByTestId('calendar-column').first()).toBeInViewport();
  await expect(page.locator('.appt')).toHaveCount(onFullDay);
  await saveScreen(page, 'calendar-30-doctors');
});
