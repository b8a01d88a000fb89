import { randomUUID } from 'node:crypto';
import { expect, saveScreen, test } from './support/fixtures';
import { call, clinicDate, generatedPatient, setUpDemoClinic } from './support/reception-setup';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

test('a cancellation is offered to the waiting list in priority then waiting order, and booked in one step', async ({
  page,
}) => {
  await setUpDemoClinic(page);
  const day = clinicDate(2);
  const doctors = (await call(page, 'calendar.day', { date: day })).doctors.filter((d) => d.working.length > 0);
  const doctor = doctors[0]!;
  const [free] = await call(page, 'slots.free', {
    doctorId: doctor.doctorId,
    fromDate: day,
    days: 1,
    durationMinutes: 30,
  });
  expect(free, 'the demo doctor has a free half hour that day').toBeTruthy();

  // Someone holds the slot; three patients wait for an earlier one with this doctor or specialization.
  const holder = await call(page, 'patients.register', {
    patient: generatedPatient('Bertil', 'Holmgaard'),
    acknowledgeDuplicates: true,
  });
  const normal = await call(page, 'patients.register', {
    patient: generatedPatient('Nora', 'Ellingsworth'),
    acknowledgeDuplicates: true,
  });
  const urgent = await call(page, 'patients.register', {
    patient: generatedPatient('Ulrich', 'Pennyfeather'),
    acknowledgeDuplicates: true,
  });
  const high = await call(page, 'patients.register', {
    patient: generatedPatient('Hana', 'Trevellick'),
    acknowledgeDuplicates: true,
  });
  const unfit = await call(page, 'patients.register', {
    patient: generatedPatient('Ines', 'Morrowgate'),
    acknowledgeDuplicates: true,
  });
  const window = { fromDate: clinicDate(1), toDate: clinicDate(5), earliestTime: '06:00', latestTime: '22:00' };
  await call(page, 'waitingList.add', { patientId: normal.id, doctorId: doctor.doctorId, ...window, priority: 3 });
  await call(page, 'waitingList.add', {
    patientId: urgent.id,
    specialization: doctor.specialization,
    ...window,
    priority: 1,
  });
  await call(page, 'waitingList.add', { patientId: high.id, doctorId: doctor.doctorId, ...window, priority: 2 });
  await call(page, 'waitingList.add', {
    patientId: unfit.id,
    doctorId: doctor.doctorId,
    ...window,
    fromDate: clinicDate(4),
    priority: 1,
  }); // not that day
  const held = await call(page, 'appointments.book', {
    patientId: holder.id,
    doctorId: doctor.doctorId,
    date: free!.date,
    time: free!.time,
    durationMinutes: 30,
    idempotencyKey: `e2e-hold-${randomUUID()}`,
  });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Waiting list' }).click();
  const list = page.getByRole('table', { name: 'Waiting list' });
  await expect(list.getByRole('row')).toHaveCount(5);
  await saveScreen(page, 'reception-waiting-list');

  // The cancellation (as another desk or the calendar would do it), then the offer for the freed slot.
  await call(page, 'appointments.cancel', { appointmentId: held.id, reason: 'Generated: patient called to cancel' });
  const freed = page.getByRole('form', { name: 'Offer a freed slot' });
  await freed.getByLabel('Doctor').selectOption(String(doctor.doctorId));
  await freed.getByLabel('Date').fill(free!.date);
  await freed.getByLabel('Time').fill(free!.time);
  await freed.getByRole('button', { name: 'Who fits?' }).click();
  const offers = page.getByRole('list', { name: 'Patients to offer the slot to' });
  await expect(offers.getByRole('listitem')).toHaveCount(3);
  await expect(offers.getByRole('listitem').nth(0)).toContainText('Ulrich Pennyfeather');
  await expect(offers.getByRole('listitem').nth(0)).toContainText('Urgent');
  await expect(offers.getByRole('listitem').nth(1)).toContainText('Hana Trevellick');
  await expect(offers.getByRole('listitem').nth(2)).toContainText('Nora Ellingsworth');
  await expect(offers).not.toContainText('Ines Morrowgate');
  await saveScreen(page, 'reception-waiting-list-offer');

  // One step: booked, off the list.
  await offers.getByRole('button', { name: 'Book Ulrich Pennyfeather' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ulrich Pennyfeather is booked' })).toContainText(free!.time);
  await expect(list.getByRole('row')).toHaveCount(4);
  await expect(list).not.toContainText('Ulrich Pennyfeather');
  await saveScreen(page, 'reception-waiting-list-booked');
  const record = await call(page, 'patients.get', { patientId: urgent.id });
  expect(record.upcoming.map((a) => [a.doctorId, a.date, a.time, a.status])).toEqual([
    [doctor.doctorId, free!.date, free!.time, 'Scheduled'],
  ]);
});

test('adding to the waiting list: nothing preselected, times as the desk types them, each error gone once fixed', async ({
  page,
}) => {
  await setUpDemoClinic(page);
  const patient = await call(page, 'patients.register', {
    patient: generatedPatient('Wendelin', 'Quarrington'),
    acknowledgeDuplicates: true,
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Waiting list' }).click();
  await page.getByRole('button', { name: 'Add to waiting list' }).click();
  const form = page.getByRole('form', { name: 'Add to the waiting list' });
  const wish = form.getByLabel('With');
  await expect(wish.locator('option:checked')).toHaveText('Choose…');

  await form.getByLabel('Earliest time').fill('9.15');
  await form.getByLabel('Latest end').fill('1130');
  await form.getByRole('button', { name: 'Add to waiting list' }).click();
  await expect(form.getByText('Choose a doctor or a specialization')).toBeVisible();
  await expect(form.getByText('Choose the patient first')).toBeVisible();
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await saveScreen(page, `waiting-list-add-errors-${size.width}`);
  }

  // Each message leaves when its cause is fixed, not at the next save.
  const specialization = (await wish.locator('optgroup[label="Specialization"] option').first().getAttribute('value'))!;
  await wish.selectOption(specialization);
  await expect(form.getByText('Choose a doctor or a specialization')).toHaveCount(0);
  await expect(form.getByText('Choose the patient first')).toBeVisible();
  await form.getByRole('combobox', { name: 'Patient' }).fill('Quarrington');
  await form.getByRole('option', { name: /Quarrington, Wendelin/ }).click();
  await expect(form.getByText('Choose the patient first')).toHaveCount(0);

  await form.getByRole('button', { name: 'Add to waiting list' }).click();
  const row = page.getByRole('table', { name: 'Waiting list' }).getByRole('row').filter({ hasText: 'Quarrington' });
  await expect(row).toBeVisible();
  const entries = await call(page, 'waitingList.list', {});
  const entry = entries.find((e) => e.patientId === patient.id);
  expect(entry).toMatchObject({ earliestTime: '09:15', latestTime: '11:30', specialization: specialization.slice(5) });
});
