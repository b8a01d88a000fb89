import type { Transaction } from 'sequelize';
import { insertBatches } from '../../generator/bulk-insert';
import type { generateClinic } from '../../generator/clinic-generator';
import type { SqlStore } from '../open-sql-store';

/** Writes a generated clinic in multi-row INSERTs in the store's dialect; returns the counts written. */
export function insertGeneratedClinic(sql: SqlStore, clinic: ReturnType<typeof generateClinic>, transaction: Transaction) {
  return insertBatches(
    clinic,
    sql.dialect,
    async (statement, params) => {
      await sql.sequelize.query(statement, { replacements: params, transaction });
    },
    // Sequelize fills the `?` in itself: no driver limit on bound parameters applies.
    20_000,
  );
}
