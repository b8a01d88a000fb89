import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, saveScreen, test } from './support/fixtures';
import { REPO_ROOT } from './support/launch';
import { DEMO_ENV, DOCTOR_PASSWORD, goToDay, prepareDoctor, setUpClinic, signInAs } from './support/doctor-clinic';

test.use({ clinicEnv: DEMO_ENV });

const SCREENS = join(REPO_ROOT, 'test-results', 'screens');

test('writing and signing a prescription with two medications, booking its follow-up, exporting the PDF', async ({ page }) => {
  test.setTimeout(240_000);
  await setUpClinic(page);
  const clinic = await prepareDoctor(page, 1);
  await signInAs(page, clinic.signInName, DOCTOR_PASSWORD);
  await expect(page.getByRole('heading', { name: 'My day', level: 2 })).toBeVisible();
  await goToDay(page, clinic.booked[0]!.date);
  await page.getByRole('button', { name: `Open the visit of ${clinic.patientNames[0]} at ${clinic.booked[0]!.time}` }).click();
  await page.getByRole('button', { name: 'Write prescription' }).click();
  await expect(page.getByRole('heading', { name: 'New prescription' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Prescription' });
  // nothing filled in: the first medication's fields say what is missing, nothing is saved
  await form.getByRole('button', { name: 'Save draft' }).click();
  await expect(form.getByText('Medication name must not be empty')).toBeVisible();

  await form.getByRole('textbox', { name: 'Diagnosis' }).fill('Acute pharyngitis');
  const first = form.getByRole('listitem', { name: 'Medication 1' });
  await first.getByLabel('Medication', { exact: true }).fill('Amoxicillin');
  await first.getByLabel('Dosage').fill('500mg');
  await first.getByLabel('Frequency').fill('3 times daily');
  await first.getByLabel('Duration').fill('7 days');
  await first.getByLabel('Quantity').fill('21');
  await first.getByLabel('Instructions').fill('Take with food');
  await form.getByRole('button', { name: 'Add medication' }).click();
  const second = form.getByRole('listitem', { name: 'Medication 2' });
  await second.getByLabel('Medication', { exact: true }).fill('Ibuprofen');
  await second.getByLabel('Dosage').fill('400mg');
  await second.getByLabel('Frequency').fill('Every 6-8 hours as needed');
  await second.getByLabel('Duration').fill('5 days');
  await second.getByLabel('Quantity').fill('20');
  await second.getByLabel('Refills allowed').fill('1');
  await second.getByLabel('Instructions').fill('Take with food or milk');
  await form.getByRole('textbox', { name: 'Clinical notes' }).fill('Mild throat infection; antibiotics for a bacterial cause.');
  await form.getByLabel('Follow-up visit required').check();
  await form.getByLabel('In days').fill('7');
  await form.getByLabel('Pharmacy name').fill('Generated Corner Pharmacy');
  await form.getByLabel('Address', { exact: true }).fill('12 Example Lane');
  await form.getByLabel('Phone', { exact: true }).fill('+43-1-555-0123');
  await form.getByLabel('Fax').fill('+43-1-555-0124');
  await saveScreen(page, 'doctor-prescription-editor');

  // sign: no OS keychain in this mode, so the key is locked by the doctor's password
  await form.getByRole('button', { name: 'Sign prescription' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign the prescription' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Your password').fill('not my password at all');
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog.getByRole('alert')).toContainText('not right');
  await dialog.getByLabel('Your password').fill(DOCTOR_PASSWORD);
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Prescription · version 1' })).toBeVisible();
  await expect(page.getByTestId('signature-status').first()).toHaveText('Signature verified');
  await expect(page.getByText('Prescription signed')).toBeVisible();
  await saveScreen(page, 'doctor-prescription-signed');

  // the follow-up, booked in one step around visit date + 7 days
  await page.getByRole('button', { name: 'Find follow-up times' }).click();
  const times = page.getByRole('list', { name: 'Follow-up times' });
  await expect(times.getByRole('button').first()).toBeVisible();
  // A time the patient is not free for is refused with its reason; the doctor takes the next one.
  const booked = page.getByText('Follow-up booked');
  const refused = page.getByText('Not booked');
  for (let choice = 0; choice < 6 && !(await booked.isVisible()); choice += 1) {
    await times.getByRole('button').nth(choice).click();
    await expect(booked.or(refused)).toBeVisible();
    if (await refused.isVisible()) console.log(`follow-up time ${choice + 1} refused: ${await page.locator('.follow-up').innerText()}`);
  }
  await expect(booked).toBeVisible();
  await saveScreen(page, 'doctor-follow-up-booked');

  // the PDF: a download in this mode; its first page rendered for people to look at
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PDF' }).click()]);
  mkdirSync(SCREENS, { recursive: true });
  const pdfPath = join(SCREENS, 'doctor-prescription-e2e.pdf');
  await download.saveAs(pdfPath);
  expect(download.suggestedFilename()).toMatch(/^prescription-\d{4}-\d{2}-\d{2}-[0-9a-f]{24}\.pdf$/);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(SCREENS, 'doctor-prescription-e2e-page1')]);
  expect(statSync(join(SCREENS, 'doctor-prescription-e2e-page1.png')).size).toBeGreaterThan(10_000);

  // a change to the signed prescription becomes version 2; version 1 stays signed, superseded
  await form.getByRole('textbox', { name: 'Diagnosis' }).fill('Acute tonsillitis');
  await form.getByRole('button', { name: 'Save as new version' }).click();
  await expect(page.getByRole('heading', { name: 'Prescription · version 2' })).toBeVisible();
  await expect(page.getByText('Version 1 stays signed and is marked superseded.')).toBeVisible();
  await expect(page.getByTestId('signature-status').first()).toHaveText('Not signed');

  // back on the visit: both versions, the follow-up on the day
  await page.getByRole('button', { name: 'Back to the visit' }).click();
  const list = page.getByRole('list', { name: 'Prescriptions' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').filter({ hasText: 'Superseded' })).toContainText('Signature verified');
  await saveScreen(page, 'doctor-visit-with-prescriptions');
});
