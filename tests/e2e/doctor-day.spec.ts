import { expect, saveScreen, test } from './support/fixtures';
import { DEMO_ENV, DOCTOR_PASSWORD, goToDay, prepareDoctor, setUpClinic, signInAs } from './support/doctor-clinic';
import { invokeInPage } from './support/invoke';

test.use({ clinicEnv: DEMO_ENV });

test("a doctor's day: own visits, the week, the next patient, the visit page; another doctor's patient is refused", async ({ page }) => {
  test.setTimeout(180_000);
  await setUpClinic(page);
  const clinic = await prepareDoctor(page, 2);

  await signInAs(page, clinic.signInName, DOCTOR_PASSWORD);
  // a doctor lands on their own day
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'My day' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: 'My day', level: 2 })).toBeVisible();
  await expect(page.getByText(clinic.doctorName).first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'This week' }).getByRole('button')).toHaveCount(7);
  await expect(page.getByRole('region', { name: 'Next patient' })).toBeVisible();

  await goToDay(page, clinic.booked[0]!.date);
  const visits = page.getByRole('table', { name: 'Visits of the day' });
  for (const [index, visit] of clinic.booked.entries()) {
    await expect(visits.getByRole('row').filter({ hasText: clinic.patientNames[index]! }).filter({ hasText: visit.time })).toBeVisible();
  }
  await saveScreen(page, 'doctor-my-day');

  // the visit page
  await visits.getByRole('button', { name: `Open the visit of ${clinic.patientNames[0]} at ${clinic.booked[0]!.time}` }).click();
  await expect(page.getByRole('heading', { name: clinic.patientNames[0]!, level: 2 })).toBeVisible();
  await expect(page.getByText('Reason: “Sore throat and mild fever for three days”')).toBeVisible();
  await expect(page.getByRole('region', { name: /Past visits/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Prescriptions/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Feedback about you/ })).toBeVisible();
  // not started yet: the outcome buttons wait for the start time
  await expect(page.getByRole('button', { name: 'Complete visit' })).toBeDisabled();
  await saveScreen(page, 'doctor-visit-page');

  // another doctor's appointment (a generated one) is refused by main, and the attempt is on record
  const status = await invokeInPage(page, 'calendar.day', { date: clinic.booked[0]!.date });
  if (!status.ok) throw new Error(status.error.message);
  const foreign = status.data.doctors.find((d) => d.doctorId !== clinic.doctorId && d.appointments.length > 0)!.appointments[0]!;
  const refused = await invokeInPage(page, 'doctor.appointment', { appointmentId: foreign.id });
  expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');

  // My hours: switching off the hours of the booked visit's weekday lists that visit before saving
  await nav.getByRole('link', { name: 'My hours' }).click();
  await expect(page.getByRole('heading', { name: 'My hours', level: 2 })).toBeVisible();
  const weekday = new Date(`${clinic.booked[0]!.date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  const dayRow = page.getByRole('group', { name: weekday });
  // the hours load after the heading shows: wait for them before taking them away
  await expect(dayRow.getByRole('button', { name: /^Remove / }).first()).toBeVisible();
  while ((await dayRow.getByRole('button', { name: /^Remove / }).count()) > 0) await dayRow.getByRole('button', { name: /^Remove / }).first().click();
  await page.getByRole('button', { name: 'Save weekly hours' }).click();
  const conflicts = page.getByRole('dialog');
  await expect(conflicts.getByRole('list', { name: 'Affected visits' })).toContainText(clinic.patientNames[0]!);
  await saveScreen(page, 'doctor-my-hours-conflicts');
  await conflicts.getByRole('button', { name: 'Back' }).click();
});
