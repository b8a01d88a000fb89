import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './support/fixtures';
import { invokeInPage } from './support/invoke';
import { addDays, clinicToday, dragSelect, minutesOf, openCalendarOnDemoClinic } from './support/calendar-clinic';
import { formatDateEntry } from '../../shared/domain/date-entry';
import { DEFAULT_DISPLAY_LOCALE, formatDayLong } from '../../shared/domain/display-format';

test.use({ clinicEnv: { CLINIC_DEMO: 'small' } });

// A generated patient: the name is made up.
const PATIENT = { firstName: 'Maren', lastName: 'Testholm' };

/** Tomorrow, a free 45 minutes on one of the first three doctors, selected on the grid and opened in the booking dialog. */
async function openBookingOnFreeTime(page: Page) {
  const tomorrow = addDays(clinicToday(), 1);
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.locator('.day-toolbar__relative')).toHaveText('Tomorrow');
  const day = await invokeInPage(page, 'calendar.day', { date: tomorrow });
  if (!day.ok) throw new Error(day.error.message);
  // The first of the first three doctors with a free 45 minutes tomorrow.
  let chosen: { index: number; time: string; doctorName: string; doctorId: number } | null = null;
  for (let index = 0; index < 3 && !chosen; index++) {
    const doctor = day.data.doctors[index]!;
    const slots = await invokeInPage(page, 'slots.free', {
      doctorId: doctor.doctorId,
      fromDate: tomorrow,
      days: 1,
      durationMinutes: 45,
    });
    const time = slots.ok
      ? slots.data.find((s) => minutesOf(s.time) % 60 === 0 && minutesOf(s.time) >= 9 * 60)?.time
      : undefined;
    if (time) chosen = { index, time, doctorName: doctor.doctorName, doctorId: doctor.doctorId };
  }
  if (!chosen) throw new Error('no free 45 minutes tomorrow');
  const end = `${String(minutesOf(chosen.time) / 60 + 0).padStart(2, '0')}:45`;

  await dragSelect(page, chosen.index, chosen.time, end);
  const bar = page.getByRole('region', { name: 'Selected time' });
  await expect(bar).toContainText(`${chosen.time} – ${end}`);
  await expect(bar).toContainText('45 min');
  await expect(bar).toContainText(chosen.doctorName);
  await expect(page.getByTestId('calendar-selection')).toBeVisible();
  await saveScreen(page, 'calendar-booking-selection');

  await bar.getByRole('button', { name: 'Book this time…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
  await expect(dialog).toBeVisible();
  return { chosen, end, tomorrow, dialog };
}

test('booking from the calendar: select a free range on a doctor column, pick the patient, book', async ({ page }) => {
  await openCalendarOnDemoClinic(page);
  const registered = await invokeInPage(page, 'patients.register', {
    patient: {
      ...PATIENT,
      email: 'maren.testholm@patients.example',
      phone: '+1 555 0142 770',
      dateOfBirth: '1979-03-14',
      gender: 'Female',
    },
  });
  if (!registered.ok) throw new Error(registered.error.message);

  const { chosen, end, tomorrow, dialog } = await openBookingOnFreeTime(page);
  await expect(dialog.getByLabel('Time')).toHaveValue(chosen.time);
  // the date in the clinic's order (en-GB: day first), not ISO
  await expect(dialog.getByLabel('Date')).toHaveValue(formatDateEntry(tomorrow, DEFAULT_DISPLAY_LOCALE.locale));
  // The dialog shows the doctor of the column that was selected, not "Choose…".
  await expect(dialog.getByLabel('Doctor')).toHaveValue(String(chosen.doctorId));
  await expect(dialog.getByLabel('Doctor').locator('option:checked')).toContainText(chosen.doctorName);
  // A time typed the way the desk writes it ("10.00") is read as 10:00.
  await dialog.getByLabel('Time').fill(chosen.time.replace(':', '.').replace(/^0/, ''));
  // A search that finds more than it lists says how many, like the Patients section.
  const picker = dialog.getByRole('combobox', { name: 'Patient' });
  const count = dialog.getByTestId('patient-picker-count');
  const many = await invokeInPage(page, 'patients.search', { query: 'e', limit: 12, includeInactive: false });
  if (!many.ok) throw new Error(many.error.message);
  expect(many.data.total).toBeGreaterThan(12);
  await picker.fill('e');
  await expect(count).toHaveText(
    `12 of ${many.data.total}${many.data.totalIsAtLeast ? '+' : ''} — type more of the name to narrow the list`,
  );
  await expect(dialog.getByRole('status').filter({ hasText: `12 of ${many.data.total}` })).toHaveCount(1);
  await saveScreen(page, 'calendar-booking-patient-count');
  await picker.fill('Testholm');
  await expect(count).toHaveText('1 patient');
  await dialog.getByRole('option', { name: /Testholm, Maren/ }).click();
  await saveScreen(page, 'calendar-booking-dialog');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();

  const block = page.getByTestId('calendar-column').nth(chosen.index).locator('.appt', { hasText: 'Maren Testholm' });
  await expect(block).toBeVisible();
  await expect(block).toHaveAccessibleName(new RegExp(`^Maren Testholm, ${chosen.time} – ${end}`));
  await expect(page.getByRole('region', { name: 'Selected time' })).toHaveCount(0);
  await saveScreen(page, 'calendar-booked');
});

test('a new patient at the desk: registered inside the booking dialog, one set of buttons, booked on the selected time', async ({
  page,
}) => {
  await openCalendarOnDemoClinic(page);
  const { chosen, end, tomorrow, dialog } = await openBookingOnFreeTime(page);
  // Exactly what was selected: doctor, date, time and length.
  const summary = dialog.getByTestId('booking-summary');
  const lastName = chosen.doctorName.split(' ').at(-1)!;
  await expect(summary.locator('span')).toHaveText([
    new RegExp(`${lastName}$`),
    formatDayLong(tomorrow, DEFAULT_DISPLAY_LOCALE),
    `${chosen.time} – ${end}`,
    '45 min',
  ]);
  await expect(dialog.getByLabel('Length')).toHaveValue('45');

  await dialog.getByRole('combobox', { name: 'Patient' }).fill('Ilse Probewald');
  await dialog.getByRole('option', { name: /Register new patient/ }).click();
  const newPatient = dialog.getByRole('group', { name: 'New patient' });
  await expect(newPatient).toBeVisible();
  await expect(newPatient.getByLabel('First name')).toHaveValue('Ilse');
  await expect(newPatient.getByLabel('Last name')).toHaveValue('Probewald');
  // The booking stays in view while registering, and the dialog has one Cancel and one primary button.
  await expect(summary).toContainText(chosen.doctorName);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toHaveCount(1);
  await expect(dialog.locator('.button--primary')).toHaveCount(1);
  await expect(dialog.getByRole('button', { name: 'Register and book' })).toBeVisible();
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1440, height: 900 },
  ]) {
    await page.setViewportSize(size);
    await expect(dialog.getByRole('button', { name: 'Register and book' })).toBeInViewport();
    await saveScreen(page, `booking-register-inline-${size.width}`);
  }

  // Missing fields are named in place; nothing is booked or registered.
  await dialog.getByRole('button', { name: 'Register and book' }).click();
  await expect(newPatient.getByLabel('Phone', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toBeVisible();

  await newPatient.getByLabel('Date of birth').fill('1988-04-21');
  await newPatient.getByLabel('Gender').selectOption('Female');
  await newPatient.getByLabel('Phone', { exact: true }).fill('+43 1 555 0199');
  await newPatient.getByLabel('Email', { exact: true }).fill('ilse.probewald@patients.example');
  await dialog.getByRole('button', { name: 'Register and book' }).click();
  await expect(dialog).toBeHidden();

  const block = page.getByTestId('calendar-column').nth(chosen.index).locator('.appt', { hasText: 'Ilse Probewald' });
  await expect(block).toHaveAccessibleName(new RegExp(`^Ilse Probewald, ${chosen.time} – ${end}`));
});
