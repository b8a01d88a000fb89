import type { Page } from '@playwright/test';
import { ZONE } from './calendar-clinic';
import { call } from './reception-setup';

// A generated doctor and staff: no real names.
const DOCTOR = {
  firstName: 'Tamsin',
  lastName: 'Fieldmark',
  email: 'tamsin.fieldmark@example.org',
  phone: '+43 1 555 0177',
  specialization: 'General Practice',
  licenseNumber: 'FLOW-TEST-1',
  yearsExperience: 7,
  consultationFee: null,
  bio: null,
  password: 'meadow pencil harbour 44',
};

/** A clinic open around the clock with one doctor who works every hour: free time whenever the test runs. */
export async function openAllDayClinic(page: Page): Promise<number> {
  await page.getByRole('heading', { name: 'Set up your clinic' }).waitFor({ timeout: 60_000 });
  await call(page, 'setup.complete', {
    clinicName: 'Birkenhof Test Clinic',
    timezone: ZONE,
    admin: {
      username: 'flow.lead',
      email: 'flow.lead@example.org',
      firstName: 'Sasha',
      lastName: 'Samplewood',
      password: 'quiet river atlas 73',
    },
  });
  const allDay = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((day) => [day, [['00:00', '24:00']]]));
  await call(page, 'admin.settings.save', { name: 'openingHours', value: allDay, version: null });
  const doctor = await call(page, 'admin.doctors.create', DOCTOR);
  await call(page, 'admin.schedule.saveWeekly', {
    doctorId: doctor.id,
    weekly: [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
      dayOfWeek,
      startTime: '00:00',
      endTime: '24:00',
      isAvailable: true,
    })),
    resolution: { conflicts: 'refuse' },
  });
  return doctor.id;
}
