import { QueryTypes } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/** A doctor's own patients: everyone with an appointment with them, in any status (as the doctor's screens decide). */
export async function ownPatientIds(sql: SqlStore, doctorId: number): Promise<number[]> {
  const rows = await sql.sequelize.query<{ patient_id: number | string }>('SELECT DISTINCT patient_id FROM appointments WHERE doctor_id = :doctorId', {
    type: QueryTypes.SELECT,
    replacements: { doctorId },
  });
  return rows.map((r) => Number(r.patient_id));
}
