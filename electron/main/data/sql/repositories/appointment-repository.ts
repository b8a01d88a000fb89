import { QueryTypes, type Transaction } from 'sequelize';
import type { AffectedAppointment } from '../../../../../shared/ipc/admin/availability';
import type { SqlStore } from '../open-sql-store';

interface UpcomingRow {
  id: number;
  appointment_date: string;
  appointment_time: string;
  duration_minutes: number;
  status: string;
  appointment_type: string;
  patient_id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
}


/** Reads about the appointments that the model's own finders do not express. */
export interface AppointmentRepository {
  /** Whether the doctor has any appointment (any status) with the patient: one indexed probe. */
  doctorHasAppointmentWith(doctorId: number, patientId: number): Promise<boolean>;
  /** The doctor's booked (Scheduled, Confirmed) appointments dated from..to (or from on), with their patients, in time order. */
  bookedOfDoctor(doctorId: number, dates: { from: string; to?: string }, transaction?: Transaction): Promise<AffectedAppointment[]>;
}

export function appointmentRepository(sql: SqlStore): AppointmentRepository {
  return {
    async doctorHasAppointmentWith(doctorId, patientId) {
      const rows = await sql.sequelize.query<{ found: number }>(
        'SELECT 1 AS found FROM appointments WHERE doctor_id = :doctorId AND patient_id = :patientId LIMIT 1',
        { replacements: { doctorId, patientId }, type: QueryTypes.SELECT },
      );
      return rows.length > 0;
    },

    async bookedOfDoctor(doctorId, dates, transaction) {
      const rows = await sql.sequelize.query<UpcomingRow>(
        `SELECT a.id, a.appointment_date, a.appointment_time, a.duration_minutes, a.status, a.appointment_type,
                p.id AS patient_id, p.first_name, p.last_name, p.email, p.phone
           FROM appointments a JOIN patients p ON p.id = a.patient_id
          WHERE a.doctor_id = :doctorId AND a.appointment_date >= :from${dates.to ? ' AND a.appointment_date <= :to' : ''}
            AND a.status IN ('Scheduled', 'Confirmed')
          ORDER BY a.appointment_date, a.appointment_time, a.id`,
        { replacements: { doctorId, from: dates.from, to: dates.to ?? null }, type: QueryTypes.SELECT, ...(transaction ? { transaction } : {}) },
      );
      return rows.map(
        (r): AffectedAppointment => ({
          appointmentId: Number(r.id),
          date: r.appointment_date,
          time: r.appointment_time.slice(0, 5),
          durationMinutes: Number(r.duration_minutes),
          status: r.status,
          appointmentType: r.appointment_type,
          patient: { id: Number(r.patient_id), firstName: r.first_name, lastName: r.last_name, email: r.email, phone: r.phone },
        }),
      );
    },
  };
}
