/**
 * The benchmark's baselines: the same work as the app's scheduling services, written straight
 * against the driver (hand-written SQL, positional parameters, rows as the driver returns them).
 * Deliberately independent of the app's data layer; the pure scheduling rules are shared, since
 * they are not what is measured.
 */
import {
  addDays,
  checkBooking,
  earliestStart,
  firstSearchWindowEnd,
  freeIntervals,
  horizonDate,
  instantToWall,
  LIVE_STATUSES,
  slotsOnDate,
  type BusyAppointment,
  type DoctorSchedule,
  type SchedulingRules,
} from '../../shared/domain/scheduling';
import { settingsFromRows, type ClinicSettings } from '../../shared/domain/settings-registry';
import type { Param, RawDriver, RawRow, RawSession } from './raw-driver';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export async function rawSettings(session: RawSession): Promise<ClinicSettings> {
  const rows = await session.select('SELECT setting_key, setting_value FROM clinic_settings');
  return settingsFromRows(rows.map((r) => ({ settingKey: String(r.setting_key), settingValue: String(r.setting_value) })));
}

export const rulesOf = (s: ClinicSettings): SchedulingRules => ({
  timezone: s.timezone,
  slotStepMinutes: s.slotStepMinutes,
  minimumNoticeMinutes: s.minimumNoticeMinutes,
  bookingHorizonDays: s.bookingHorizonDays,
  bufferMinutes: s.bufferMinutes,
  openingHours: s.openingHours,
});

/**
 * Doctors, weekly hours, blocks and (optionally) live appointments of some doctors over dates,
 * and (optionally) one patient's live appointments: one statement.
 */
function scheduleStatement(doctorIds: readonly number[], from: string, to: string, withAppointments: boolean, patientId?: number): { sql: string; params: Param[] } {
  const chosen = `SELECT d.id FROM doctors d WHERE d.is_active = 1 AND d.id IN (${marks(doctorIds.length)})`;
  const parts = [
    `SELECT 'd' AS kind, d.id AS doctor_id, d.buffer_minutes AS num1, NULL AS day, NULL AS t1, NULL AS t2, NULL AS num2, d.first_name AS txt1, d.last_name AS txt2, d.specialization AS txt3
       FROM doctors d WHERE d.is_active = 1 AND d.id IN (${marks(doctorIds.length)})`,
    `SELECT 'a', a.doctor_id, a.day_of_week, NULL, a.start_time, a.end_time, a.is_available, NULL, NULL, NULL
       FROM doctor_availability a WHERE a.doctor_id IN (${chosen})`,
    `SELECT 'u', u.doctor_id, NULL, u.unavailable_date, u.start_time, u.end_time, NULL, u.reason, NULL, NULL
       FROM doctor_unavailable_dates u WHERE u.doctor_id IN (${chosen}) AND u.unavailable_date BETWEEN ? AND ?`,
  ];
  const params: Param[] = [...doctorIds, ...doctorIds, ...doctorIds, from, to];
  if (withAppointments) {
    parts.push(`SELECT 'p', p.doctor_id, p.id, p.appointment_date, p.appointment_time, NULL, p.duration_minutes, NULL, NULL, NULL
       FROM appointments p WHERE p.doctor_id IN (${chosen}) AND p.appointment_date BETWEEN ? AND ? AND p.status IN (${marks(LIVE_STATUSES.length)})`);
    params.push(...doctorIds, from, to, ...LIVE_STATUSES);
  }
  if (patientId !== undefined) {
    parts.push(`SELECT 'q', p.doctor_id, p.id, p.appointment_date, p.appointment_time, NULL, p.duration_minutes, NULL, NULL, NULL
       FROM appointments p WHERE p.patient_id = ? AND p.appointment_date BETWEEN ? AND ? AND p.status IN (${marks(LIVE_STATUSES.length)})`);
    params.push(patientId, from, to, ...LIVE_STATUSES);
  }
  return { sql: parts.join('\nUNION ALL\n'), params };
}

