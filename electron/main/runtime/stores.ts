import type { StoreHealth, AppStatus } from '../../../shared/ipc/types';
import { AppFailure } from '../../../shared/ipc/result';
import { describeServer, type StoreConfig } from '../config/store-config';
import { openSqlStore, type SqlStore } from '../data/sql/open-sql-store';
import { SchemaTooNewError } from '../data/sql/migrator';
import type { DocumentStore } from '../data/documents/document-store';
import { openMongoDocumentStore } from '../data/documents/mongo/open-mongo-document-store';
import { openSqliteDocumentStore } from '../data/documents/sqlite/open-sqlite-document-store';

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
 * Opens the relational store, then the document store. Never throws: an unreachable or
 * misconfigured server becomes a health entry the window can show.
 */
export async function openStores(config: StoreConfig): Promise<StoreState> {
  const names = describe(config);
  let sql: SqlStore;
  try {
    sql =
      config.mode === 'standalone'
        ? await openSqlStore({ dialect: 'sqlite', storage: config.sqlitePath })
        : await openSqlStore({ dialect: 'mysql', url: config.mysqlUrl });
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
        : await openMongoDocumentStore(config.mongoUri);
    const local = config.mode === 'standalone' ? sql : await openLocalStore(config.sqlitePath, documents);
    return {
      ready: true,
      stores: { sql, documents, local },
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

async function openLocalStore(path: string, documents: DocumentStore): Promise<SqlStore> {
  try {
    return await openSqlStore({ dialect: 'sqlite', storage: path });
  } catch (error) {
    await documents.close().catch(() => undefined);
    throw error;
  }
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

export async function closeStores(state: StoreState): Promise<void> {
  if (!state.ready) return;
  const { documents, sql, local } = state.stores;
  await documents.close().catch(() => undefined);
  if (local !== sql) await local.close().catch(() => undefined);
  await sql.close().catch(() => undefined);
}
