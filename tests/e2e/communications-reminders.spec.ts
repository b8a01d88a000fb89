import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { openSqlStore } from '../../electron/main/data/sql/open-sql-store';
import { completeSetup } from '../../electron/main/services/setup';
import { writeSettings } from '../../electron/main/services/communications/communication-settings';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server';
import { expect, saveScreen, test } from './support/fixtures';
import { E2E_NOW, launchApp } from './support/launch';

// Generated people and clinic: no real names.
const CLINIC = 'Lindenhof Test Clinic';
const ZONE = 'Europe/Vienna';
const ADMIN = { username: 'mexample', email: 'morgan.example@example.org', firstName: 'Morgan', lastName: 'Example', password: 'quiet harbour lamp 42' };
const PATIENT = { firstName: 'Toni', lastName: 'Samplemann', email: 'toni.samplemann@example.org' };

let smtp: SmtpTestServer;
test.beforeAll(async () => {
  smtp = await startSmtpTestServer();
});
test.afterAll(async () => {
  await smtp?.close();
});

/** A clinic with one doctor, one patient and an appointment three hours after the app's "now", set up before the app starts. */
async function prepareClinic(dataDir: string): Promise<void> {
  const sql = await openSqlStore({ dialect: 'sqlite', storage: join(dataDir, 'clinic-desk.sqlite') });
  try {
    await completeSetup(sql, { clinicName: CLINIC, timezone: ZONE, admin: ADMIN });
    await writeSettings(
      sql,
      { clinicAddress: '5 Lindenweg, Sampletown', smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpSecurity: 'none', smtpFrom: 'desk@lindenhof.test' },
      null,
    );
    const doctor = await sql.models.Doctor.create({
      firstName: 'Alexis',
      lastName: 'Placeholder',
      email: 'alexis.placeholder@example.org',
      phone: '+43-1-5550100',
      specialization: 'General Practice',
      licenseNumber: 'LIC-E2E-1',
      passwordHash: '!cannot-sign-in',
    });
    const patient = await sql.models.Patient.create({ ...PATIENT, phone: '+43-1-5550111', dateOfBirth: '1980-02-03', gender: 'Other', passwordHash: '!cannot-sign-in' });
    const start = DateTime.fromISO(E2E_NOW).setZone(ZONE).plus({ hours: 3 }).startOf('hour');
    await sql.models.Appointment.create({
      patientId: patient.id,
      doctorId: doctor.id,
      appointmentDate: start.toISODate() as string,
      appointmentTime: start.toFormat('HH:mm'),
      durationMinutes: 30,
    });
  } finally {
    await sql.close();
  }
}

test('edit the reminder template, preview it, send due reminders, see them in the log and the patient history', async ({ clinicEnv: _unused }, testInfo) => {
  testInfo.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-desk-e2e-comms-'));
  await prepareClinic(dataDir);
  // The timer is off so that the button below is what sends (the claims would keep it to one either way).
  const app = await launchApp({ dataDir, env: { CLINIC_MESSAGE_JOB: 'off' } });
  const page = app.page;
  try {
    await page.getByLabel('User name or email').fill(ADMIN.username);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
    await expect(page.getByRole('heading', { name: 'Messages', level: 2 })).toBeVisible();

    // Templates: a mistake is named at once and blocks saving; the preview follows the typing.
    await page.getByRole('tab', { name: 'Templates' }).click();
    const subject = page.locator('#template-subject');
    await subject.fill('{{clinicName}} reminder: {{date}} at {{time}} with {{doctor}}');
    await expect(page.getByText('Unknown placeholder: {{doctor}}')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Save templates' })).toBeDisabled();
    await subject.fill('{{clinicName}} reminder: {{date}} at {{time}}');
    await page.locator('#template-body').fill('Hello {{patientName}},\n\nsee you at {{time}} with {{doctorName}}.\n\n{{address}}');
    await expect(page.getByTestId('preview-subject')).toHaveText(`${CLINIC} reminder: Tuesday 8 December 2026 at 09:30`);
    await expect(page.getByTestId('preview-body')).toContainText('Hello Alex Sample,');
    await expect(page.getByTestId('preview-body')).toContainText('5 Lindenweg, Sampletown');
    await page.getByRole('button', { name: 'Save templates' }).click();
    await expect(page.getByText('Saved')).toBeVisible();
    await saveScreen(page, 'communications-template-editor');

    await page.getByRole('tab', { name: 'Mail settings' }).click();
    await page.getByLabel('To', { exact: true }).fill('it.check@example.org');
    await page.getByRole('button', { name: 'Send test' }).click();
    await expect(page.getByText('The server accepted the test message')).toBeVisible();
    await saveScreen(page, 'communications-mail-settings');

    // The log: send what is due now.
    await page.getByRole('tab', { name: 'Message log' }).click();
    await page.getByRole('button', { name: 'Send due messages now' }).click();
    await expect(page.getByTestId('run-summary')).toContainText('2 sent');
    const log = page.getByRole('table', { name: 'Communication log' });
    const reminderRow = log.getByRole('row').filter({ hasText: 'Reminder' });
    await expect(reminderRow).toContainText(`${PATIENT.firstName} ${PATIENT.lastName}`);
    await expect(reminderRow).toContainText(`${CLINIC} reminder:`);
    await expect(reminderRow).toContainText('Sent');
    await saveScreen(page, 'communications-log');

    const mail = smtp.received.find((m) => m.to.includes(PATIENT.email) && m.subject.startsWith(`${CLINIC} reminder:`));
    expect(mail?.decoded).toContain(`Hello ${PATIENT.firstName} ${PATIENT.lastName},`);
    expect(mail?.decoded).toContain('Dr. Alexis Placeholder');

    // The patient's history (PatientCommunications, as the patient page will show it).
    await page.getByRole('tab', { name: 'Patient history' }).click();
    await page.getByLabel('Patient', { exact: true }).fill(PATIENT.lastName);
    await page.getByRole('button', { name: 'Find' }).click();
    const history = page.getByRole('region', { name: 'Communication history' });
    await expect(history.getByText(`${CLINIC} reminder:`)).toBeVisible();
    await history.getByRole('button', { name: /Reminder/ }).click();
    await expect(history.getByText(`To ${PATIENT.email}`)).toBeVisible();
    await saveScreen(page, 'communications-patient-history');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
