import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import {
  addDays,
  bookForTest,
  clinicToday,
  dragSelect,
  minutesOf,
  openCalendarOnDemoClinic,
} from './support/calendar-clinic';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

const scrollOf = (page: Page) =>
  page
    .getByTestId('calendar-scroll')
    .evaluate((el) => ({ top: Math.round(el.scrollTop), left: Math.round(el.scrollLeft) }));

test('an update from a second workstation arrives within seconds; scroll, selection and a half-filled form stay', async ({
  page,
  clinic,
}) => {
  await openCalendarOnDemoClinic(page);
  const tomorrow = addDays(clinicToday(), 1);
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.locator('.day-toolbar__relative')).toHaveText('Tomorrow');

  // The second workstation: another window of the app on the same services (in Electron, calls
  // from outside the calendar's store through the same channels).
  const second = clinic.mode === 'chromium' ? await page.context().newPage() : page;
  if (second !== page) {
    await second.goto(page.url());
    await expect(second.getByRole('region', { name: 'Calendar' })).toBeVisible();
  }

  // Free times: one to select here, one for the other workstation to book, close together.
  const day = await invokeInPage(page, 'calendar.day', { date: tomorrow });
  if (!day.ok) throw new Error(day.error.message);
  const free = async (index: number) => {
    const slots = await invokeInPage(page, 'slots.free', {
      doctorId: day.data.doctors[index]!.doctorId,
      fromDate: tomorrow,
      days: 1,
      durationMinutes: 30,
    });
    return slots.ok ? slots.data.map((s) => s.time).filter((t) => minutesOf(t) >= 9 * 60) : [];
  };
  let plan: { selectIndex: number; selectAt: string; bookIndex: number; bookAt: string } | null = null;
  const frees = await Promise.all([0, 1, 2, 3, 4].map((i) => free(i)));
  for (let selectIndex = 0; selectIndex < 4 && !plan; selectIndex++) {
    for (let bookIndex = selectIndex + 1; bookIndex < 5 && !plan; bookIndex++) {
      for (const selectAt of frees[selectIndex]!) {
        const bookAt = frees[bookIndex]!.find((t) => Math.abs(minutesOf(t) - minutesOf(selectAt)) <= 90);
        if (bookAt) {
          plan = { selectIndex, selectAt, bookIndex, bookAt };
          break;
        }
      }
    }
  }
  if (!plan) throw new Error('no free times close together tomorrow');
  const selectEnd = `${String(Math.floor((minutesOf(plan.selectAt) + 30) / 60)).padStart(2, '0')}:${String((minutesOf(plan.selectAt) + 30) % 60).padStart(2, '0')}`;

  await dragSelect(page, plan.selectIndex, plan.selectAt, selectEnd);
  const bar = page.getByRole('region', { name: 'Selected time' });
  await expect(bar).toContainText(`${plan.selectAt} – ${selectEnd}`);
  await page.getByTestId('calendar-scroll').evaluate((el) => {
    el.scrollLeft = 60;
    el.scrollTop += 20;
  });
  const before = await scrollOf(page);

  // The other workstation books.
  const started = Date.now();
  const booked = await bookForTest(
    second,
    { doctorId: day.data.doctors[plan.bookIndex]!.doctorId, date: tomorrow, time: plan.bookAt },
    71,
  );
  const block = page.locator(`[data-appointment-id="${booked.id}"]`);
  await expect(block).toBeVisible({ timeout: 6_000 });
  const seconds = (Date.now() - started) / 1000;
  console.log(`[calendar-live] booking from the second workstation shown after ${seconds.toFixed(1)} s`);
  expect(seconds).toBeLessThan(6);
  await expect(block).toBeInViewport();
  expect(await scrollOf(page)).toEqual(before);
  await expect(bar).toContainText(`${plan.selectAt} – ${selectEnd}`);
  await expect(page.getByTestId('calendar-selection')).toBeVisible();
  await expect(page.locator('.day-toolbar__live')).toHaveText('Updated just now');
  await saveScreen(page, 'calendar-live-update');

  // A half-filled booking form survives the next update (a cancellation elsewhere).
  await bar.getByRole('button', { name: 'Book this time…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
  await dialog.getByLabel('Reason for visit').fill('Knee pain since Monday');
  const cancelled = await invokeInPage(second, 'appointments.cancel', {
    appointmentId: booked.id,
    reason: 'Booked on the wrong day',
  });
  expect(cancelled.ok).toBe(true);
  await expect(block).toHaveAccessibleName(/Cancelled/, { timeout: 6_000 });
  await expect(dialog.getByLabel('Reason for visit')).toHaveValue('Knee pain since Monday');
  await expect(dialog.getByLabel('Time')).toHaveValue(plan.selectAt);
  await saveScreen(page, 'calendar-live-update-form-kept');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(await scrollOf(page)).toEqual(before);
  if (second !== page) await second.close();
});
