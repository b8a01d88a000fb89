import type { Sequelize } from 'sequelize';
import { createSequelize, type SqlConfig, type SqlDialect } from './connection';
import { migrateToLatest } from './migrator';
import { defineModels, type SqlModels } from './models';
import { DEFAULT_REPLICA_ROUTING, ReadRouter, type ReplicaStore } from './read-routing';
import { describeServer } from '../../config/store-config';

export interface SqlStore {
  sequelize: Sequelize;
  models: SqlModels;
  dialect: SqlDialect;
  /** The name of the last applied migration, e.g. '202611250001-seed-schema'. */
  schemaVersion: string;
  /** Where reads that may be stale go, when the server has read replicas (see `readFrom`). */
  reads?: ReadRouter;
  close(): Promise<void>;
}

/**
 * Connects, brings the schema up to date and defines the models. Throws SchemaTooNewError when
 * the database is ahead of this app, or the driver's error when it cannot be reached; either
 * way the connection is closed again.
 */
export async function openSqlStore(config: SqlConfig): Promise<SqlStore> {
  const sequelize = createSequelize(config);
  try {
    // First, and alone: on SQLite this opens the connection (and applies its pragmas) before
    // anything else can queue a query on it.
    await sequelize.authenticate();
    const { schemaVersion } = await migrateToLatest(sequelize);
    const models = defineModels(sequelize);
    const store: SqlStore = { sequelize, models, dialect: config.dialect, schemaVersion, close: () => sequelize.close() };
    if (config.dialect !== 'mysql' || !config.readUrls?.length) return store;
    const replicas = config.readUrls.map((url): ReplicaStore => {
      const replica = createSequelize({ ...config, url }, 'replica');
      return {
        description: describeServer('MySQL replica', url),
        store: { sequelize: replica, models: defineModels(replica), dialect: 'mysql', schemaVersion, close: () => replica.close() },
      };
    });
    const router = new ReadRouter(store, replicas, config.routing ?? DEFAULT_REPLICA_ROUTING);
    void router.checkReplicas();
    return {
      ...store,
      reads: router,
      close: async () => {
        await router.close();
        await sequelize.close();
      },
    };
  } catch (error) {
    await sequelize.close().catch(() => undefined);
    throw error;
  }
}
