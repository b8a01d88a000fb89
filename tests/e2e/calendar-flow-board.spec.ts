import { expect, saveScreen, test } from './support/fixtures';
import { openCalendarOnDemoClinic } from './support/calendar-clinic';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

test("today's flow board: confirm, record arrival, no-show and cancel with a reason; late and waiting visible", async ({
  page,
}) => {
  // The app's clock stands at 10:05 on a Monday in the clinic's zone: some visits are late, more are to come.
  await openCalendarOnDemoClinic(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click();
  const board = page.getByRole('region', { name: "Today's flow" });
  await expect(board.getByRole('heading', { name: 'Today' })).toBeVisible();
  const rows = board.getByTestId('flow-row');
  await expect(rows.first()).toBeVisible();

  // In time order.
  const times = await rows.locator('.flow__start').allTextContents();
  expect(times.length).toBeGreaterThan(5);
  expect([...times].sort()).toEqual(times);
  await saveScreen(page, 'flow-board');

  // A late arrival: not arrived after the start. Record the arrival: it becomes waiting.
  const late = board.locator('.flow__row--late').first();
  await expect(late).toContainText(/Patient late \d+/);
  const lateId = await late.getAttribute('data-appointment-id');
  await late.getByRole('button', { name: 'Arrived' }).click();
  const arrived = board.locator(`[data-appointment-id="${lateId}"]`);
  await expect(arrived).toContainText(/Arrived\s\d\d:\d\d\s·\swaited\s\d+\smin/);
  // They came late: the lateness is theirs, said so.
  await expect(arrived.getByTestId('flow-patient-late')).toContainText(/Patient arrived (\d+ h )?\d+ min late/);
  await expect(arrived.locator('.status-chip')).toHaveText('Confirmed');

  // Another late one does not come: no-show.
  const absent = board.locator('.flow__row--late').first();
  const absentId = await absent.getAttribute('data-appointment-id');
  await absent.getByRole('button', { name: 'No-show' }).click();
  await expect(board.locator(`[data-appointment-id="${absentId}"] .status-chip`)).toHaveText('No-Show');

  // An expected Scheduled visit is confirmed by phone.
  const scheduled = board
    .locator('.flow__row--upcoming')
    .filter({ has: page.locator('.status-chip--scheduled') })
    .first();
  const scheduledId = await scheduled.getAttribute('data-appointment-id');
  await scheduled.getByRole('button', { name: 'Confirm…' }).click();
  await scheduled.getByRole('group', { name: 'How did the patient confirm?' }).getByRole('button', { name: 'Phone' }).click();
  await expect(board.locator(`[data-appointment-id="${scheduledId}"] .status-chip`)).toHaveText('Confirmed');

  // And one is cancelled with a reason (within 24 hours: the reason is required).
  const toCancel = board.locator('.flow__row--upcoming').nth(1);
  const cancelId = await toCancel.getAttribute('data-appointment-id');
  await toCancel.getByRole('button', { name: 'Cancel…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(dialog.getByRole('alert')).toContainText(/reason/i);
  await dialog.getByLabel('Reason for cancelling').fill('Doctor called in sick, patient informed');
  await saveScreen(page, 'flow-board-cancel');
  await dialog.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(dialog).toBeHidden();
  await expect(board.locator(`[data-appointment-id="${cancelId}"] .status-chip`)).toHaveText('Cancelled');

  // The filters: waiting shows the one who arrived.
  await board.getByRole('tab', { name: 'Waiting' }).click();
  await expect(board.locator(`[data-appointment-id="${lateId}"]`)).toBeVisible();
  await expect(board.locator('.flow__row--late')).toHaveCount(0);
  await board.getByRole('tab', { name: 'All' }).click();
  await arrived.scrollIntoViewIfNeeded();
  await saveScreen(page, 'flow-board-after-actions');
});
