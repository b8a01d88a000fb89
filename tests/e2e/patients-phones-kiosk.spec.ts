import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { call, setUpDemoClinic } from './support/reception-setup';
import { openSection } from './admin-support';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

// Generated people; fictional number ranges (Ofcom drama numbers, NANP 555-01xx).
const CHILD = { firstName: 'Tamsin', lastName: 'Okonkwo-Vale', dateOfBirth: '2018-04-21' };

async function openRegistration(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByRole('button', { name: 'Register patient' }).click();
  return page.getByRole('form', { name: 'Register a patient' });
}

async function fillPerson(form: ReturnType<Page['getByRole']>, person: { firstName: string; lastName: string; dateOfBirth: string }) {
  await form.getByLabel('First name').fill(person.firstName);
  await form.getByLabel('Last name').fill(person.lastName);
  await form.getByLabel('Date of birth').fill(person.dateOfBirth);
  await form.getByLabel('Gender').selectOption('Female');
}

const details = (page: Page) => page.getByRole('region', { name: 'Patient details' });

test('phones as people write them and a patient without email: refusals change nothing, the patient page and list read them formatted', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await setUpDemoClinic(page); // Europe/Vienna: the default phone country is guessed as Austria

  // A bad phone and a missing email are refused on their fields; nothing is registered.
  const form = await openRegistration(page);
  await fillPerson(form, CHILD);
  await expect(form.getByText('Without a country code: a number in Austria (+43).').first()).toBeVisible();
  await form.getByLabel('Phone', { exact: true }).fill('12');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(form.getByText('Start with the country code, like +43 664 1234567')).toBeVisible();
  await form.getByLabel('Phone', { exact: true }).fill('+44 7700 900 123');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(form.getByText('Email is required (or tick "No email")')).toBeVisible();
  expect(await call(page, 'patients.search', { query: CHILD.lastName, limit: 10, includeInactive: true })).toMatchObject({ patients: [], total: 0 });

  // No email, a UK mobile and an Austrian contact written nationally.
  await form.getByLabel('The patient has no email').check();
  await expect(form.getByText('No email: nothing is sent to this patient by mail.')).toBeVisible();
  await form.getByLabel('Contact name').fill('Generated Parent');
  await form.getByLabel('Contact phone').fill('0664 1234567');
  await saveScreen(page, 'patients-register-no-email-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  await saveScreen(page, 'patients-register-no-email-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { name: `${CHILD.firstName} ${CHILD.lastName}`, level: 2 })).toBeVisible();
  await expect(details(page)).toContainText('+44 7700 900123');
  await expect(details(page)).toContainText('No email');
  await expect(details(page)).toContainText('Generated Parent · 0664 1234567');
  const {
    patients: [child],
  } = await call(page, 'patients.search', { query: CHILD.lastName, limit: 10, includeInactive: true });
  expect(child).toMatchObject({ phone: '+447700900123' });
  expect(child!.email).toMatch(/@no-email\.invalid$/);
  await saveScreen(page, 'patients-page-no-email-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  await saveScreen(page, 'patients-page-no-email-1440');
  await page.setViewportSize({ width: 1280, height: 720 });

});

test('a US number reads internationally in an Austrian clinic, nationally once the admin makes the US the default phone country', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await setUpDemoClinic(page);
  // A US number with its punctuation, with an email: international form in an Austrian clinic.
  const form = await openRegistration(page);
  await fillPerson(form, { firstName: 'Juniper', lastName: 'Ashcombe', dateOfBirth: '1961-09-30' });
  await form.getByLabel('Phone', { exact: true }).fill('+1 (555) 010-0100');
  await form.getByLabel('Email', { exact: true }).fill('juniper.ashcombe@patients.example');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(page.getByRole('heading', { name: 'Juniper Ashcombe', level: 2 })).toBeVisible();
  await expect(details(page)).toContainText('+1 555 010 0100');
  await expect(details(page)).toContainText('juniper.ashcombe@patients.example');

  // The admin makes the United States the default phone country: US numbers read nationally now.
  await openSection(page, 'Settings');
  const country = page.getByRole('listitem', { name: 'Default phone country' });
  await expect(country.getByTestId('value-default_phone_country')).toHaveText("Guessed from the clinic's time zone");
  await country.getByRole('button', { name: 'Change Default phone country' }).click();
  await country.getByRole('combobox', { name: 'Default phone country' }).selectOption('US');
  await saveScreen(page, 'settings-phone-country-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  await saveScreen(page, 'settings-phone-country-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await country.getByRole('button', { name: 'Save' }).click();
  await expect(country.getByTestId('value-default_phone_country')).toHaveText('United States (US, +1)');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByLabel('Search patients').fill('Ashcombe');
  await expect(page.getByRole('table', { name: 'Patients found' })).toContainText('(555) 010-0100');

});

