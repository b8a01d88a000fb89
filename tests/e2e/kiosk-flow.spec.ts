import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DateTime } from 'luxon';
import { openSqliteDocumentStore } from '../../electron/main/data/documents/sqlite/open-sqlite-document-store';
import { openSqlStore } from '../../electron/main/data/sql/open-sql-store';
import { hashPassword } from '../../electron/main/security/password';
import { expect, saveScreen, test } from './support/fixtures';
import { setUpClinic as setUpTestClinic } from './support/clinic-setup';
import { E2E_NOW } from './support/launch';

// Generated people and clinic: no real names.
const CLINIC = 'Lindenhof Test Clinic';
const ZONE = 'Europe/Vienna';
const ADMIN = { firstName: 'Robin', lastName: 'Examplar', username: 'rexamplar', email: 'robin.examplar@example.org' };
const ADMIN_PASSWORD = 'silver kettle morning 17';
const DOCTOR = { firstName: 'Mira', lastName: 'Testdottir', email: 'mira.testdottir@example.org', password: 'quiet harbour lights 8' };
const PATIENT = { firstName: 'Jonas', lastName: 'Beispielmann', email: 'jonas.beispielmann@example.org' };
const KIOSK_PASSWORD = 'apple river 55';
const REVIEW = 'Dr. Testdottir listened carefully and explained the next steps.';

async function setUpClinic(page: Page): Promise<void> {
  await setUpTestClinic(page, { clinicName: CLINIC, timezone: 'Europe/Vienna', admin: ADMIN, password: ADMIN_PASSWORD });
}

/**
 * The doctor, the patient, two visits and a prescription, written into the clinic's SQLite file
 * beside the running app: this branch has no screens to register doctors or patients (other
 * features build them).
 */
async function arrangeVisits(dataDir: string): Promise<void> {
  const sql = await openSqlStore({ dialect: 'sqlite', storage: join(dataDir, 'clinic-desk.sqlite') });
  try {
    const today = DateTime.fromISO(E2E_NOW).setZone(ZONE);
    const doctor = await sql.models.Doctor.create({
      firstName: DOCTOR.firstName,
      lastName: DOCTOR.lastName,
      email: DOCTOR.email,
      phone: '+43-555-0100',
      specialization: 'General Practice',
      licenseNumber: 'E2E-LIC-1',
      passwordHash: await hashPassword(DOCTOR.password),
    });
    const patient = await sql.models.Patient.create({
      ...PATIENT,
      phone: '+43-555-0200',
      dateOfBirth: '1979-04-12',
      gender: 'Male',
      // no kiosk password yet: the desk sets one in the test
      passwordHash: 'unset',
    });
    const visit = (date: string, time: string, status: 'Scheduled' | 'Completed') =>
      sql.models.Appointment.create({ doctorId: doctor.id, patientId: patient.id, appointmentDate: date, appointmentTime: time, durationMinutes: 30, status });
    await visit(today.toISODate() as string, '23:30', 'Scheduled');
    await visit(today.plus({ days: 9 }).toISODate() as string, '09:15', 'Scheduled');
    const done = await visit(today.minus({ days: 3 }).toISODate() as string, '10:00', 'Completed');
    const documents = await openSqliteDocumentStore(sql.sequelize);
    await documents.prescriptions.insert({
      appointmentId: done.id,
      patientId: patient.id,
      doctorId: doctor.id,
      patientName: `${PATIENT.firstName} ${PATIENT.lastName}`,
      doctorName: `Dr. ${DOCTOR.firstName} ${DOCTOR.lastName}`,
      prescriptionDate: today.minus({ days: 3 }).toJSDate(),
      medications: [{ name: 'Ibuprofen', dosage: '400mg', frequency: 'Every 6-8 hours as needed', duration: '5 days', instructions: 'Take with food', quantity: 20, refillsAllowed: 0 }],
    });
  } finally {
    await sql.close();
  }
}

