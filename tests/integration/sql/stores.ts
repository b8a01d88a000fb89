import { join } from 'node:path';
import type { Sequelize } from 'sequelize';
import { createSequelize, type SqlConfig, type SqlDialect } from '../../../electron/main/data/sql/connection';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { createTempDir, createTestMysqlDatabase } from '../../support/services';

/** A place for one relational database: a fresh MariaDB database or a fresh SQLite file. */
export interface SqlTarget {
  config: SqlConfig;
  dispose(): Promise<void>;
}

export interface SqlTargetFactory {
  name: string;
  dialect: SqlDialect;
  create(): Promise<SqlTarget>;
}

/** The two stores every SQL test runs against; use with describe.each. */
export const SQL_TARGETS: readonly SqlTargetFactory[] = [
  {
    name: 'MariaDB',
    dialect: 'mysql',
    async create() {
      const db = await createTestMysqlDatabase();
      return { config: { dialect: 'mysql', url: db.url }, dispose: () => db.drop() };
    },
  },
  {
    name: 'SQLite file',
    dialect: 'sqlite',
    async create() {
      const dir = createTempDir('clinic-desk-sql-');
      return {
        config: { dialect: 'sqlite', storage: join(dir.path, 'clinic-desk.sqlite') },
        dispose: async () => dir.remove(),
      };
    },
  },
];

/** A migrated store on a fresh target; close() also removes the database. */
export async function openTestStore(factory: SqlTargetFactory): Promise<SqlStore & { config: SqlConfig; dispose(): Promise<void> }> {
  const target = await factory.create();
  const store = await openSqlStore(target.config);
  return {
    ...store,
    config: target.config,
    dispose: async () => {
      await store.close();
      await target.dispose();
    },
  };
}

/** An unmigrated connection to a fresh target, for migration tests. */
export async function openBareTarget(
  factory: SqlTargetFactory,
): Promise<{ sequelize: Sequelize; target: SqlTarget; dispose(): Promise<void> }> {
  const target = await factory.create();
  const sequelize = createSequelize(target.config);
  await sequelize.authenticate();
  return {
    sequelize,
    target,
    dispose: async () => {
      await sequelize.close();
      await target.dispose();
    },
  };
}
