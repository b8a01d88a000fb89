import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryTypes } from 'sequelize';
import { startWorkstation } from '../../../electron/main/compose';
import { calendarDay } from '../../../electron/main/services/scheduling/calendar-day';
import { DEMO_SIZES, seedDemoClinic } from '../../../electron/main/data/generator/demo-clinic';
import { verifyPassword } from '../../../electron/main/security/password';
import { addDays } from '../../../shared/domain/scheduling';
import { SETTINGS } from '../../../shared/domain/settings-registry';
import type { AppStatus } from '../../../shared/ipc/types';
import { createTempDir } from '../../support/services';
import { openTestStore, SQL_TARGETS } from '../sql/stores';

const sqlite = SQL_TARGETS.find((t) => t.dialect === 'sqlite')!;
const TODAY = '2026-12-07';

describe('the demo clinic on a SQLite file', () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;

  beforeAll(async () => {
    store = await openTestStore(sqlite);
  });
  afterAll(async () => store?.dispose());

  it('fills an empty store with doctors, patients and three months of appointments', { timeout: 120_000 }, async () => {
    const result = await seedDemoClinic(store, 'small', TODAY);
    expect(result).toMatchObject({ seeded: true, doctors: DEMO_SIZES.small.doctors, patients: DEMO_SIZES.small.patients });
    expect(result.appointments).toBeGreaterThan(3_000);
    expect(await store.models.Appointment.count()).toBe(result.appointments);

    const [span] = await store.sequelize.query<{ first: string; last: string }>(
      'SELECT MIN(appointment_date) AS first, MAX(appointment_date) AS last FROM appointments',
      { type: QueryTypes.SELECT },
    );
    expect(span!.first >= addDays(TODAY, -DEMO_SIZES.small.pastDays)).toBe(true);
    expect(span!.last <= addDays(TODAY, DEMO_SIZES.small.futureDays)).toBe(true);
    expect(await store.models.Appointment.count({ where: { status: 'Completed' } })).toBeGreaterThan(0);
    expect(await store.models.Appointment.count({ where: { status: 'Scheduled' } })).toBeGreaterThan(0);

    // a few entries of the ingredient list, so the allergy warning's ingredient check can be tried
    const ingredients = await store.models.ClinicSetting.findOne({ where: { settingKey: 'medication_ingredients' } });
    const list = SETTINGS.medicationIngredients.parse(ingredients!.settingValue);
    expect(list.find((entry) => entry.medication === 'Augmentin')?.ingredients).toEqual(['Amoxicillin', 'Clavulanic acid']);

    // the rows are what the app reads: the day view of the whole clinic
    const day = await calendarDay(store, { date: addDays(TODAY, 1) });
    expect(day.doctors).toHaveLength(DEMO_SIZES.small.doctors);
    expect(day.doctors.some((d) => d.appointments.length > 0)).toBe(true);
  });

  it('gives generated accounts no password that signs in', async () => {
    const doctor = await store.models.Doctor.findOne();
    expect(await verifyPassword('', doctor!.passwordHash)).toBe(false);
  });

  it('leaves a store that already holds a clinic untouched', async () => {
    const before = await store.models.Appointment.count();
    expect((await seedDemoClinic(store, 'small', TODAY)).seeded).toBe(false);
    expect(await store.models.Appointment.count()).toBe(before);
  });
});

describe('CLINIC_DEMO at first start', () => {
  it('seeds a fresh standalone store once, and still asks for the first-run setup', { timeout: 120_000 }, async () => {
    const dir = createTempDir();
    try {
      const first = await startWorkstation({ dataDir: dir.path, env: { CLINIC_DEMO: 'small' }, secretBox: null, appVersion: '0.0.0-test' });
      const doctors = await first.runtime.stores().sql.models.Doctor.count();
      const appointments = await first.runtime.stores().sql.models.Appointment.count();
      const status = await first.dispatch('app.status', {});
      expect(status.ok && (status.data as AppStatus).setupRequired).toBe(true);
      await first.runtime.close();
      expect(doctors).toBe(DEMO_SIZES.small.doctors);

      const again = await startWorkstation({ dataDir: dir.path, env: { CLINIC_DEMO: 'medium' }, secretBox: null, appVersion: '0.0.0-test' });
      expect(await again.runtime.stores().sql.models.Appointment.count()).toBe(appointments);
      await again.runtime.close();
    } finally {
      dir.remove();
    }
  });
});
