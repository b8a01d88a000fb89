import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, saveScreen, test } from './support/fixtures';
import { REPO_ROOT } from './support/launch';
import type { Page } from '@playwright/test';
import { invokeInPage } from './support/invoke';
import { DEMO_ENV, DOCTOR_PASSWORD, goToDay, prepareDoctor, setUpClinic, signInAs } from './support/doctor-clinic';

test.use({ clinicEnv: DEMO_ENV });

const SCREENS = join(REPO_ROOT, 'test-results', 'screens');

const ADMIN_SIGN_IN = { name: 'lgadmin', password: 'silver kettle morning 17' };

/** Each screen this spec changes, at the two window sizes the clinic's workstations use. */
async function saveAtBothSizes(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await saveScreen(page, `${name}-${width}x${height}`);
  }
}

interface Patient {
  name: string;
  email: string;
  dateOfBirth: string;
}

/** The generated clinic has namesakes: the patient's row is told apart by their email. */
async function openPatient(page: Page, patient: Patient): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  const [first, ...rest] = patient.name.split(' ');
  await page.getByLabel('Search patients').fill(patient.name);
  await page
    .getByRole('table', { name: 'Patients found' })
    .getByRole('row')
    .filter({ hasText: patient.email })
    .getByRole('button', { name: `${rest.join(' ')}, ${first}` })
    .click();
  await expect(page.getByRole('heading', { name: patient.name, level: 2 })).toBeVisible();
}