async function signIn(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByLabel('User name or email').fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

test('kiosk: a patient checks in and leaves feedback; an admin approves it; the doctor sees it', async ({ page, clinic }) => {
  test.setTimeout(180_000);
  await setUpClinic(page);
  await arrangeVisits(clinic.dataDir);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // The desk sets the patient's kiosk password.
  await nav.getByRole('link', { name: 'Kiosk' }).click();
  await expect(page.getByRole('heading', { name: 'Patient kiosk' })).toBeVisible();
  await page.getByRole('button', { name: "Set a patient's kiosk password" }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Patient email').fill('nobody.known@example.org');
  await dialog.getByRole('button', { name: 'Find patient' }).click();
  await expect(dialog.getByText('No patient has this email address.')).toBeVisible();
  await dialog.getByLabel('Patient email').fill(PATIENT.email);
  await dialog.getByRole('button', { name: 'Find patient' }).click();
  await expect(dialog.getByText(`${PATIENT.firstName} ${PATIENT.lastName}`)).toBeVisible();
  await dialog.getByLabel('New kiosk password').fill(KIOSK_PASSWORD);
  await saveScreen(page, 'kiosk-admin-password');
  await dialog.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByText(`${PATIENT.firstName} ${PATIENT.lastName} can now sign in at the kiosk`)).toBeVisible();

  // Kiosk mode: the staff session ends.
  await page.getByRole('button', { name: 'Start kiosk mode' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start kiosk mode' }).click();
  await expect(page.getByRole('heading', { name: `Welcome to ${CLINIC}` })).toBeVisible();
  await expect(nav).toHaveCount(0);
  await saveScreen(page, 'kiosk-welcome');

  // A wrong password, then the right one.
  await page.getByRole('button', { name: 'Email and password' }).click();
  await page.getByLabel('Email').fill(PATIENT.email);
  await page.getByLabel('Password').fill('not my password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('The email or password is not right');
  await expect(page.getByLabel('Email')).toHaveValue(PATIENT.email);
  await page.getByLabel('Password').fill(KIOSK_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Hello, ${PATIENT.firstName}` })).toBeVisible();
  await expect(page.getByText('Ibuprofen 400mg')).toBeVisible();
  await saveScreen(page, 'kiosk-patient-home');

  // Check in for today's visit.
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(page.getByText('You are checked in.')).toBeVisible();
  await expect(page.getByText('Checked in', { exact: true })).toBeVisible();

  // Feedback for the completed visit, anonymously.
  await page.getByRole('button', { name: 'Leave feedback' }).click();
  await expect(page.getByRole('heading', { name: 'How was your visit?' })).toBeVisible();
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByRole('alert')).toContainText('Please choose an overall rating.');
  await page.getByRole('radio', { name: 'Overall: 5 of 5' }).click();
  await page.getByRole('radio', { name: 'Your doctor: 5 of 5' }).click();
  await page.getByRole('radio', { name: 'Waiting time: 3 of 5' }).click();
  await page.getByRole('radio', { name: 'Cleanliness: 4 of 5' }).click();
  await page.getByRole('radio', { name: 'Our staff: 5 of 5' }).click();
  await page.getByRole('radiogroup', { name: 'Would you recommend us to a friend?' }).getByRole('radio', { name: 'Yes' }).click();
  await page.getByRole('radiogroup', { name: 'Would you see this doctor again?' }).getByRole('radio', { name: 'Yes' }).click();
  await page.getByRole('button', { name: 'Thorough' }).click();
  await page.getByLabel('Tell us more (optional)').fill(REVIEW);
  await page.getByLabel(/What could we do better/).fill('More seats in the waiting room');
  await page.getByLabel(/Send anonymously/).check();
  await saveScreen(page, 'kiosk-feedback-form');
  await page.getByRole('button', { name: 'Send feedback' }).click();
  await expect(page.getByText('Thank you for your feedback.')).toBeVisible();
  await expect(page.getByText('Feedback sent')).toBeVisible();
  await saveScreen(page, 'kiosk-patient-after');

  // Done: back to the welcome page, nothing of the patient left on screen.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: `Welcome to ${CLINIC}` })).toBeVisible();
  await expect(page.getByText(PATIENT.firstName)).toHaveCount(0);
  await expect(page.getByText('Ibuprofen')).toHaveCount(0);
  // the welcome page again, on its first way in, with nothing typed
  await expect(page.getByRole('form', { name: 'Check in with your date of birth' }).getByLabel('Last name')).toHaveValue('');

  // Staff leave kiosk mode with their password; the admin approves the feedback.
  await page.getByRole('button', { name: 'Staff' }).click();
  const exit = page.getByRole('dialog');
  await exit.getByLabel('Staff user name or email').fill(ADMIN.username);
  await exit.getByLabel('Staff password').fill(ADMIN_PASSWORD);
  await exit.getByRole('button', { name: 'Leave kiosk mode' }).click();
  await expect(nav).toBeVisible();
  await nav.getByRole('link', { name: 'Feedback', exact: true }).click();
  const pending = page.getByRole('list', { name: 'Pending feedback' }).getByRole('listitem').filter({ hasText: REVIEW });
  await expect(pending).toContainText('Anonymous to the doctor');
  await expect(pending).toContainText(`${PATIENT.firstName} ${PATIENT.lastName}`);
  await saveScreen(page, 'feedback-moderation');
  await pending.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Nothing waits for moderation.')).toBeVisible();
  await page.getByRole('tab', { name: 'Approved' }).click();
  await expect(page.getByText(`Approved by ${ADMIN.firstName} ${ADMIN.lastName}`)).toBeVisible();

  await nav.getByRole('link', { name: 'Doctor ratings' }).click();
  const row = page.getByRole('table', { name: 'Doctor ratings' }).getByRole('row').filter({ hasText: DOCTOR.lastName });
  await expect(row).toContainText('5.0');
  await row.getByRole('button', { name: /Show feedback/ }).click();
  await expect(page.getByText(REVIEW)).toBeVisible();
  await saveScreen(page, 'doctor-ratings');

  // The doctor sees it, without the patient's name.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, DOCTOR.email, DOCTOR.password);
  await nav.getByRole('link', { name: 'My feedback' }).click();
  await expect(page.getByText(REVIEW)).toBeVisible();
  await expect(page.getByText('Anonymous patient')).toBeVisible();
  await expect(page.getByText(PATIENT.lastName)).toHaveCount(0);
  await expect(page.getByText('1 approved review')).toBeVisible();
  await saveScreen(page, 'doctor-my-feedback');
});

test('kiosk: an idle patient is signed out by itself and the next person sees nothing of them', async ({ page, clinic }) => {
  test.skip(clinic.mode !== 'chromium', 'the idle test hook exists only on the bridge page');
  test.setTimeout(120_000);
  await setUpClinic(page);
  await arrangeVisits(clinic.dataDir);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Kiosk' }).click();
  await page.getByRole('button', { name: "Set a patient's kiosk password" }).click();
  await page.getByRole('dialog').getByLabel('Patient email').fill(PATIENT.email);
  await page.getByRole('dialog').getByRole('button', { name: 'Find patient' }).click();
  await page.getByRole('dialog').getByLabel('New kiosk password').fill(KIOSK_PASSWORD);
  await page.getByRole('dialog').getByRole('button', { name: 'Set password' }).click();
  await page.getByRole('button', { name: 'Start kiosk mode' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start kiosk mode' }).click();
  await expect(page.getByRole('heading', { name: `Welcome to ${CLINIC}` })).toBeVisible();

  const url = new URL(page.url());
  url.searchParams.set('kioskIdleSeconds', '3');
  await page.goto(url.toString());
  await page.getByRole('button', { name: 'Email and password' }).click();
  await page.getByLabel('Email').fill(PATIENT.email);
  await page.getByLabel('Password').fill(KIOSK_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: `Hello, ${PATIENT.firstName}` })).toBeVisible();
  // no touch for a few seconds: back to the welcome page, nothing of the patient left
  await expect(page.getByRole('heading', { name: `Welcome to ${CLINIC}` })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByText(PATIENT.firstName)).toHaveCount(0);
  await expect(page.getByText('Ibuprofen')).toHaveCount(0);
});
