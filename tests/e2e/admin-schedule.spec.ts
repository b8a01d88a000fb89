import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { E2E_NOW } from './support/launch';
import { openSection, setUpClinicAsAdmin, ZONE } from './admin-support';

// The demo clinic brings generated patients to book; the doctor is made here.
test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

const DOCTOR = { firstName: 'Elin', lastName: 'Prototyp', email: 'elin.prototyp@example.org', license: 'at-md-40417' };

/** A Monday at least two days after the app's "today" in the clinic's zone. */
function nextMonday(): string {
  let day = DateTime.fromISO(E2E_NOW).setZone(ZONE).plus({ days: 2 });
  while (day.weekday !== 1) day = day.plus({ days: 1 });
  return day.toISODate() as string;
}

async function bookTwo(page: Page, doctorId: number, date: string): Promise<number[]> {
  const booked: number[] = [];
  for (let patientId = 1; booked.length < 2 && patientId < 50; patientId++) {
    const result = await invokeInPage(page, 'appointments.book', {
      doctorId,
      patientId,
      date,
      time: booked.length === 0 ? '09:30' : '15:00',
      idempotencyKey: `e2e-${date}-${patientId}`,
    });
    if (result.ok) booked.push(result.data.id);
    else if (result.error.code !== 'PATIENT_BUSY') throw new Error(`booking failed: ${result.error.code} ${result.error.message}`);
  }
  return booked;
}

test('an admin adds a doctor, gives them a split day, and a day off that collides with two appointments cancels both in one step', async ({ page }) => {
  await setUpClinicAsAdmin(page);
  await openSection(page, 'Doctors');
  await expect(page.getByRole('heading', { name: 'Doctors', level: 2 })).toBeVisible();

  // a new doctor with a picture from disk
  await page.getByRole('button', { name: 'Add doctor' }).click();
  const form = page.locator('form.doctor-form');
  await form.getByLabel('First name').fill(DOCTOR.firstName);
  await form.getByLabel('Last name').fill(DOCTOR.lastName);
  await form.getByLabel('Email').fill(DOCTOR.email);
  await form.getByLabel('Phone').fill('+43 1 555 0142');
  await form.getByLabel('Specialization').fill('Dermatology');
  await form.getByLabel('License number').fill(DOCTOR.license);
  await form.getByLabel('Years of experience').fill('11');
  await form.getByLabel('Consultation fee').fill('12.345');
  await form.getByLabel('First password').fill('granite orchard signal 8');
  await form.getByLabel('Profile picture').setInputFiles(join(__dirname, 'fixtures', 'doctor-avatar.png'));
  await form.getByRole('button', { name: 'Create doctor' }).click();
  await expect(form.getByText('Enter an amount like 120 or 120.50')).toBeVisible();
  await form.getByLabel('Consultation fee').fill('95.5');
  await saveScreen(page, 'admin-doctor-form');
  await form.getByRole('button', { name: 'Create doctor' }).click();
  await expect(page.getByText(`Dr. ${DOCTOR.firstName} ${DOCTOR.lastName} was added.`)).toBeVisible();
  const row = page.getByRole('table', { name: 'Doctors' }).getByRole('row').filter({ hasText: DOCTOR.lastName });
  await expect(row).toContainText('AT-MD-40417');
  await expect(row).toContainText('95.50');
  await expect(row.locator('.doctor-avatar img')).toBeVisible();
  await saveScreen(page, 'admin-doctors');

  // a split Monday: 09:00–12:00 and 14:00–18:00; an overlap is shown first and blocks saving
  await row.getByRole('button', { name: /^Schedule of/ }).click();
  await expect(page.getByRole('heading', { name: `Schedule of Dr. ${DOCTOR.firstName} ${DOCTOR.lastName}` })).toBeVisible();
  const week = page.getByRole('group', { name: 'Weekly hours' });
  await week.getByRole('button', { name: 'Add a range on Monday' }).click();
  await week.getByLabel('Monday range 1 from').fill('09:00');
  await week.getByLabel('Monday range 1 until').fill('12:00');
  await week.getByRole('button', { name: 'Add a range on Monday' }).click();
  await week.getByLabel('Monday range 2 from').fill('11:00');
  await week.getByLabel('Monday range 2 until').fill('18:00');
  await page.getByRole('button', { name: 'Save weekly hours' }).click();
  await expect(week.getByRole('alert')).toContainText('11:00–18:00 overlaps 09:00–12:00');
  await week.getByLabel('Monday range 2 from').fill('14:00');
  await expect(week.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Save weekly hours' }).click();
  await expect(page.getByText('Weekly hours saved.')).toBeVisible();
  await expect(page.getByText('7 h a week')).toBeVisible();

  // two patients booked on a Monday (as the front desk would), then a day off on that Monday
  const doctors = await invokeInPage(page, 'admin.doctors.list', {});
  const doctorId = doctors.ok ? doctors.data.find((d) => d.email === DOCTOR.email)!.id : 0;
  const monday = nextMonday();
  const booked = await bookTwo(page, doctorId, monday);
  expect(booked).toHaveLength(2);

  const dayOff = page.getByRole('form', { name: 'Add a day off' });
  await dayOff.getByLabel('Date').fill(monday);
  await dayOff.getByLabel('Reason').fill('Dermatology congress');
  await dayOff.getByRole('button', { name: 'Add day off' }).click();
  const conflicts = page.getByRole('region', { name: 'Booked appointments affected' });
  await expect(conflicts).toContainText('This day off collides with 2 booked appointments');
  await expect(conflicts.getByRole('table', { name: 'Affected appointments' }).getByRole('row')).toHaveCount(3);
  await conflicts.getByRole('button', { name: 'Cancel all 2 and save' }).click();
  await expect(conflicts.getByText('Give the reason the patients will be told')).toBeVisible();
  await conflicts.getByLabel('Reason for the patients').fill('Dr. Prototyp is away at a congress');
  await saveScreen(page, 'admin-schedule-conflicts');
  await conflicts.getByRole('button', { name: 'Cancel all 2 and save' }).click();

  const notify = page.getByRole('region', { name: 'Patients to notify' });
  await expect(notify).toContainText('2 appointments were cancelled: patients to notify');
  await expect(notify.getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('list', { name: 'Upcoming days off' })).toContainText('Dermatology congress');
  await saveScreen(page, 'admin-schedule-notify');

  // both are cancelled in main, with the reason
  for (const id of booked) {
    const day = await invokeInPage(page, 'calendar.day', { date: monday, doctorIds: [doctorId] });
    const appointment = day.ok ? day.data.doctors[0]?.appointments.find((a) => a.id === id) : undefined;
    expect(appointment?.status).toBe('Cancelled');
  }
});
