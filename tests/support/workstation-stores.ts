import type { Result } from '../../shared/ipc/result';
import { createTestMongoDatabase, createTestMysqlDatabase } from './services';

/**
 * The two ways a workstation keeps its data, for describe.each: the standalone SQLite file (the
 * data folder alone), and networked mode on fresh MariaDB and MongoDB-compatible databases.
 * open() returns the environment a workstation needs, and cleanup() drops what it made.
 */
export interface WorkstationStore {
  name: string;
  open(): Promise<{ env: NodeJS.ProcessEnv; cleanup(): Promise<void> }>;
}

export const WORKSTATION_STORES: readonly WorkstationStore[] = [
  { name: 'standalone SQLite file', open: async () => ({ env: {}, cleanup: async () => undefined }) },
  {
    name: 'networked MariaDB + MongoDB-compatible server',
    open: async () => {
      const mysql = await createTestMysqlDatabase();
      const mongo = await createTestMongoDatabase();
      return {
        env: { CLINIC_MYSQL_URL: mysql.url, CLINIC_MONGODB_URI: mongo.url },
        cleanup: async () => {
          await mysql.drop();
          await mongo.drop();
        },
      };
    },
  },
];

/** The data of a Result that must be ok; the error's code and message otherwise. */
export function expectOk<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

/** 'ok' or the error code: compact assertions over many calls. */
export const errorCode = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);
