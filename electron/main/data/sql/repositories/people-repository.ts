import { QueryTypes, type Transaction } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/**
 * Whether the people a change names still count: an active patient, an active doctor. Read
 * inside the caller's transaction so the answer holds for the write that follows.
 */
export interface PeopleRepository {
  isActivePatient(patientId: number, transaction: Transaction): Promise<boolean>;
  isActiveDoctor(doctorId: number, transaction: Transaction): Promise<boolean>;
  /** A patient's or doctor's first and last name, or null when there is no such row. */
  names(table: 'patients' | 'doctors', id: number): Promise<{ firstName: string; lastName: string } | null>;
}

export function peopleRepository(sql: SqlStore): PeopleRepository {
  const { sequelize } = sql;
  return {
    async isActivePatient(patientId, transaction) {
      const [rows] = await sequelize.query('SELECT id, is_active FROM patients WHERE id = :id', {
        replacements: { id: patientId },
        type: QueryTypes.RAW,
        transaction,
      });
      const patient = (rows as { is_active: unknown }[])[0];
      // A NULL is_active (rows from before the column) counts as active.
      return patient !== undefined && (patient.is_active === null || Boolean(Number(patient.is_active)));
    },

    async isActiveDoctor(doctorId, transaction) {
      const [rows] = await sequelize.query('SELECT id FROM doctors WHERE id = :id AND is_active = :yes', {
        replacements: { id: doctorId, yes: true },
        type: QueryTypes.RAW,
        transaction,
      });
      return (rows as unknown[]).length > 0;
    },

    async names(table, id) {
      const [rows] = await sequelize.query(`SELECT first_name, last_name FROM ${table} WHERE id = :id`, { replacements: { id } });
      const row = (rows as { first_name: string; last_name: string }[])[0];
      return row ? { firstName: row.first_name, lastName: row.last_name } : null;
    },
  };
}