test('an allergy recorded at the desk warns the doctor, who must confirm it to sign; the audit trail names who viewed the patient', async ({ page }) => {
  test.setTimeout(300_000);
  await setUpClinic(page);
  const clinic = await prepareDoctor(page, 1);
  const patientName = clinic.patientNames[0]!;
  const record = await invokeInPage(page, 'patients.get', { patientId: clinic.booked[0]!.patientId });
  if (!record.ok) throw new Error(record.error.message);
  const patient: Patient = { name: patientName, email: record.data.patient.email, dateOfBirth: record.data.patient.dateOfBirth };

  // The desk (here the super admin) records the allergy on the patient page.
  await openPatient(page, patient);
  const allergies = page.getByRole('region', { name: 'Allergies' });
  await expect(allergies.getByText('Allergies not recorded')).toBeVisible();
  await allergies.getByRole('button', { name: 'Record allergies' }).click();
  await allergies.getByLabel('Substance 1').fill('Amoxicillin');
  await allergies.getByLabel('Reaction').fill('Hives and swelling');
  await allergies.getByRole('button', { name: 'Save allergies' }).click();
  await expect(allergies.getByRole('list', { name: 'Allergies' })).toContainText('Amoxicillin');

  // The doctor sees it in the banner of the visit and of the editor.
  await signInAs(page, clinic.signInName, DOCTOR_PASSWORD);
  await expect(page.getByRole('heading', { name: 'My day', level: 2 })).toBeVisible();
  await goToDay(page, clinic.booked[0]!.date);
  await page.getByRole('button', { name: `Open the visit of ${patientName} at ${clinic.booked[0]!.time}` }).click();
  const banner = page.getByRole('region', { name: 'Patient' });
  await expect(banner.getByRole('heading', { name: patientName })).toBeVisible();
  await expect(banner.getByRole('list', { name: 'Allergies' })).toContainText('Amoxicillin');
  await saveAtBothSizes(page, 'doctor-visit-banner');
  await page.getByRole('button', { name: 'Write prescription' }).click();
  await expect(page.getByRole('heading', { name: 'New prescription' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Patient' })).toContainText(patientName);

  const form = page.getByRole('form', { name: 'Prescription' });
  const first = form.getByRole('listitem', { name: 'Medication 1' });
  // nothing is red before the doctor has touched a field
  await expect(form.locator('.field--invalid')).toHaveCount(0);
  await first.getByLabel('Medication', { exact: true }).fill('AMOXICILLIN  250mg');
  await first.getByLabel('Dosage').fill('250mg');
  await first.getByLabel('Frequency').fill('3 times daily');
  await first.getByLabel('Duration').fill('5 days');
  await first.getByLabel('Quantity').fill('15');
  const warning = form.getByRole('alert', { name: 'Allergy warning' });
  await expect(warning).toContainText('matches the patient’s recorded allergy to Amoxicillin');
  const sign = form.getByRole('button', { name: 'Sign prescription' });
  await expect(sign).toBeDisabled();
  // a card added now is not red before it is touched either
  await form.getByRole('button', { name: 'Add medication' }).click();
  await expect(form.getByRole('listitem', { name: 'Medication 2' }).locator('.field--invalid')).toHaveCount(0);
  await form.getByRole('button', { name: 'Remove medication 2' }).click();
  await saveAtBothSizes(page, 'doctor-prescription-allergy-warning');
  await page.getByRole('region', { name: 'Patient' }).scrollIntoViewIfNeeded();
  await saveAtBothSizes(page, 'doctor-prescription-banner');

  await warning.getByLabel('I have seen the allergy to Amoxicillin and prescribe this anyway').check();
  await expect(sign).toBeEnabled();
  await sign.click();
  const dialog = page.getByRole('dialog', { name: 'Sign the prescription' });
  await dialog.getByLabel('Your password').fill('not my password at all');
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The password is not right');
  await dialog.getByLabel('Your password').fill(DOCTOR_PASSWORD);
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('signature-status').first()).toHaveText('Signature verified');

  // The super admin asks the trail who viewed this patient, by name.
  await signInAs(page, ADMIN_SIGN_IN.name, ADMIN_SIGN_IN.password);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }).click();
  const filters = page.getByRole('form', { name: 'Filters' });
  await filters.getByLabel('Patient', { exact: true }).fill(patientName.toLowerCase());
  await filters.getByRole('listbox', { name: 'Patient matches' }).getByRole('button', { name: new RegExp(`${patientName}.*${patient.dateOfBirth}`) }).click();
  await filters.getByLabel('Action').selectOption('view_patient_record');
  await filters.getByRole('button', { name: 'Search' }).click();
  const records = page.getByRole('table', { name: 'Audit records' });
  const doctorRow = records.getByRole('row').filter({ hasText: clinic.doctorName.replace(/^Dr\.? /, '') });
  await expect(doctorRow.first()).toContainText('Viewed the patient record');
  await expect(doctorRow.first()).toContainText(patientName);
  await expect(records.getByRole('row').filter({ hasText: 'Searched for patients' })).toHaveCount(0);
  await saveAtBothSizes(page, 'audit-trail-who-viewed');

  // The patient page answers it too, for admins.
  await openPatient(page, patient);
  const viewers = page.getByRole('table', { name: 'Who viewed this record' });
  await expect(viewers.getByRole('row').filter({ hasText: clinic.doctorName.replace(/^Dr\.? /, '') }).filter({ hasText: 'Viewed the patient record' }).first()).toBeVisible();
  await expect(viewers.getByRole('row').filter({ hasText: 'Recorded the patient’s allergies' })).toHaveCount(1);
  await viewers.scrollIntoViewIfNeeded();
  await saveAtBothSizes(page, 'patient-page-allergies-and-viewers');
});

