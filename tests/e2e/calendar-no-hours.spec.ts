import { expect, saveScreen, test } from './support/fixtures';
import { openAllDayClinic } from './support/all-day-clinic';
import { call } from './support/reception-setup';

// A generated doctor: the name is made up.
const NEW_DOCTOR = {
  firstName: 'Ottilie',
  lastName: 'Hourless',
  email: 'ottilie.hourless@example.org',
  phone: '+43 1 555 0188',
  specialization: 'Dermatology',
  licenseNumber: 'HOURS-TEST-1',
  yearsExperience: 3,
  consultationFee: null,
  bio: null,
  password: 'lantern orchard pebble 29',
};

test('a doctor without hours is no dead end: the column says so and an admin goes straight to setting them', async ({ page }) => {
  await openAllDayClinic(page);
  const doctor = await call(page, 'admin.doctors.create', NEW_DOCTOR);
  await page.reload();
  const heads = page.getByTestId('column-head');
  const hourless = heads.filter({ hasText: 'Hourless' });
  const working = heads.filter({ hasText: 'Fieldmark' });
  await expect(hourless.getByRole('button', { name: /^Set hours/ })).toBeVisible();
  // A doctor with hours keeps the count, no action.
  await expect(working.getByRole('button')).toHaveCount(0);
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await saveScreen(page, `calendar-no-hours-${size.width}`);
  }

  await hourless.getByRole('button', { name: /^Set hours/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Hourless/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Weekly hours' })).toBeVisible();
  expect(doctor.id).toBeGreaterThan(0);
});