interface RawDoctor {
  id: number;
  firstName: string;
  lastName: string;
}

function assemble(rows: RawRow[]): { doctors: RawDoctor[]; schedules: Map<number, DoctorSchedule>; patient: BusyAppointment[] } {
  const doctors: RawDoctor[] = [];
  const patient: BusyAppointment[] = [];
  const schedules = new Map<number, { weekly: DoctorSchedule['weekly'][number][]; blocks: DoctorSchedule['blocks'][number][]; appointments: DoctorSchedule['appointments'][number][]; bufferMinutes: number | null }>();
  for (const row of rows) {
    if (row.kind === 'q') {
      patient.push({ id: Number(row.num1), date: String(row.day), time: String(row.t1), durationMinutes: Number(row.num2) });
      continue;
    }
    const id = Number(row.doctor_id);
    let s = schedules.get(id);
    if (!s) schedules.set(id, (s = { weekly: [], blocks: [], appointments: [], bufferMinutes: null }));
    if (row.kind === 'd') {
      s.bufferMinutes = row.num1 === null ? null : Number(row.num1);
      doctors.push({ id, firstName: String(row.txt1), lastName: String(row.txt2) });
    } else if (row.kind === 'a') {
      s.weekly.push({ dayOfWeek: Number(row.num1), startTime: String(row.t1), endTime: String(row.t2), isAvailable: Boolean(Number(row.num2)) });
    } else if (row.kind === 'u') {
      s.blocks.push({ date: String(row.day), startTime: row.t1 === null ? null : String(row.t1), endTime: row.t2 === null ? null : String(row.t2) });
    } else {
      s.appointments.push({ id: Number(row.num1), date: String(row.day), time: String(row.t1), durationMinutes: Number(row.num2) });
    }
  }
  doctors.sort((a, b) => a.id - b.id);
  return { doctors, schedules: schedules as Map<number, DoctorSchedule>, patient };
}

export interface BookingRequestRow {
  doctorId: number;
  patientId: number;
  date: string;
  time: string;
  durationMinutes: number;
  idempotencyKey: string;
}

/**
 * The booking transaction by hand, statement for statement what the service sends: settings;
 * lock the doctor row (MariaDB); lock the patient row and look up the idempotency key; the doctor's
 * schedule around the day with the patient's live appointments; the rules; two INSERTs; COMMIT.
 */
export async function rawBook(driver: RawDriver, request: BookingRequestRow, now: number): Promise<number> {
  const rules = rulesOf(await rawSettings(driver));
  const forUpdate = driver.dialect === 'mysql' ? ' FOR UPDATE' : '';
  return driver.transaction(async (session) => {
    // as the service: on SQLite the IMMEDIATE transaction is the lock, the schedule query the doctor check
    const [doctor] = driver.dialect === 'mysql' ? await session.select(`SELECT id, is_active FROM doctors WHERE id = ?${forUpdate}`, [request.doctorId]) : [{ is_active: 1 }];
    const [patient] = await session.select(
      `SELECT p.id, p.is_active, (SELECT b.appointment_id FROM booking_requests b WHERE b.idempotency_key = ?) AS earlier_appointment_id
         FROM patients p WHERE p.id = ?${forUpdate}`,
      [request.idempotencyKey, request.patientId],
    );
    if (!doctor || !patient || !Number(doctor.is_active) || !Number(patient.is_active)) throw new Error('NOT_FOUND');
    if (patient.earlier_appointment_id !== null) return Number(patient.earlier_appointment_id);
    const statement = scheduleStatement([request.doctorId], addDays(request.date, -1), addDays(request.date, 1), true, request.patientId);
    const loaded = assemble(await session.select(statement.sql, statement.params));
    const schedule = loaded.schedules.get(request.doctorId);
    if (!schedule) throw new Error('NOT_FOUND');
    const check = checkBooking(request, schedule, loaded.patient, rules, now);
    if (!check.ok) throw new Error(check.code);
    const stamp = driver.dialect === 'mysql' ? new Date().toISOString().slice(0, 19).replace('T', ' ') : `${new Date().toISOString().slice(0, 23).replace('T', ' ')} +00:00`;
    const { insertId } = await session.run(
      `INSERT INTO appointments (patient_id, doctor_id, appointment_date, appointment_time, duration_minutes, status, appointment_type, patient_notes, created_at, updated_at, late_cancellation)
       VALUES (?, ?, ?, ?, ?, 'Scheduled', 'Consultation', NULL, ?, ?, 0)`,
      [request.patientId, request.doctorId, request.date, `${request.time}:00`, request.durationMinutes, stamp, stamp],
    );
    await session.run('INSERT INTO booking_requests (idempotency_key, appointment_id, created_at) VALUES (?, ?, ?)', [request.idempotencyKey, insertId, stamp]);
    return insertId;
  });
}

