import { expect, saveScreen, test } from './support/fixtures';
import { call, clinicDate, generatedPatient, setUpDemoClinic } from './support/reception-setup';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

test('registering a patient: field refusals keep the values, a likely duplicate is shown and can be overridden knowingly', async ({
  page,
}) => {
  await setUpDemoClinic(page);
  const existing = await call(page, 'patients.register', {
    patient: generatedPatient('Marisol', 'Quennerby', { dateOfBirth: '1977-08-23', phone: '+1 555 0444 120' }),
    acknowledgeDuplicates: true,
  });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', level: 2 })).toBeVisible();
  await page.getByLabel('Search patients').fill('quenn');
  await expect(page.getByRole('table', { name: 'Patients found' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('button', { name: 'Register patient' }).click();

  const form = page.getByRole('form', { name: 'Register a patient' });
  await expect(form.getByLabel('Last name')).toHaveValue('quenn'); // what was typed in the search
  await form.getByLabel('First name').fill('Marisol');
  await form.getByLabel('Last name').fill('Quennerby');
  await form.getByLabel('Date of birth').fill('1977-08-23');
  await form.getByLabel('Gender').selectOption('Female');
  await form.getByLabel('Phone', { exact: true }).fill('not a phone');
  await form.getByLabel('Email', { exact: true }).fill(existing.email.toUpperCase());
  await form.getByLabel('Contact name').fill('Generated Contact');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(form.getByText('Use digits, spaces, brackets, dashes and a leading +')).toBeVisible();
  await expect(form.getByText("Give the emergency contact's phone too")).toBeVisible();

  // The phone fixed: main refuses the taken email on its field; everything typed stays.
  await form.getByLabel('Phone', { exact: true }).fill('+1 555 0444 990');
  await form.getByLabel('Contact phone').fill('+1 555 0101 010');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(form.getByText('Another patient already has this email')).toBeVisible();
  await expect(form.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('First name')).toHaveValue('Marisol');
  await saveScreen(page, 'reception-register-refused');

  // A new email: same name and birth date as an existing patient → the warning, nothing saved yet.
  await form.getByLabel('Email', { exact: true }).fill('marisol.q.second@patients.example');
  await form.getByRole('button', { name: 'Register patient' }).click();
  const warning = page.getByRole('alert', { name: 'Possible duplicate' });
  await expect(warning).toContainText('This may be a patient who is already registered');
  await expect(warning).toContainText('Marisol Quennerby');
  await expect(warning).toContainText('Matches on same name and date of birth');
  await expect(warning).toContainText(existing.email);
  await saveScreen(page, 'reception-register-duplicate-warning');
  const before = await call(page, 'patients.search', { query: 'Quennerby', limit: 10, includeInactive: true });
  expect(before.patients.map((p) => p.id)).toEqual([existing.id]);

  // Knowingly: registered, and the new patient's page opens.
  await warning.getByRole('button', { name: 'Register anyway' }).click();
  await expect(page.getByText('Marisol Quennerby is registered.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Marisol Quennerby', level: 2 })).toBeVisible();
  const after = await call(page, 'patients.search', { query: 'Quennerby', limit: 10, includeInactive: true });
  expect(after.patients).toHaveLength(2);
  expect(after.total).toBe(2);

  // The patient page: book from it (the booking dialog), then deactivate.
  await page.getByRole('button', { name: 'Book appointment' }).click();
  const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
  await dialog.getByLabel('Doctor').selectOption({ index: 1 });
  await dialog.getByLabel('Time').fill('03:00');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('Not booked');
  await expect(dialog.getByLabel('Time')).toHaveValue('03:00'); // kept after the refusal
  await saveScreen(page, 'reception-booking-refused');
  // A free slot of that doctor tomorrow (as another desk would see it): typed in, booked.
  const doctorId = Number(await dialog.getByLabel('Doctor').inputValue());
  const [free] = await call(page, 'slots.free', { doctorId, fromDate: clinicDate(1), days: 7 });
  expect(free, 'the demo doctor has a free slot this week').toBeTruthy();
  await dialog.getByLabel('Date').fill(free!.date);
  await dialog.getByLabel('Time').fill(free!.time);
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(page.getByText('The appointment was booked.')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Upcoming appointments' })).toContainText(free!.time);
  await saveScreen(page, 'reception-patient-page');
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /^Marisol Quennerby/, level: 2 })).toContainText('Inactive');
  await expect(page.getByRole('button', { name: 'Book appointment' })).toHaveCount(0);
  const active = await call(page, 'patients.search', { query: 'Quennerby', limit: 10, includeInactive: false });
  expect(active.patients.map((p) => p.id)).toEqual([existing.id]);
});

test('a search says how many it finds and "Show more" lists the rest', async ({ page }) => {
  await setUpDemoClinic(page);
  const registered = 14;
  for (let i = 0; i < registered; i++) {
    await call(page, 'patients.register', {
      patient: generatedPatient('Generated', `Thalvorsen${String.fromCharCode(97 + i)}`, { dateOfBirth: '1980-01-15' }),
      acknowledgeDuplicates: true,
    });
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
  await page.getByLabel('Search patients').fill('thalvor');
  const results = page.getByRole('region', { name: 'Search results' });
  const rows = page.getByRole('table', { name: 'Patients found' }).getByRole('row');
  await expect(rows).toHaveCount(12 + 1);
  await expect(results.getByText(`12 of ${registered}`)).toBeVisible();
  await saveScreen(page, 'patients-search-total-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await results.getByRole('button', { name: 'Show more' }).scrollIntoViewIfNeeded();
  await saveScreen(page, 'patients-search-total-1280');
  await results.getByRole('button', { name: 'Show more' }).click();
  await expect(rows).toHaveCount(registered + 1);
  await expect(results.getByText(`${registered} patients`)).toBeVisible();
  await expect(results.getByRole('button', { name: 'Show more' })).toHaveCount(0);
  // new words start again at one page
  await page.getByLabel('Search patients').fill('thalvorsen');
  await expect(results.getByText(`12 of ${registered}`)).toBeVisible();
});