test('kiosk check-in by name, date of birth and the last four digits of the phone; wrong digits are refused and change nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await setUpDemoClinic(page);
  const child = await call(page, 'patients.register', {
    patient: { ...CHILD, gender: 'Female', phone: '+44 7700 900 123', noEmail: true },
    acknowledgeDuplicates: true,
  });
  // In the list the phone reads formatted, and the patient without email says so.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByLabel('Search patients').fill(CHILD.lastName);
  const found = page.getByRole('table', { name: 'Patients found' });
  await expect(found).toContainText('+44 7700 900123');
  await expect(found).toContainText('No email');
  await saveScreen(page, 'patients-list-no-email');

  // Today's visit for the child, then the kiosk.
  const [doctor] = await call(page, 'admin.doctors.list', { includeInactive: false });
  const [slot] = await call(page, 'slots.soonest', { doctorIds: [doctor!.id], count: 1, days: 1 });
  expect(slot, 'the demo doctor has a free slot today').toBeTruthy();
  await call(page, 'appointments.book', {
    patientId: child.id,
    doctorId: doctor!.id,
    date: slot!.date,
    time: slot!.time,
    durationMinutes: 30,
    idempotencyKey: `e2e-kiosk-birth-date-${child.id}`,
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Kiosk' }).click();
  await page.getByRole('button', { name: 'Start kiosk mode' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Start kiosk mode' }).click();
  const checkIn = page.getByRole('form', { name: 'Check in with your date of birth' });
  await expect(checkIn).toBeVisible();

  // Wrong digits: refused in the patient's words, the digits emptied, nobody signed in.
  await checkIn.getByLabel('First name').fill(CHILD.firstName);
  await checkIn.getByLabel('Last name').fill(CHILD.lastName);
  await checkIn.getByLabel('Date of birth').fill(CHILD.dateOfBirth);
  await checkIn.getByLabel('Last 4 digits of your phone').fill('12');
  await checkIn.getByRole('button', { name: 'Continue' }).click();
  await expect(checkIn.getByText('Enter the last four digits of your phone number')).toBeVisible();
  await checkIn.getByLabel('Last 4 digits of your phone').fill('9999');
  await checkIn.getByRole('button', { name: 'Continue' }).click();
  await expect(checkIn.getByRole('alert')).toContainText('We could not find you with these details');
  await expect(checkIn.getByLabel('Last 4 digits of your phone')).toHaveValue('');
  await saveScreen(page, 'kiosk-birth-date-refused-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  await saveScreen(page, 'kiosk-birth-date-refused-1440');
  await page.setViewportSize({ width: 1280, height: 720 });

  // The right digits: the patient's page, check-in; prescriptions need the password.
  await checkIn.getByLabel('Last 4 digits of your phone').fill('0123');
  await checkIn.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: `Hello, ${CHILD.firstName}` })).toBeVisible();
  await expect(page.getByText('To see your prescriptions here, sign in with your email and kiosk password.')).toBeVisible();
  await page.getByRole('button', { name: 'Check in' }).click();
  await expect(page.getByText('You are checked in.')).toBeVisible();
  await saveScreen(page, 'kiosk-birth-date-home-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  await saveScreen(page, 'kiosk-birth-date-home-1440');
  const prescriptions = await invokeInPage(page, 'kiosk.myPrescriptions', {});
  expect(prescriptions.ok ? 'ok' : prescriptions.error.code).toBe('FORBIDDEN');
});
