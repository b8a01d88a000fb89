import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { invokeInPage } from './invoke';
import { E2E_NOW } from './launch';

// Generated clinic and staff: no real names.
export const CLINIC = 'Ahornhof Test Clinic';
export const ZONE = 'Europe/Vienna';
export const CLINIC_ADMIN = {
  username: 'cal.lead',
  email: 'cal.lead@example.org',
  firstName: 'Quinn',
  lastName: 'Placeholder',
  password: 'amber window fjord 58',
};

/** First-run setup through the channel (the setup form has its own spec), then the calendar. */
export async function openCalendarOnDemoClinic(page: Page, timezone = ZONE): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Set up your clinic' })).toBeVisible({ timeout: 60_000 });
  const setup = await invokeInPage(page, 'setup.complete', { clinicName: CLINIC, timezone, admin: CLINIC_ADMIN });
  expect(setup.ok, JSON.stringify(setup)).toBe(true);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Calendar' })).toBeVisible();
  await expect(page.getByTestId('calendar-column').first()).toBeVisible();
}

/** The clinic's date "today" on the app's pinned clock (E2E_NOW): a Monday. */
export function clinicToday(timezone = ZONE): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(E2E_NOW));
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Books through the channel, trying the next generated patient when one is busy at that time. */
export async function bookForTest(
  page: Page,
  slot: { doctorId: number; date: string; time: string },
  firstPatientId = 1,
): Promise<{ id: number; patientId: number }> {
  for (let patientId = firstPatientId; patientId < firstPatientId + 40; patientId++) {
    const result = await invokeInPage(page, 'appointments.book', {
      patientId,
      doctorId: slot.doctorId,
      date: slot.date,
      time: slot.time,
      durationMinutes: 30,
      idempotencyKey: `e2e-${slot.doctorId}-${slot.date}-${slot.time.replace(':', '')}-${patientId}`,
    });
    if (result.ok) return { id: result.data.id, patientId };
    if (result.error.code !== 'PATIENT_BUSY')
      throw new Error(`booking failed: ${result.error.code} ${result.error.message}`);
  }
  throw new Error('no free generated patient');
}

/** Minutes after midnight of 'HH:MM'. */
export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/**
 * Drags an appointment block by `minutes` and into another column (or the same), the way a
 * person does: press, move in steps, release.
 */
export async function dragAppointment(
  page: Page,
  appointmentId: number,
  target: { columnIndex: number; minutes: number },
): Promise<void> {
  const block = page.locator(`[data-appointment-id="${appointmentId}"]`);
  await block.scrollIntoViewIfNeeded();
  const box = await block.boundingBox();
  const column = await page.getByTestId('calendar-column').nth(target.columnIndex).boundingBox();
  if (!box || !column) throw new Error('block or column not on screen');
  const startX = box.x + box.width / 2;
  const startY = box.y + 8;
  await page.mouse.move(startX, startY);
  await page.mouse.down();
  await page.mouse.move(startX + 6, startY + 6, { steps: 2 });
  const pxPerMinute = 64 / 60;
  await page.mouse.move(column.x + column.width / 2, startY + target.minutes * pxPerMinute, { steps: 8 });
}

/** Selects a free range on a column by dragging from `from` to `to` (wall-clock 'HH:MM'). */
export async function dragSelect(page: Page, columnIndex: number, from: string, to: string): Promise<void> {
  const column = page.getByTestId('calendar-column').nth(columnIndex);
  const gridStart = minutesOf((await page.locator('.cal-gutter__hour').first().textContent()) ?? '07:00');
  const pxPerMinute = 64 / 60;
  const scroller = page.getByTestId('calendar-scroll');
  // Bring the start of the range into view first.
  await scroller.evaluate(
    (el, top) => {
      el.scrollTop = top;
    },
    (minutesOf(from) - gridStart) * pxPerMinute - 60,
  );
  const box = await column.boundingBox();
  if (!box) throw new Error('column not on screen');
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + (minutesOf(from) - gridStart) * pxPerMinute + 4);
  await page.mouse.down();
  await page.mouse.move(x, box.y + (minutesOf(to) - gridStart) * pxPerMinute - 4, { steps: 6 });
  await page.mouse.up();
}
