import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { openAllDayClinic } from './support/all-day-clinic';
import { call, generatedPatient } from './support/reception-setup';

test('the flow board to the end of the visit: arrived, in room, with doctor, checked out; a walk-in; steps from another desk arrive live', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  const doctorId = await openAllDayClinic(page);
  const expected = await call(page, 'patients.register', {
    patient: generatedPatient('Odile', 'Brackenfold'),
    acknowledgeDuplicates: true,
  });
  const other = await call(page, 'patients.register', {
    patient: generatedPatient('Piran', 'Glasswick'),
    acknowledgeDuplicates: true,
  });
  await call(page, 'patients.register', {
    patient: generatedPatient('Wrenna', 'Stilebrook'),
    acknowledgeDuplicates: true,
  });
  const cancelling = await call(page, 'patients.register', {
    patient: generatedPatient('Corvin', 'Ashdell'),
    acknowledgeDuplicates: true,
  });
  const walkerLater = () => cancelling.id;
  const slots = await call(page, 'slots.soonest', { doctorIds: [doctorId], count: 6, days: 1 });
  const book = (patientId: number, index: number) =>
    call(page, 'appointments.book', {
      patientId,
      doctorId,
      date: slots[index]!.date,
      time: slots[index]!.time,
      durationMinutes: 30,
      idempotencyKey: `e2e-flow-${patientId}-${index}`,
    });
  const first = await book(expected.id, 0);
  const second = await book(other.id, 2);
  const third = await book(walkerLater(), 4);
  await page.reload();

  // A walk-in booked on the Walk-in screen arrives at once and is marked walk-in.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Walk-in' }).click();
  const picker = page.getByRole('combobox', { name: 'Patient' });
  await picker.fill('stilebr');
  await page.getByRole('option', { name: /Stilebrook, Wrenna/ }).click();
  await page.getByRole('button', { name: 'Find soonest slots' }).click();
  await page.getByRole('group', { name: 'Soonest free slots' }).getByRole('button').first().click();
  await expect(page.getByRole('status').filter({ hasText: 'Wrenna Stilebrook is booked' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const board = page.getByRole('region', { name: "Today's flow" });
  const row = (id: number) => board.locator(`[data-appointment-id="${id}"]`);
  await expect(board.getByTestId('flow-row')).toHaveCount(4);
  const walkInRow = board.getByTestId('flow-row').filter({ hasText: 'Wrenna Stilebrook' });
  await expect(walkInRow.getByText('Walk-in', { exact: true })).toBeVisible();
  await expect(walkInRow.getByTestId('flow-step')).toHaveText('Waiting');
  await expect(walkInRow.getByTestId('flow-times')).toContainText(/Arrived\s\d\d:\d\d\s·\swaited\s\d+\smin/);

  // The expected patient, to the end: each step one button (the keyboard works as well as the mouse).
  await row(first.id).getByRole('button', { name: 'Arrived' }).click();
  await expect(row(first.id).getByTestId('flow-step')).toHaveText('Waiting');
  await row(first.id).getByRole('button', { name: 'In room' }).focus();
  await page.keyboard.press('Enter');
  await expect(row(first.id).getByTestId('flow-step')).toHaveText('In room');
  await expect(row(first.id).getByTestId('flow-times')).toContainText(/waited\s\d+\smin\s·\sroom\s\d+\smin/);
  await saveScreen(page, 'flow-to-end-in-room-1280');
  await row(first.id).getByRole('button', { name: 'With doctor' }).click();
  await expect(row(first.id).getByTestId('flow-step')).toHaveText('With doctor');
  await expect(row(first.id).getByRole('button', { name: 'Cancel…' })).toHaveCount(0);
  await row(first.id).getByRole('button', { name: 'Check out' }).click();
  await expect(row(first.id).getByTestId('flow-step')).toHaveText(/^Checked out \d\d:\d\d$/);
  await expect(row(first.id).getByTestId('flow-times')).toContainText(/room\s\d+\smin\s·\sdoctor\s\d+\smin/);
  await expect(row(first.id).getByRole('button')).toHaveCount(0);

  // Another desk records the second patient's arrival and room: this board shows it by itself.
  for (const step of ['arrival', 'in-room'] as const) {
    const result =
      step === 'arrival'
        ? await invokeInPage(page, 'appointments.recordArrival', { appointmentId: second.id })
        : await invokeInPage(page, 'appointments.recordVisitStep', { appointmentId: second.id, step });
    expect(result.ok, JSON.stringify(result)).toBe(true);
  }
  await expect(row(second.id).getByTestId('flow-step')).toHaveText('In room');
  // the phone as the clinic's country writes it (a US number in an Austrian clinic: international)
  await expect(row(second.id)).toContainText(/\+1 \d{3} \d{3} \d{4}/);
  await expect(row(second.id).getByRole('button', { name: 'With doctor' })).toBeVisible();

  // A cancellation from the board can be undone for a few seconds: booked again at the same time.
  await row(third.id).getByRole('button', { name: 'Cancel…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Reason for cancelling').fill('Patient called: feeling better');
  await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(row(third.id).locator('.status-chip')).toHaveText('Cancelled');
  await expect(page.getByTestId('cancellation-follow-up')).toBeVisible();
  const notice = board.getByTestId('calendar-notice');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toContainText(`Cancellation undone: booked again at ${third.time}`);
  // the slot is booked again: the waiting-list offer for it goes away
  await expect(page.getByTestId('cancellation-follow-up')).toHaveCount(0);
  await expect(board.getByTestId('flow-row').filter({ hasText: 'Corvin Ashdell' })).toHaveCount(2);
  await expect(
    board
      .getByTestId('flow-row')
      .filter({ hasText: 'Corvin Ashdell' })
      .locator('.status-chip', { hasText: 'Scheduled' }),
  ).toHaveCount(1);

  // Every action stays inside the board at both sizes.
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    for (const button of await board.getByRole('button').all()) {
      const box = await button.boundingBox();
      if (!box) continue;
      expect(box.x + box.width, `${await button.textContent()} at ${size.width}`).toBeLessThanOrEqual(size.width);
    }
    await saveScreen(page, `flow-to-end-${size.width}`);
  }
});
