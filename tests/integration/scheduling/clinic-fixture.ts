import { SETTINGS } from '../../../shared/domain/settings-registry';
import { startOfDay } from '../../../shared/domain/scheduling';
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { doctorValues, patientValues } from '../sql/fixtures';
import { clockRunningFrom } from '../../support/running-clock';

export const ZONE = 'Europe/Berlin';
/** Monday 2026-12-07, 07:00 in Berlin: "now" for these tests. */
export const MONDAY = '2026-12-07';
export const NOW = startOfDay(MONDAY, ZONE) + 7 * 60;
export const fixedClock = (at = NOW) => () => at;
/** NOW for a started workstation (`nowMs` of its options): from there it runs on in real time. */
export const workstationClock = () => clockRunningFrom(NOW * 60_000);
/** The day after MONDAY: a working day of the fixture clinic, bookable from NOW. */
export const TUESDAY = '2026-12-08';

const ALL_WEEK = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [['07:00', '20:00']]]));

/** A small clinic: settings, doctors working every day 08:00–12:00 and 13:00–18:00, patients. */
export async function seedClinic(sql: SqlStore, options: { doctors?: number; patients?: number; specialization?: string[] } = {}) {
  const settings: [keyof typeof SETTINGS, unknown][] = [
    ['timezone', ZONE],
    ['slotStepMinutes', 15],
    ['defaultDurationMinutes', 30],
    ['lateCancellationHours', 24],
    ['openingHours', ALL_WEEK],
  ];
  for (const [name, value] of settings) {
    const def = SETTINGS[name] as { key: string; serialize(v: unknown): string; description: string };
    await sql.models.ClinicSetting.create({ settingKey: def.key, settingValue: def.serialize(value), description: def.description });
  }
  const doctors = [];
  for (let i = 0; i < (options.doctors ?? 2); i++) {
    const doctor = await sql.models.Doctor.create(doctorValues({ specialization: options.specialization?.[i] ?? 'General Practice' }));
    for (let day = 0; day < 7; day++) {
      await sql.models.DoctorAvailability.bulkCreate([
        { doctorId: doctor.id, dayOfWeek: day, startTime: '08:00', endTime: '12:00' },
        { doctorId: doctor.id, dayOfWeek: day, startTime: '13:00', endTime: '18:00' },
      ]);
    }
    doctors.push(doctor);
  }
  const patients = [];
  for (let i = 0; i < (options.patients ?? 3); i++) patients.push(await sql.models.Patient.create(patientValues()));
  return { doctors, patients };
}
