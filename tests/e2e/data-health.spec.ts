import { join } from 'node:path';
import { openSqliteDocumentStore } from '../../electron/main/data/documents/sqlite/open-sqlite-document-store';
import { messageClaims } from '../../electron/main/data/sql/models/message-claim';
import { openSqlStore } from '../../electron/main/data/sql/open-sql-store';
import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';

// Generated clinic and people: no real names.
const CLINIC = 'Tannberg Test Practice';
const ADMIN = { username: 'kexample', email: 'kim.example@example.org', firstName: 'Kim', lastName: 'Example' };
const PASSWORD = 'amber window lantern 9';

/** Faults of three kinds, written into the clinic's SQLite file beside the running app. */
async function plantFaults(dataDir: string): Promise<void> {
  const sql = await openSqlStore({ dialect: 'sqlite', storage: join(dataDir, 'clinic-desk.sqlite') });
  try {
    const documents = await openSqliteDocumentStore(sql.sequelize);
    const doctor = await sql.models.Doctor.create({
      firstName: 'Edda',
      lastName: 'Quillfeather',
      email: 'edda.quillfeather@example.org',
      phone: '+43-555-0101',
      specialization: 'General Practice',
      licenseNumber: 'E2E-HEALTH-1',
      passwordHash: 'unset',
    });
    const patient = await sql.models.Patient.create({
      firstName: 'Bram',
      lastName: 'Tollerby',
      email: 'bram.tollerby@example.org',
      phone: '+43-555-0201',
      dateOfBirth: '1981-02-03',
      gender: 'Male',
      passwordHash: 'unset',
    });
    const visit = await sql.models.Appointment.create({
      doctorId: doctor.id,
      patientId: patient.id,
      appointmentDate: '2026-12-01',
      appointmentTime: '10:00',
      durationMinutes: 30,
      status: 'Completed',
    });
    const medications = [{ name: 'Ibuprofen', dosage: '400 mg', frequency: 'as needed', duration: '5 days', quantity: 10 }];
    // a name copied before the patient was renamed
    await documents.prescriptions.insert({ appointmentId: visit.id, patientId: patient.id, doctorId: doctor.id, patientName: 'Bram Oldsurname', doctorName: 'Dr. Edda Quillfeather', prescriptionDate: new Date('2026-12-01T09:20:00Z'), medications });
    // a prescription naming a patient and a visit that no longer exist
    await documents.prescriptions.insert({ appointmentId: 777_777, patientId: 888_888, doctorId: doctor.id, patientName: 'Gone Patient', doctorName: 'Dr. Edda Quillfeather', prescriptionDate: new Date('2026-11-20T09:20:00Z'), medications });
    // a reminder the server accepted whose log entry never arrived
    await messageClaims(sql.sequelize).create({
      claimKey: `reminder|${visit.id}|2026-12-01 10:00|email`,
      appointmentId: visit.id,
      kind: 'appointment_reminder',
      method: 'email',
      appointmentState: '2026-12-01 10:00',
      state: 'sent',
      claimedBy: 'desk-2',
    });
  } finally {
    await sql.close();
  }
}

test('an admin sees what the two stores disagree on and repairs it in one step each', async ({ page, clinic }) => {
  const setup = await invokeInPage(page, 'setup.complete', { clinicName: CLINIC, timezone: 'Europe/Vienna', admin: { ...ADMIN, password: PASSWORD } });
  expect(setup.ok).toBe(true);
  await plantFaults(clinic.dataDir);
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data health' }).click();

  await expect(page.getByTestId('data-health-summary')).toContainText('4 problems found');
  await expect(page.getByTestId('count-stale_copy')).toHaveText('1');
  await expect(page.getByTestId('count-missing_patient')).toHaveText('1');
  await expect(page.getByTestId('count-missing_appointment')).toHaveText('1');
  await expect(page.getByTestId('count-claim_without_log')).toHaveText('1');
  await expect(page.getByTestId('count-feedback_not_completed')).toHaveText('None');
  await saveScreen(page, 'data-health-found');

  await page.getByTestId('kind-stale_copy').getByRole('button', { name: 'Re-sync names' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Names brought up to date' })).toBeVisible();
  await expect(page.getByTestId('count-stale_copy')).toHaveText('None');

  await page.getByTestId('kind-claim_without_log').getByRole('button', { name: 'Write log entry' }).click();
  await expect(page.getByTestId('count-claim_without_log')).toHaveText('None');

  await page.getByTestId('kind-missing_patient').getByRole('button', { name: 'Flag for review' }).click();
  await expect(page.getByTestId('kind-missing_patient').getByText('Flagged for review')).toBeVisible();
  await saveScreen(page, 'data-health-repaired');
});