test('an allergy the doctor records on the visit page warns through the clinic ingredient list, and the PDF prints the acknowledgement', async ({ page }) => {
  test.setTimeout(300_000);
  await setUpClinic(page);
  const clinic = await prepareDoctor(page, 1);
  const patientName = clinic.patientNames[0]!;

  // The admin keeps the ingredient list: the demo clinic comes with common products.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Medications' }).click();
  const list = page.getByRole('form', { name: 'Ingredient list' });
  await expect(list.getByRole('listitem', { name: 'Medication 2' }).getByRole('textbox', { name: 'Medication 2', exact: true })).toHaveValue('Augmentin');
  await list.getByRole('button', { name: 'Add medication' }).click();
  const rows = list.getByRole('list', { name: 'Medications' }).getByRole('listitem');
  const added = rows.last();
  const addedIndex = await rows.count();
  // a product listed twice is refused next to its row, and nothing is saved
  await added.getByRole('textbox', { name: `Medication ${addedIndex}`, exact: true }).fill('AUGMENTIN');
  await added.getByLabel('Active ingredients, separated by commas').fill('Amoxicillin');
  await list.getByRole('button', { name: 'Save ingredient list' }).click();
  await expect(added.getByText('AUGMENTIN is listed twice')).toBeVisible();
  await added.getByRole('textbox', { name: `Medication ${addedIndex}`, exact: true }).fill('Magnapen');
  await added.getByLabel('Active ingredients, separated by commas').fill('Ampicillin, Flucloxacillin');
  await list.getByRole('button', { name: 'Save ingredient list' }).click();
  await expect(page.getByText(`Ingredient list saved: ${addedIndex} medications.`)).toBeVisible();
  await saveAtBothSizes(page, 'admin-medications');

  // The doctor hears of the allergy in the consultation and records it on the visit page.
  await signInAs(page, clinic.signInName, DOCTOR_PASSWORD);
  await expect(page.getByRole('heading', { name: 'My day', level: 2 })).toBeVisible();
  await goToDay(page, clinic.booked[0]!.date);
  await page.getByRole('button', { name: `Open the visit of ${patientName} at ${clinic.booked[0]!.time}` }).click();
  const allergies = page.getByRole('region', { name: 'Allergies' });
  await allergies.getByRole('button', { name: 'Record allergies' }).click();
  await allergies.getByLabel('Substance 1').fill('Flucloxacillin');
  await allergies.getByLabel('Reaction').fill('Rash');
  await allergies.getByRole('button', { name: 'Save allergies' }).click();
  await expect(allergies.getByRole('list', { name: 'Allergies' })).toContainText('Flucloxacillin');
  await expect(page.getByRole('region', { name: 'Patient' }).getByRole('list', { name: 'Allergies' })).toContainText('Flucloxacillin');
  await saveAtBothSizes(page, 'doctor-visit-allergies-recorded');

  // A product whose name does not name the substance: the ingredient list finds it.
  await page.getByRole('button', { name: 'Write prescription' }).click();
  const form = page.getByRole('form', { name: 'Prescription' });
  const first = form.getByRole('listitem', { name: 'Medication 1' });
  await first.getByLabel('Medication', { exact: true }).fill('Magnapen 500mg');
  await first.getByLabel('Dosage').fill('500mg');
  await first.getByLabel('Frequency').fill('4 times daily');
  await first.getByLabel('Duration').fill('5 days');
  await first.getByLabel('Quantity').fill('20');
  const warning = form.getByRole('alert', { name: 'Allergy warning' });
  await expect(warning).toContainText('Magnapen 500mg (contains Flucloxacillin) matches the patient’s recorded allergy to Flucloxacillin');
  const sign = form.getByRole('button', { name: 'Sign prescription' });
  await expect(sign).toBeDisabled();
  // the warning sits below the medication card: in view at each size before the picture
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await warning.scrollIntoViewIfNeeded();
    await saveScreen(page, `doctor-prescription-ingredient-warning-${width}x${height}`);
  }
  await warning.getByLabel('I have seen the allergy to Flucloxacillin and prescribe this anyway').check();
  await sign.click();
  const dialog = page.getByRole('dialog', { name: 'Sign the prescription' });
  await dialog.getByLabel('Your password').fill(DOCTOR_PASSWORD);
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('signature-status').first()).toHaveText('Signature verified');

  // The PDF names the recorded allergy and who prescribed through the warning, and when.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PDF' }).click()]);
  mkdirSync(SCREENS, { recursive: true });
  const pdfPath = join(SCREENS, 'prescription-allergy-acknowledged.pdf');
  await download.saveAs(pdfPath);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('ALLERGIES Flucloxacillin (Rash)');
  expect(text).toMatch(/Allergy to Flucloxacillin acknowledged by Dr\.? \S.* at .*\d{2}:\d{2} \(prescribed: Magnapen 500mg\)/);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(SCREENS, 'prescription-allergy-acknowledged-page1')]);
});
