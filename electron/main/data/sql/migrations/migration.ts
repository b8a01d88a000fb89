import type { QueryInterface } from 'sequelize';

/** What Umzug hands every migration: the query interface of the store being migrated. */
export interface MigrationParams {
  context: QueryInterface;
}

export interface MigrationModule {
  up(params: MigrationParams): Promise<void>;
  down(params: MigrationParams): Promise<void>;
}

/** A migration as the migrator lists it: its file's name (without .ts) is its identity. */
export interface SqlMigration extends MigrationModule {
  name: string;
}

/** One CREATE TABLE statement (with its keys inline) and the table it creates. */
export interface MysqlTableDdl {
  table: string;
  sql: string;
}

/**
 * Creates tables on MySQL. Every DDL statement there commits on its own, so when one fails the
 * tables this run already created are dropped again: the migration was not recorded, and the
 * next start must be able to retry it from a clean database.
 */
export async function createMysqlTables(
  queryInterface: QueryInterface,
  tables: readonly MysqlTableDdl[],
): Promise<void> {
  const { sequelize } = queryInterface;
  const created: string[] = [];
  try {
    for (const { table, sql } of tables) {
      await sequelize.query(sql);
      created.push(table);
    }
  } catch (error) {
    for (const table of created.reverse()) {
      await sequelize.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    }
    throw error;
  }
}

/** Runs SQLite DDL in one transaction (SQLite DDL is transactional): all of it or nothing. */
export async function runSqliteDdl(queryInterface: QueryInterface, statements: readonly string[]): Promise<void> {
  const { sequelize } = queryInterface;
  await sequelize.transaction(async (transaction) => {
    for (const sql of statements) await sequelize.query(sql, { transaction });
  });
}
