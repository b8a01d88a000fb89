import type { Locator, Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { openAllDayClinic } from './support/all-day-clinic';
import { call, clinicDate, generatedPatient } from './support/reception-setup';

// A receptionist's day without the mouse: not one click below, only keys (state is arranged
// through the channels, as another desk would).
test.setTimeout(180_000);

/** Presses Tab until `target` has the focus; fails when it never does (it is not reachable by keyboard). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

test('a whole day with the keyboard alone: check-in, room, doctor, check-out, a walk-in, a move and its undo, a cancellation refilled from the waiting list', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const doctorId = await openAllDayClinic(page);
  const person = (first: string, last: string) =>
    call(page, 'patients.register', { patient: generatedPatient(first, last), acknowledgeDuplicates: true });
  const visitor = await person('Alwin', 'Keyworth');
  const mover = await person('Brida', 'Tabstone');
  const canceller = await person('Cyrus', 'Enterfield');
  const waiting = await person('Delphine', 'Shiftwood');
  await person('Egon', 'Walkabout');
  const slots = await call(page, 'slots.soonest', { doctorIds: [doctorId], count: 6, days: 1 });
  const book = (patientId: number, index: number) =>
    call(page, 'appointments.book', {
      patientId,
      doctorId,
      date: slots[index]!.date,
      time: slots[index]!.time,
      durationMinutes: 30,
      idempotencyKey: `e2e-keys-${patientId}-${index}`,
    });
  const visit = await book(visitor.id, 0);
  const moving = await book(mover.id, 2);
  const cancelled = await book(canceller.id, 4);
  await call(page, 'waitingList.add', {
    patientId: waiting.id,
    doctorId,
    fromDate: clinicDate(0),
    toDate: clinicDate(3),
    earliestTime: '06:00',
    latestTime: '22:00',
    priority: 2,
  });
  await page.reload();
  await expect(page.getByRole('region', { name: 'Calendar' })).toBeVisible();

  // A walk-in: to the Walk-in screen, find the patient, the soonest slot, book it.
  await tabTo(page, nav(page, 'Walk-in'));
  await page.keyboard.press('Enter');
  const picker = page.getByRole('combobox', { name: 'Patient' });
  await expect(picker).toBeFocused();
  await page.keyboard.type('walkab');
  await expect(page.getByRole('option', { name: /Walkabout, Egon/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('button', { name: 'Find soonest slots' }));
  await page.keyboard.press('Enter');
  const offered = page.getByRole('group', { name: 'Soonest free slots' }).getByRole('button').first();
  await expect(offered).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Egon Walkabout is booked' })).toBeVisible();

  // The visit to its end on the Today board: arrived, in room, with doctor, checked out.
  await tabTo(page, nav(page, 'Today'));
  await page.keyboard.press('Enter');
  const board = page.getByRole('region', { name: "Today's flow" });
  const row = (id: number) => board.locator(`[data-appointment-id="${id}"]`);
  await expect(
    board.getByTestId('flow-row').filter({ hasText: 'Egon Walkabout' }).getByText('Walk-in', { exact: true }),
  ).toBeVisible();
  for (const [button, step] of [
    ['Arrived', 'Waiting'],
    ['In room', 'In room'],
    ['With doctor', 'With doctor'],
    ['Check out', /^Checked out \d\d:\d\d$/],
  ] as const) {
    await tabTo(page, row(visit.id).getByRole('button', { name: button, exact: true }));
    await page.keyboard.press('Enter');
    await expect(row(visit.id).getByTestId('flow-step')).toHaveText(step);
  }
  await saveScreen(page, 'keyboard-day-board-1280');

  // A cancellation from the board, refilled from the waiting list in the panel that follows.
  await tabTo(page, row(cancelled.id).getByRole('button', { name: 'Cancel…' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('Reason for cancelling')).toBeFocused();
  await page.keyboard.type('Patient called: travelling');
  await tabTo(page, dialog.getByRole('button', { name: 'Cancel appointment' }));
  await page.keyboard.press('Enter');
  await expect(row(cancelled.id).locator('.status-chip')).toHaveText('Cancelled');
  const offer = page.getByRole('list', { name: 'Patients to offer the slot to' });
  await expect(offer.getByRole('listitem').first()).toContainText('Delphine Shiftwood');
  await tabTo(page, offer.getByRole('button', { name: 'Book Delphine Shiftwood' }));
  await page.keyboard.press('Enter');
  await expect(board.getByTestId('flow-row').filter({ hasText: 'Delphine Shiftwood' })).toContainText(cancelled.time);
  // Off the list once booked (the list holds who still waits).
  const stillWaiting = await call(page, 'waitingList.list', {});
  expect(stillWaiting.map((entry) => entry.patientId)).not.toContain(waiting.id);

  // A move on the calendar: pick the visit up with M, carry it two hours down, drop it with Enter;
  // then Ctrl+Z undoes it through the same rules.
  await tabTo(page, nav(page, 'Calendar'));
  await page.keyboard.press('Enter');
  const card = page.locator(`.appt[data-appointment-id="${moving.id}"]`);
  await expect(card).toHaveAccessibleName(new RegExp(`, ${moving.time} – `));
  await tabTo(page, card, 120);
  await page.keyboard.press('m');
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowDown');
  const later = `${String(Number(moving.time.slice(0, 2)) + 2).padStart(2, '0')}:${moving.time.slice(3)}`;
  await expect(page.getByTestId('calendar-drag-ghost')).toContainText(`${later} –`);
  await page.keyboard.press('Enter');
  const notice = page.getByTestId('calendar-notice');
  await expect(notice).toContainText(`Moved to ${later}`);
  await expect(card).toHaveAccessibleName(new RegExp(`, ${later} – `));
  await saveScreen(page, 'keyboard-day-moved-1280');
  await page.keyboard.press('Control+z');
  await expect(notice).toContainText(`Move undone: back at ${moving.time}`);
  await expect(card).toHaveAccessibleName(new RegExp(`, ${moving.time} – `));

  await page.setViewportSize({ width: 1440, height: 900 });
  await saveScreen(page, 'keyboard-day-undone-1440');
  const day = await call(page, 'calendar.day', { date: clinicDate(0) });
  const times = Object.fromEntries(day.doctors[0]!.appointments.map((a) => [a.id, [a.time, a.status]]));
  expect(times[moving.id]).toEqual([moving.time, 'Scheduled']);
  expect(times[cancelled.id]).toEqual([cancelled.time, 'Cancelled']);
});
