import { QueryTypes } from 'sequelize';
import { addDays, checkTransition, datesBetween, instantToWall, mondayOf, wallToInstantLenient, parseTime } from '../../../../shared/domain/scheduling';
import type { AppointmentStatus } from '../../../../shared/domain/scheduling/lifecycle';
import type { DoctorAppointmentRow, DoctorDayView } from '../../../../shared/ipc/doctor/types';
import { AppFailure } from '../../../../shared/ipc/result';
import type { AppointmentType } from '../../../../shared/ipc/scheduling-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';
import { doctorDisplayName } from '../scheduling/slot-view';
import { doctorIdOf } from './own-records';

interface Row {
  appointment_id: number;
  patient_id: number;
  first_name: string;
  last_name: string;
  appointment_date: string;
  appointment_time: string;
  duration_minutes: number;
  status: AppointmentStatus;
  appointment_type: AppointmentType;
  patient_notes: string | null;
  checked_in_at: unknown;
}

const SELECT = `SELECT a.id AS appointment_id, a.patient_id, p.first_name, p.last_name, a.appointment_date, a.appointment_time,
  a.duration_minutes, a.status, a.appointment_type, a.patient_notes, a.checked_in_at
  FROM appointments a JOIN patients p ON p.id = a.patient_id`;

/** Both drivers hand DATE columns back as text here (QueryTypes.SELECT, dateStrings on MySQL): keep the first 10 characters either way. */
const dateText = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

export function toRow(r: Row): DoctorAppointmentRow {
  return {
    appointmentId: Number(r.appointment_id),
    patientId: Number(r.patient_id),
    patientName: `${r.first_name} ${r.last_name}`,
    date: dateText(r.appointment_date),
    time: String(r.appointment_time).slice(0, 5),
    durationMinutes: Number(r.duration_minutes),
    status: r.status,
    appointmentType: r.appointment_type,
    reason: r.patient_notes ?? null,
    checkedIn: r.checked_in_at !== null && r.checked_in_at !== undefined,
  };
}

export async function appointmentRows(sql: SqlStore, where: string, replacements: Record<string, unknown>, tail = ''): Promise<DoctorAppointmentRow[]> {
  const rows = await sql.sequelize.query<Row>(`${SELECT} WHERE ${where} ORDER BY a.appointment_date, a.appointment_time, a.id ${tail}`, {
    replacements,
    type: QueryTypes.SELECT,
  });
  return rows.map(toRow);
}

/** The signed-in doctor's own day, the week around it, and who is next. */
export async function myDay(sql: SqlStore, user: SessionUser, input: { date: string }, clock: EpochMinuteClock): Promise<DoctorDayView> {
  const doctorId = doctorIdOf(user);
  const doctor = await sql.models.Doctor.findByPk(doctorId);
  if (!doctor) throw new AppFailure('NOT_FOUND', 'Your doctor record no longer exists.');
  const settings = await loadClinicSettings(sql.models);
  const now = clock();
  const today = instantToWall(now, settings.timezone).date;
  const monday = mondayOf(input.date);
  const sunday = addDays(monday, 6);
  const weekRows = await appointmentRows(sql, 'a.doctor_id = :doctorId AND a.appointment_date BETWEEN :from AND :to', { doctorId, from: monday, to: sunday });
  const upcoming = await appointmentRows(
    sql,
    "a.doctor_id = :doctorId AND a.appointment_date >= :today AND a.status IN ('Scheduled', 'Confirmed')",
    { doctorId, today },
    'LIMIT 50',
  );
  const nextPatient =
    upcoming.find((row) => wallToInstantLenient(row.date, parseTime(row.time), settings.timezone) + row.durationMinutes > now) ?? null;
  return {
    doctorName: doctorDisplayName(doctor),
    date: input.date,
    today,
    appointments: weekRows.filter((row) => row.date === input.date),
    week: datesBetween(monday, sunday).map((date) => ({ date, appointments: weekRows.filter((row) => row.date === date) })),
    nextPatient,
  };
}

/** What the lifecycle lets the doctor record now for one appointment. */
export function outcomesAllowed(row: DoctorAppointmentRow, zone: string, now: number): { canComplete: boolean; canMarkNoShow: boolean } {
  const startsAt = wallToInstantLenient(row.date, parseTime(row.time), zone);
  return {
    canComplete: checkTransition(row.status, 'Completed', startsAt, now).ok,
    canMarkNoShow: checkTransition(row.status, 'No-Show', startsAt, now).ok,
  };
}
