import type { StoreHealth, AppStatus } from '../../../shared/ipc/types';
import { AppFailure } from '../../../shared/ipc/result';
import { describeServer, type StoreConfig } from '../config/store-config';
import { openSqlStore, type SqlStore } from '../data/sql/open-sql-store';
import { SchemaTooNewError } from '../data/sql/migrator';
import type { DocumentStore } from '../data/documents/document-store';
import { openSqliteDocumentStore } from '../data/documents/sqlite/open-sqlite-document-store';
import type { openMongoDocumentStore as OpenMongoDocumentStore } from '../data/documents/mongo/open-mongo-document-store';

export interface OpenStores {
  /** The authoritative relational store: the local SQLite file, or the clinic's MySQL. */
  sql: SqlStore;
  documents: DocumentStore;
  /**
   * This workstation's own SQLite file: the same store as `sql` in standalone mode; in networked
   * mode it holds what must survive the server being away (the audit outbox, later the mirror).
   */
  local: SqlStore;
}

export type StoreState =
  | { ready: true; stores: OpenStores; health: StoreHealth[] }
  | { ready: false; health: StoreHealth[]; fatal?: AppStatus['fatal'] };

function describe(config: StoreConfig): { sql: string; documents: string } {
  return config.mode === 'standalone'
    ? { sql: 'Local store (SQLite file)', documents: 'Local store (SQLite file)' }
    : { sql: describeServer('MySQL', config.mysqlUrl), documents: describeServer('MongoDB', config.mongoUri) };
}

/** Turns driver errors into a sentence a receptionist can hand to IT; no credentials. */
export function explainStoreError(error: unknown): string {
  const err = error as { code?: string; message?: string; original?: { code?: string } };
  const code = err.original?.code ?? err.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'The server refused the connection: is it running, and is the address right?';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'The server name could not be found: check the address and the network.';
    case 'ETIMEDOUT':
      return 'The server did not answer in time: check the network.';
    case 'ER_ACCESS_DENIED_ERROR':
      return 'The server refused the user name or password.';
    case 'ER_BAD_DB_ERROR':
      return 'The database named in the address does not exist on the server.';
    default:
      break;
  }
  const message = err.message ?? String(error);
  if (/Server selection timed out|ECONNREFUSED|connect/i.test(message)) {
    return 'The document server could not be reached: is it running, and is the address right?';
  }
  return message.replace(/\/\/[^@/\s]*@/g, '//');
}

/**
 * The Mongoose adapter is loaded only by a workstation that talks to a clinic server: the driver
 * is the largest package main loads, and a standalone workstation keeps its documents in SQLite.
 */
async function openMongoDocuments(...args: Parameters<typeof OpenMongoDocumentStore>): Promise<DocumentStore> {
  const { openMongoDocumentStore } = await import('../data/documents/mongo/open-mongo-document-store');
  return openMongoDocumentStore(...args);
}

/**
 * Opens the relational store, then the document store. Never throws: an unreachable or
 * misconfigured server becomes a health entry the window can show. In networked mode `local`
 * is this workstation's own file, opened by the caller (it stays open while the server is away).
 */
export async function openStores(config: StoreConfig, local?: SqlStore): Promise<StoreState> {
  const names = describe(config);
  let sql: SqlStore;
  try {
    sql =
      config.mode === 'standalone'
        ? await openSqlStore({ dialect: 'sqlite', storage: config.sqlitePath })
        : await openSqlStore({
            dialect: 'mysql',
            url: config.mysqlUrl,
            poolMax: config.tuning.mysqlPoolMax,
            readUrls: config.mysqlReadUrls,
            routing: {
              maxLagSeconds: config.tuning.replicaMaxLagSeconds,
              checkEverySeconds: config.tuning.replicaCheckSeconds,
              readYourWritesSeconds: config.tuning.readYourWritesSeconds,
            },
          });
  } catch (error) {
    const health: StoreHealth[] = [
      { name: 'sql', description: names.sql, ok: false, problem: explainStoreError(error) },
      { name: 'documents', description: names.documents, ok: false, problem: 'Not opened: the relational store failed first.' },
    ];
    if (error instanceof SchemaTooNewError) {
      return { ready: false, health, fatal: { code: 'SCHEMA_TOO_NEW', message: error.message } };
    }
    return { ready: false, health };
  }
  try {
    const documents =
      config.mode === 'standalone'
        ? await openSqliteDocumentStore(sql.sequelize)
        : await openMongoDocuments(config.mongoUri, config.tuning.mongo);
    return {
      ready: true,
      stores: { sql, documents, local: config.mode === 'standalone' ? sql : (local ?? sql) },
      health: [
        { name: 'sql', description: names.sql, ok: true },
        { name: 'documents', description: names.documents, ok: true },
      ],
    };
  } catch (error) {
    await sql.close().catch(() => undefined);
    return {
      ready: false,
      health: [
        { name: 'sql', description: names.sql, ok: true },
        { name: 'documents', description: names.documents, ok: false, problem: explainStoreError(error) },
      ],
    };
  }
}

/** A networked workstation's own file, and the view of it that serves screens while the server is away. */
export interface LocalFile {
  store: SqlStore;
  /** The file's tables as the stores the services use: the mirror of the server's data. */
  mirror: OpenStores;
}

export async function openLocalFile(path: string): Promise<LocalFile> {
  const store = await openSqlStore({ dialect: 'sqlite', storage: path });
  try {
    const documents = await openSqliteDocumentStore(store.sequelize);
    return { store, mirror: { sql: store, documents, local: store } };
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}

/** Whether the file holds a pulled copy of the clinic (a mirror pull finished at least once). */
export async function holdsMirror(local: SqlStore): Promise<boolean> {
  const [rows] = await local.sequelize.query('SELECT COUNT(*) AS n FROM sync_cursors WHERE pulled_at IS NOT NULL');
  return Number((rows as { n: number | string }[])[0]?.n ?? 0) > 0;
}

export function requireStores(state: StoreState): OpenStores {
  if (!state.ready) {
    const problem = state.health.find((h) => !h.ok);
    throw new AppFailure(
      'STORE_UNAVAILABLE',
      problem ? `${problem.description}: ${problem.problem ?? 'unavailable'}` : 'The clinic data is not available.',
    );
  }
  return state.stores;
}

/** Closes the server's (or the standalone file's) connections; a networked workstation's own file is closed by its owner. */
export async function closeStores(state: StoreState): Promise<void> {
  if (!state.ready) return;
  const { documents, sql } = state.stores;
  await documents.close().catch(() => undefined);
  await sql.close().catch(() => undefined);
}
