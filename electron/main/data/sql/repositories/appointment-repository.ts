import { QueryTypes } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/** Reads about the appointments that the model's own finders do not express. */
export interface AppointmentRepository {
  /** Whether the doctor has any appointment (any status) with the patient: one indexed probe. */
  doctorHasAppointmentWith(doctorId: number, patientId: number): Promise<boolean>;
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
  };
}