/** The day view's statements: settings, hours and blocks, and the appointments joined to their patients. */
export async function rawCalendarDay(driver: RawDriver, date: string, doctorIds: readonly number[]): Promise<number> {
  const schedule = scheduleStatement(doctorIds, date, date, false);
  const [settings, scheduleRows, appointments] = await driver.parallel((session) => [
    session.select('SELECT setting_key, setting_value FROM clinic_settings'),
    session.select(schedule.sql, schedule.params),
    session.select(
      `SELECT a.id, a.doctor_id, a.patient_id, a.appointment_time, a.duration_minutes, a.status, a.appointment_type, a.series_id,
              p.first_name, p.last_name, p.phone
         FROM appointments a JOIN patients p ON p.id = a.patient_id
        WHERE a.appointment_date = ? AND a.doctor_id IN (SELECT d.id FROM doctors d WHERE d.is_active = 1 AND d.id IN (${marks(doctorIds.length)}))
        ORDER BY a.doctor_id, a.appointment_time, a.id`,
      [date, ...doctorIds],
    ),
  ]);
  return (settings?.length ?? 0) + (scheduleRows?.length ?? 0) + (appointments?.length ?? 0);
}

/**
 * The soonest-slot search by hand: settings, the schedules of the same windows of dates as the
 * service (the first two dates the clinic opens, then the rest of the days searched when those
 * did not hold enough), the same slot rules.
 */
export async function rawSoonest(driver: RawDriver, doctorIds: readonly number[], fromDate: string, count: number, durationMinutes: number, now: number, days = 30): Promise<number> {
  const rules = rulesOf(await rawSettings(driver));
  const today = instantToWall(now, rules.timezone).date;
  const start = fromDate > today ? fromDate : today;
  const lastDate = [addDays(start, days - 1), horizonDate(rules, now)].sort()[0] as string;
  const notBefore = earliestStart(rules, now);
  const found: { startsAt: number; doctorId: number }[] = [];
  let windowStart = start;
  let windowEnd = firstSearchWindowEnd(start, lastDate, rules);
  while (windowStart <= lastDate && found.length < count) {
    const statement = scheduleStatement(doctorIds, addDays(windowStart, -1), windowEnd, true);
    const { doctors, schedules } = assemble(await driver.select(statement.sql, statement.params));
    for (let date = windowStart; date <= windowEnd && found.length < count; date = addDays(date, 1)) {
      const day: { startsAt: number; doctorId: number }[] = [];
      for (const doctor of doctors) {
        const schedule = schedules.get(doctor.id);
        if (!schedule) continue;
        for (const slot of slotsOnDate(date, freeIntervals(date, schedule, rules), durationMinutes, rules, notBefore)) day.push({ startsAt: slot.startsAt, doctorId: doctor.id });
      }
      day.sort((a, b) => a.startsAt - b.startsAt || a.doctorId - b.doctorId);
      found.push(...day.slice(0, count - found.length));
    }
    windowStart = addDays(windowEnd, 1);
    windowEnd = lastDate;
  }
  return found.length;
}
