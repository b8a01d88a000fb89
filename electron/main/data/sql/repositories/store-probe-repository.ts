import type { SqlStore } from '../open-sql-store';

/** The cheapest statement a relational store answers: whether it is reachable now. Throws when it is not. */
export async function pingSqlStore(sql: SqlStore): Promise<void> {
  await sql.sequelize.query('SELECT 1');
}
