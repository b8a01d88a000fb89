import { DataTypes, QueryTypes, type QueryInterface, type Sequelize } from 'sequelize';
import type { SequelizeStorage, Umzug } from 'umzug';
import { MIGRATIONS } from './migrations';
import type { SqlMigration } from './migrations/migration';

/** Where the applied migrations are recorded, one row per migration name. */
export const MIGRATION_TABLE = 'schema_migrations';

/**
 * The database's migration history is not a prefix of this app's: another (normally newer)
 * Clinic Desk changed the schema. Running this app against it could corrupt data, so it stops.
 */
export class SchemaTooNewError extends Error {
  override name = 'SchemaTooNewError';
  constructor(
    /** The last migration recorded in the database. */
    readonly databaseVersion: string,
    /** The last migration this app knows. */
    readonly appVersion: string | null,
    readonly reason: 'unknown-migrations' | 'history-mismatch',
  ) {
    super(
      reason === 'unknown-migrations'
        ? `This database was upgraded by a newer Clinic Desk (schema ${databaseVersion}). Install the newer version on this workstation.`
        : `This database was upgraded by a different Clinic Desk version (schema ${databaseVersion}) whose changes this one does not have. Install the newest version on this workstation.`,
    );
  }
}

/**
 * Umzug is loaded only when the schema has something to apply (or a test asks for a migrator): its
 * package also loads a command-line parser, about a third of a second of a start that has nothing
 * to migrate.
 */
const loadUmzug = () => import('umzug');

async function storage(sequelize: Sequelize): Promise<SequelizeStorage> {
  const { SequelizeStorage } = await loadUmzug();
  // 190 characters keep the utf8mb4 primary key under the 767-byte limit of older InnoDB setups.
  return new SequelizeStorage({ sequelize, tableName: MIGRATION_TABLE, columnType: DataTypes.STRING(190) });
}

/** The migration names must be unique and in order: the storage lists applied ones by name. */
function assertOrdered(migrations: readonly SqlMigration[]): void {
  for (let i = 1; i < migrations.length; i += 1) {
    const previous = migrations[i - 1]?.name ?? '';
    const current = migrations[i]?.name ?? '';
    if (!(previous < current)) throw new Error(`Migrations out of order: ${previous} before ${current}`);
  }
}

export async function createMigrator(
  sequelize: Sequelize,
  migrations: readonly SqlMigration[] = MIGRATIONS,
): Promise<Umzug<QueryInterface>> {
  assertOrdered(migrations);
  const { Umzug } = await loadUmzug();
  return new Umzug<QueryInterface>({
    migrations: migrations.map(({ name, up, down }) => ({ name, up, down })),
    context: sequelize.getQueryInterface(),
    storage: await storage(sequelize),
    logger: undefined,
  });
}

/**
 * The applied migrations' names in order (whether the table exists, then its names); null when it
 * does not exist yet (a new database). The table's shape is the one Umzug's storage creates.
 */
async function appliedMigrations(sequelize: Sequelize): Promise<string[] | null> {
  if (!(await sequelize.getQueryInterface().tableExists(MIGRATION_TABLE))) return null;
  const rows = await sequelize.query<{ name: string }>(`SELECT name FROM ${MIGRATION_TABLE}`, { type: QueryTypes.SELECT });
  // Sorted here, as assertOrdered compares: the server's collation may order names otherwise.
  return rows.map((row) => row.name).sort();
}

const sameNames = (applied: readonly string[], migrations: readonly SqlMigration[]): boolean =>
  applied.length === migrations.length && migrations.every((migration, i) => migration.name === applied[i]);

/** Refuses a database whose applied migrations are not exactly the first N of ours. */
function checkHistory(applied: readonly string[], migrations: readonly SqlMigration[]): void {
  const known = migrations.map((m) => m.name);
  const last = applied[applied.length - 1];
  if (last === undefined) return;
  const appVersion = known[known.length - 1] ?? null;
  if (applied.some((name) => !known.includes(name))) {
    throw new SchemaTooNewError(last, appVersion, 'unknown-migrations');
  }
  if (applied.some((name, i) => known[i] !== name)) {
    throw new SchemaTooNewError(last, appVersion, 'history-mismatch');
  }
}

/**
 * On MySQL several workstations may start at once against a fresh server; a named server lock
 * lets one of them migrate while the others wait (then find nothing to do). The lock belongs to
 * the session that took it, so it is taken on a connection held by an otherwise idle transaction.
 * SQLite needs none: the app holds a single-instance lock on its data folder.
 */
async function withMigrationLock<T>(sequelize: Sequelize, work: () => Promise<T>): Promise<T> {
  if (sequelize.getDialect() !== 'mysql') return work();
  return sequelize.transaction(async (transaction) => {
    const lockName = "LEFT(CONCAT('clinic_desk_migrate_', DATABASE()), 64)";
    const rows = await sequelize.query<{ got: number | null }>(`SELECT GET_LOCK(${lockName}, 60) AS got`, {
      type: QueryTypes.SELECT,
      transaction,
    });
    if (rows[0]?.got !== 1) {
      throw new Error('Another workstation is upgrading the clinic database. Try again in a minute.');
    }
    try {
      return await work();
    } finally {
      await sequelize.query(`SELECT RELEASE_LOCK(${lockName})`, { transaction });
    }
  });
}

/**
 * Applies every pending migration, after checking that the database is not ahead of this app.
 * Idempotent: a second run applies nothing.
 */
export async function migrateToLatest(
  sequelize: Sequelize,
  migrations: readonly SqlMigration[] = MIGRATIONS,
): Promise<{ applied: string[]; schemaVersion: string }> {
  // The usual start: the schema is current. Two reads, no lock, no Umzug.
  const current = await appliedMigrations(sequelize);
  const latest = migrations.at(-1)?.name;
  if (current && latest !== undefined && sameNames(current, migrations)) return { applied: [], schemaVersion: latest };
  const migrator = await createMigrator(sequelize, migrations);
  return withMigrationLock(sequelize, async () => {
    // Umzug itself ignores applied migrations it does not know: read the storage's full history.
    const history = await (await storage(sequelize)).executed();
    checkHistory(history, migrations);
    const applied = (await migrator.up()).map((m) => m.name);
    const schemaVersion = [...history, ...applied].at(-1);
    if (schemaVersion === undefined) throw new Error('No migrations to apply: the migration list is empty.');
    return { applied, schemaVersion };
  });
}

/** The last applied migration's name, or null when the database has never been migrated. */
export async function currentSchemaVersion(sequelize: Sequelize): Promise<string | null> {
  // Checked first so that asking does not create the table as a side effect.
  if (!(await sequelize.getQueryInterface().tableExists(MIGRATION_TABLE))) return null;
  return (await (await storage(sequelize)).executed()).at(-1) ?? null;
}
