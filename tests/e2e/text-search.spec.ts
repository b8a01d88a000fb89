import { join } from 'node:path';
import { openSqliteDocumentStore } from '../../electron/main/data/documents/sqlite/open-sqlite-document-store';
import { openSqlStore } from '../../electron/main/data/sql/open-sql-store';
import { hashPassword } from '../../electron/main/security/password';
import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';

// Generated clinic and people: no real names.
const CLINIC = 'Haselgrund Test Practice';
const ADMIN = { username: 'jexample', email: 'jo.example@example.org', firstName: 'Jo', lastName: 'Example' };
const PASSWORD = 'copper meadow signal 4';
const DOCTOR = { email: 'ines.larkspur@example.org', password: 'violet harbour stone 7' };

/** A doctor with two patients' prescriptions (one of them another doctor's), feedback and a message. */
async function arrange(dataDir: string): Promise<void> {
  const sql = await openSqlStore({ dialect: 'sqlite', storage: join(dataDir, 'clinic-desk.sqlite') });
  try {
    const documents = await openSqliteDocumentStore(sql.sequelize);
    const doctor = (firstName: string, lastName: string, email: string, passwordHash: string, licenseNumber: string) =>
      sql.models.Doctor.create({ firstName, lastName, email, phone: '+43-555-0110', specialization: 'General Practice', licenseNumber, passwordHash });
    const mine = await doctor('Ines', 'Larkspur', DOCTOR.email, await hashPassword(DOCTOR.password), 'E2E-SEARCH-1');
    const other = await doctor('Olav', 'Brambleton', 'olav.brambleton@example.org', 'unset', 'E2E-SEARCH-2');
    const patient = (firstName: string, lastName: string) =>
      sql.models.Patient.create({ firstName, lastName, email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@example.org`, phone: '+43-555-0210', dateOfBirth: '1975-05-06', gender: 'Female', passwordHash: 'unset' });
    const ownPatient = await patient('Rhea', 'Fennimore');
    const otherPatient = await patient('Tilde', 'Marrowgate');
    const visit = (doctorId: number, patientId: number) =>
      sql.models.Appointment.create({ doctorId, patientId, appointmentDate: '2026-12-02', appointmentTime: '11:00', durationMinutes: 30, status: 'Completed' });
    const ownVisit = await visit(mine.id, ownPatient.id);
    const otherVisit = await visit(other.id, otherPatient.id);
    const medications = [{ name: 'Amoxicillin', dosage: '500 mg', frequency: 'three times a day', duration: '7 days', quantity: 21 }];
    const rx = (appointmentId: number, patientId: number, doctorId: number, patientName: string, clinicalNotes: string) =>
      documents.prescriptions.insert({ appointmentId, patientId, doctorId, patientName, doctorName: 'Dr. Generated', prescriptionDate: new Date('2026-12-02T10:20:00Z'), medications, diagnosis: 'Sinusitis', clinicalNotes });
    await rx(ownVisit.id, ownPatient.id, mine.id, 'Rhea Fennimore', 'Maxillary sinusitis for ten days; steam inhalation advised.');
    await rx(otherVisit.id, otherPatient.id, other.id, 'Tilde Marrowgate', 'Recurrent sinusitis; ENT referral.');
    await documents.patientFeedback.insert({ appointmentId: ownVisit.id, patientId: ownPatient.id, doctorId: mine.id, ratings: { overall: 4 }, textReview: 'Friendly, but the parking was full.', anonymous: true });
    await documents.communicationLogs.insert({ type: 'appointment_reminder', patientId: otherPatient.id, doctorId: other.id, appointmentId: otherVisit.id, communicationMethod: 'email', recipientEmail: 'tilde.marrowgate@example.org', subject: 'Your visit', content: 'Parking is available behind the building.', deliveryStatus: 'sent', sentAt: new Date('2026-12-01T08:00:00Z') });
  } finally {
    await sql.close();
  }
}

test('an admin searches feedback and messages; a doctor searches only their own patients’ notes', async ({ page, clinic }) => {
  const setup = await invokeInPage(page, 'setup.complete', { clinicName: CLINIC, timezone: 'Europe/Vienna', admin: { ...ADMIN, password: PASSWORD } });
  expect(setup.ok).toBe(true);
  await arrange(clinic.dataDir);
  await page.reload();
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Search feedback' }).click();
  await page.getByLabel('Words to find').fill('parking');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const feedback = page.getByRole('table', { name: 'Feedback found' });
  await expect(feedback.locator('tbody tr')).toHaveCount(1);
  await expect(feedback).toContainText('Anonymous');
  await expect(feedback).not.toContainText('Fennimore');
  await expect(page.getByRole('table', { name: 'Messages found' })).toContainText('behind the building');
  await saveScreen(page, 'search-feedback-and-messages');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('User name or email').fill(DOCTOR.email);
  await page.getByLabel('Password', { exact: true }).fill(DOCTOR.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await nav.getByRole('link', { name: 'Search notes' }).click();
  await page.getByLabel('Words to find').fill('sinusitis');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const found = page.getByRole('table', { name: 'Prescriptions found' });
  await expect(found.locator('tbody tr')).toHaveCount(1);
  await expect(found).toContainText('Rhea Fennimore');
  await expect(found).not.toContainText('Marrowgate');
  await saveScreen(page, 'search-notes');
});
