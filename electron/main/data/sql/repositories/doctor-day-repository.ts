import { QueryTypes } from 'sequelize';
import type { AppointmentStatus } from '../../../../../shared/domain/scheduling/lifecycle';
import type { DoctorAppointmentRow, PastVisit } from '../../../../../shared/ipc/doctor/types';
import type { AppointmentType } from '../../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../open-sql-store';

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
const dateText = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);

function toRow(r: Row): DoctorAppointmentRow {
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

async function appointmentRows(
  sql: SqlStore,
  where: string,
  replacements: Record<string, unknown>,
  tail = '',
): Promise<DoctorAppointmentRow[]> {
  const rows = await sql.sequelize.query<Row>(
    `${SELECT} WHERE ${where} ORDER BY a.appointment_date, a.appointment_time, a.id ${tail}`,
    {
      replacements,
      type: QueryTypes.SELECT,
    },
  );
  return rows.map(toRow);
}

/** A visit before the current one, with its doctor's id and name (the caller decides whose it is). */
export type EarlierVisit = Omit<PastVisit, 'own'> & { doctorId: number };

/** The doctor workstation's reads of appointments with their patients. */
export interface DoctorDayRepository {
  appointment(appointmentId: number): Promise<DoctorAppointmentRow | null>;
  /** The doctor's appointments from `from` to `to`, both included, in time order. */
  ofDoctorBetween(doctorId: number, from: string, to: string): Promise<DoctorAppointmentRow[]>;
  /** The doctor's next live appointments from `today` on, at most `limit`. */
  upcomingOfDoctor(doctorId: number, today: string, limit: number): Promise<DoctorAppointmentRow[]>;
  /** The patient's other appointments up to `today`, newest first, with any doctor. */
  earlierVisitsOfPatient(
    patientId: number,
    exceptAppointmentId: number,
    today: string,
    limit: number,
  ): Promise<EarlierVisit[]>;
}

export function doctorDayRepository(sql: SqlStore): DoctorDayRepository {
  return {
    async appointment(appointmentId) {
      const [row] = await appointmentRows(sql, 'a.id = :id', { id: appointmentId });
      return row ?? null;
    },
    ofDoctorBetween: (doctorId, from, to) =>
      appointmentRows(sql, 'a.doctor_id = :doctorId AND a.appointment_date BETWEEN :from AND :to', {
        doctorId,
        from,
        to,
      }),
    upcomingOfDoctor: (doctorId, today, limit) =>
      appointmentRows(
        sql,
        "a.doctor_id = :doctorId AND a.appointment_date >= :today AND a.status IN ('Scheduled', 'Confirmed')",
        { doctorId, today },
        `LIMIT ${Math.trunc(limit)}`,
      ),

    async earlierVisitsOfPatient(patientId, exceptAppointmentId, today, limit) {
      const rows = await sql.sequelize.query<{
        id: number;
        appointment_date: string;
        appointment_time: string;
        status: PastVisit['status'];
        appointment_type: PastVisit['appointmentType'];
        patient_notes: string | null;
        doctor_id: number;
        first_name: string;
        last_name: string;
      }>(
        `SELECT a.id, a.appointment_date, a.appointment_time, a.status, a.appointment_type, a.patient_notes, a.doctor_id, d.first_name, d.last_name
       FROM appointments a JOIN doctors d ON d.id = a.doctor_id
       WHERE a.patient_id = :patientId AND a.id <> :current AND a.appointment_date <= :today
       ORDER BY a.appointment_date DESC, a.appointment_time DESC LIMIT ${Math.trunc(limit)}`,
        { replacements: { patientId, current: exceptAppointmentId, today }, type: QueryTypes.SELECT },
      );
      return rows.map((r) => ({
        appointmentId: Number(r.id),
        date: String(r.appointment_date).slice(0, 10),
        time: String(r.appointment_time).slice(0, 5),
        status: r.status,
        appointmentType: r.appointment_type,
        reason: r.patient_notes ?? null,
        doctorName: `Dr. ${r.first_name} ${r.last_name}`,
        doctorId: Number(r.doctor_id),
      }));
    },
  };
}
