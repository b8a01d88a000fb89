import type { Page } from '@playwright/test';
import type { DoctorAccountView } from '../../../shared/ipc/doctor/types';
import type { AppointmentView, CalendarDay, SlotView } from '../../../shared/ipc/scheduling-types';
import { setUpClinic as setUpClinicOnce } from './clinic-setup';
import { expect } from './fixtures';
import { invokeInPage } from './invoke';
import { E2E_NOW } from './launch';

/**
 * A clinic for the doctor specs: the generated demo clinic (CLINIC_DEMO=small: doctors with
 * weekly hours, generated patients and visits), the first-run setup by a super admin, one
 * doctor given a sign-in password, and visits booked for that doctor the way the desk books them.
 */
export const DEMO_ENV = { CLINIC_DEMO: 'small' };
export const CLINIC = 'Linden Grove Test Clinic';
const ADMIN = { username: 'lgadmin', email: 'lg.admin@example.org', firstName: 'Robin', lastName: 'Examplar' };
const ADMIN_PASSWORD = 'silver kettle morning 17';
export const DOCTOR_PASSWORD = 'amber window harbour 42';

export interface DoctorClinic {
  doctorId: number;
  doctorName: string;
  signInName: string;
  booked: AppointmentView[];
  /** Names of the patients of `booked`, in the same order. */
  patientNames: string[];
}

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

export async function setUpClinic(page: Page): Promise<void> {
  await setUpClinicOnce(page, { clinicName: CLINIC, timezone: 'Europe/Vienna', admin: ADMIN, password: ADMIN_PASSWORD });
}

/** As the super admin: a doctor with hours soon, their password, and `visits` bookings of generated patients. */
export async function prepareDoctor(page: Page, visits: number): Promise<DoctorClinic> {
  const status = ok(await invokeInPage(page, 'app.status', {}), 'status');
  const zone = status.timezone ?? 'Europe/Vienna';
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(E2E_NOW));
  const day = ok(await invokeInPage(page, 'calendar.day', { date: today }), 'calendar day') as CalendarDay;
  const candidates = day.doctors.map((d) => d.doctorId);
  // the doctor with the soonest free time
  const soonest = ok(await invokeInPage(page, 'slots.soonest', { doctorIds: candidates, count: 1, days: 14 }), 'soonest') as SlotView[];
  const doctorId = soonest[0]!.doctorId;
  const account = ok(await invokeInPage(page, 'doctor.account.setPassword', { doctorId, newPassword: DOCTOR_PASSWORD }), 'doctor password') as DoctorAccountView;
  const slots = ok(await invokeInPage(page, 'slots.soonest', { doctorIds: [doctorId], count: visits * 4, days: 14 }), 'slots') as SlotView[];
  const booked: AppointmentView[] = [];
  let patientId = 1900;
  for (const slot of slots.filter((s) => s.date === slots[0]!.date)) {
    if (booked.length === visits) break;
    for (let tries = 0; tries < 20; tries += 1) {
      patientId += 1;
      const result = await invokeInPage(page, 'appointments.book', {
        doctorId,
        patientId,
        date: slot.date,
        time: slot.time,
        appointmentType: 'Consultation',
        patientNotes: 'Sore throat and mild fever for three days',
        idempotencyKey: `e2e-doctor-${patientId}-${slot.time.replace(':', '')}`,
      });
      if (result.ok) {
        booked.push(result.data);
        break;
      }
      // the slots overlap one another (15-minute grid, 30-minute visits): on to the next one
      if (result.error.code === 'SLOT_TAKEN') break;
      if (result.error.code !== 'PATIENT_BUSY') throw new Error(`booking: ${result.error.code} ${result.error.message}`);
    }
  }
  const bookedDay = ok(await invokeInPage(page, 'calendar.day', { date: booked[0]!.date, doctorIds: [doctorId] }), 'day') as CalendarDay;
  const names = booked.map((b) => {
    const row = bookedDay.doctors[0]!.appointments.find((a) => a.id === b.id)!;
    return `${row.patientFirstName} ${row.patientLastName}`;
  });
  return { doctorId, doctorName: soonest[0]!.doctorName, signInName: account.signInName, booked, patientNames: names };
}

export async function signInAs(page: Page, identifier: string, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByLabel('User name or email').fill(identifier);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Moves "My day" to a date with the day buttons. */
export async function goToDay(page: Page, date: string): Promise<void> {
  const header = page.locator('#day-list-title');
  const wanted = new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  for (let step = 0; step < 14; step += 1) {
    const shown = (await header.textContent()) ?? '';
    if (shown.includes(wanted)) return;
    await page.getByRole('button', { name: 'Next day' }).click();
    // The next click only once this one has turned the day.
    await expect(header).not.toHaveText(shown);
  }
  throw new Error(`could not reach ${date} in My day`);
}
