import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import {
  addDays,
  bookForTest,
  clinicToday,
  dragAppointment,
  minutesOf,
  openCalendarOnDemoClinic,
} from './support/calendar-clinic';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

test('moving an appointment: allowed to another doctor, refused onto a taken time (snaps back and says why)', async ({
  page,
}) => {
  await openCalendarOnDemoClinic(page);
  const tomorrow = addDays(clinicToday(), 1);
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.locator('.day-toolbar__relative')).toHaveText('Tomorrow');

  // Two neighbouring doctors that work tomorrow, and their free times.
  const day = await invokeInPage(page, 'calendar.day', { date: tomorrow });
  if (!day.ok) throw new Error(day.error.message);
  const free = async (doctorId: number) => {
    const slots = await invokeInPage(page, 'slots.free', {
      doctorId,
      fromDate: tomorrow,
      days: 1,
      durationMinutes: 30,
    });
    return slots.ok ? slots.data.map((s) => s.time) : [];
  };
  let pair: { a: number; b: number; index: number; s1: string; s2: string; t: string } | null = null;
  for (let index = 0; index + 1 < day.data.doctors.length && !pair; index++) {
    const a = day.data.doctors[index]!.doctorId;
    const b = day.data.doctors[index + 1]!.doctorId;
    const [freeA, freeB] = [await free(a), await free(b)];
    for (const s1 of freeA) {
      const s2 = freeA.find((t) => minutesOf(t) >= minutesOf(s1) + 60 && minutesOf(t) <= minutesOf(s1) + 150);
      const t = freeB.find(
        (x) => Math.abs(minutesOf(x) - minutesOf(s1)) <= 120 && Math.abs(minutesOf(x) - minutesOf(s1)) >= 30,
      );
      if (s2 && t) {
        pair = { a, b, index, s1, s2, t };
        break;
      }
    }
  }
  if (!pair) throw new Error('the demo clinic has no two neighbouring doctors with free time tomorrow');
  const first = await bookForTest(page, { doctorId: pair.a, date: tomorrow, time: pair.s1 }, 11);
  const second = await bookForTest(page, { doctorId: pair.a, date: tomorrow, time: pair.s2 }, 31);
  // The calendar shows them within a few seconds (the live feed), without a reload.
  const block = page.locator(`[data-appointment-id="${first.id}"]`);
  await expect(block).toBeVisible({ timeout: 8_000 });
  await expect(page.locator(`[data-appointment-id="${second.id}"]`)).toBeVisible();

  // Refused: onto the other appointment's time. The block snaps back and the refusal says why.
  await dragAppointment(page, first.id, { columnIndex: pair.index, minutes: minutesOf(pair.s2) - minutesOf(pair.s1) });
  await expect(page.getByTestId('calendar-drag-ghost')).toContainText(`${pair.s2} –`);
  await saveScreen(page, 'calendar-move-dragging');
  await page.mouse.up();
  const notice = page.getByTestId('calendar-notice');
  await expect(notice).toContainText('Not moved:');
  await expect(
    page.getByTestId('calendar-column').nth(pair.index).locator(`[data-appointment-id="${first.id}"]`),
  ).toHaveAccessibleName(new RegExp(`, ${pair.s1} – `));
  await saveScreen(page, 'calendar-move-refused');

  // Allowed: to the neighbouring doctor at a free time.
  await dragAppointment(page, first.id, {
    columnIndex: pair.index + 1,
    minutes: minutesOf(pair.t) - minutesOf(pair.s1),
  });
  await page.mouse.up();
  // Another doctor: asked first; "keep" changes nothing, "move" moves.
  const confirm = page.getByRole('dialog', { name: /^Move .* to Dr/ });
  await expect(confirm).toContainText(`at ${pair.s1} to`);
  await saveScreen(page, 'calendar-move-other-doctor');
  await confirm.getByRole('button', { name: /^Keep with/ }).click();
  await expect(confirm).toBeHidden();
  await expect(
    page.getByTestId('calendar-column').nth(pair.index).locator(`[data-appointment-id="${first.id}"]`),
  ).toHaveAccessibleName(new RegExp(`, ${pair.s1} – `));
  await dragAppointment(page, first.id, {
    columnIndex: pair.index + 1,
    minutes: minutesOf(pair.t) - minutesOf(pair.s1),
  });
  await page.mouse.up();
  await confirm.getByRole('button', { name: /^Move to Dr/ }).click();
  await expect(notice).toContainText(`Moved to ${pair.t}`);
  const moved = page
    .getByTestId('calendar-column')
    .nth(pair.index + 1)
    .locator(`[data-appointment-id="${first.id}"]`);
  await expect(moved).toHaveAccessibleName(new RegExp(`, ${pair.t} – `));
  // main agrees: the appointment is now the other doctor's
  const after = await invokeInPage(page, 'calendar.day', { date: tomorrow });
  if (!after.ok) throw new Error(after.error.message);
  const doctorB = after.data.doctors.find((d) => d.doctorId === pair.b)!;
  expect(doctorB.appointments.find((x) => x.id === first.id)?.time).toBe(pair.t);
  await saveScreen(page, 'calendar-move-allowed');

  // Undo: moved back through the same rules, to the first doctor and time.
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toContainText(`Move undone: back at ${pair.s1}`);
  await expect(
    page.getByTestId('calendar-column').nth(pair.index).locator(`[data-appointment-id="${first.id}"]`),
  ).toHaveAccessibleName(new RegExp(`, ${pair.s1} – `));
  const undone = await invokeInPage(page, 'calendar.day', { date: tomorrow });
  if (!undone.ok) throw new Error(undone.error.message);
  expect(undone.data.doctors.find((d) => d.doctorId === pair.a)!.appointments.find((x) => x.id === first.id)?.time).toBe(pair.s1);

  // The same move with the keyboard alone: M picks the visit up, arrows carry it, Enter drops it.
  const card = page.getByTestId('calendar-column').nth(pair.index).locator(`[data-appointment-id="${first.id}"]`);
  await card.focus();
  await page.keyboard.press('m');
  await expect(page.getByRole('tab', { name: 'Day' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  const steps = (minutesOf(pair.t) - minutesOf(pair.s1)) / 15;
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  await expect(page.getByTestId('calendar-drag-ghost')).toContainText(`${pair.t} –`);
  await saveScreen(page, 'calendar-move-keyboard');
  await page.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  // The safe answer has the focus; the move is one Tab away.
  await expect(confirm.getByRole('button', { name: /^Keep with/ })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: /^Move to Dr/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notice).toContainText(`Moved to ${pair.t}`);
  await expect(
    page.getByTestId('calendar-column').nth(pair.index + 1).locator(`[data-appointment-id="${first.id}"]`),
  ).toHaveAccessibleName(new RegExp(`, ${pair.t} – `));
});

test('cancelling from the appointment popover: the late-cancellation policy asks for a reason', async ({ page }) => {
  await openCalendarOnDemoClinic(page);
  // The soonest free slot: within the 24-hour late-cancellation window of the default settings.
  const soonest = await invokeInPage(page, 'slots.soonest', { count: 1, durationMinutes: 30 });
  if (!soonest.ok || !soonest.data[0]) throw new Error('no free slot');
  const slot = soonest.data[0];
  const made = await bookForTest(page, { doctorId: slot.doctorId, date: slot.date, time: slot.time }, 51);
  // Someone on the waiting list wants this doctor on that day.
  const waiting = await invokeInPage(page, 'patients.register', {
    patient: {
      firstName: 'Ilka',
      lastName: 'Wartenberg',
      email: 'ilka.wartenberg@patients.example',
      phone: '+1 555 0199 310',
      dateOfBirth: '1968-09-02',
      gender: 'Female',
    },
  });
  if (!waiting.ok) throw new Error(waiting.error.message);
  const entry = await invokeInPage(page, 'waitingList.add', {
    patientId: waiting.data.id,
    doctorId: slot.doctorId,
    fromDate: slot.date,
    toDate: slot.date,
    earliestTime: '06:00',
    latestTime: '22:00',
    durationMinutes: 30,
    priority: 2,
  });
  expect(entry.ok, JSON.stringify(entry)).toBe(true);
  await page.getByLabel('Go to date').fill(slot.date);
  const block = page.locator(`[data-appointment-id="${made.id}"]`);
  await expect(block).toBeVisible({ timeout: 8_000 });
  await block.scrollIntoViewIfNeeded();
  await block.click();
  const popover = page.getByRole('dialog', { name: /Appointment of/ });
  await expect(popover).toContainText(`${slot.time} –`);
  await expect(popover).toContainText(slot.doctorName);
  await saveScreen(page, 'calendar-popover');
  await popover.getByRole('button', { name: 'Cancel…' }).click();
  await popover.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(popover.getByRole('alert')).toContainText(/reason/i);
  await saveScreen(page, 'calendar-cancel-reason-required');
  await popover.getByLabel('Reason for cancelling').fill('Patient called: travelling');
  await popover.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(popover).toBeHidden();
  await expect(block).toHaveAccessibleName(/Cancelled/);
  await expect(page.getByTestId('calendar-notice')).toContainText('Appointment cancelled');

  // The freed slot is offered to the waiting list at once; booking the offer takes one click.
  const offer = page.getByRole('region', { name: 'Waiting list offer' });
  await expect(offer).toContainText('Wartenberg');
  await saveScreen(page, 'calendar-cancelled-offer');
  await offer.getByRole('button', { name: /Book .*Wartenberg/ }).click();
  await expect(offer.getByRole('status')).toContainText('is booked');
  await expect(page.locator('.appt', { hasText: 'Ilka Wartenberg' })).toBeVisible({ timeout: 6_000 });
  await saveScreen(page, 'calendar-cancelled');
});
