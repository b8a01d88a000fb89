import { join } from 'node:path';
import type { DocumentStore } from '../../../electron/main/data/documents/document-store';
import { openMongoDocumentStore } from '../../../electron/main/data/documents/mongo/open-mongo-document-store';
import { openSqliteDocumentStore } from '../../../electron/main/data/documents/sqlite/open-sqlite-document-store';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { createTempDir, createTestMongoDatabase } from '../../support/services';
import { documentServerNow } from '../../support/document-server-time';

/** A document store on fresh storage, plus a way to open a second store on the same storage. */
export interface OpenedDocumentStore {
  store: DocumentStore;
  /** Another store over the same data (opening again must be harmless); the caller closes it. */
  openAgain(): Promise<DocumentStore>;
  dispose(): Promise<void>;
  /** The time the store stamps documents with: the document server's, or this machine's for a file. */
  storeNowMs(): Promise<number>;
}

export interface DocumentTarget {
  name: string;
  open(): Promise<OpenedDocumentStore>;
}

/** The two document stores every document test runs against; use with describe.each. */
export const DOCUMENT_TARGETS: readonly DocumentTarget[] = [
  {
    name: 'MongoDB protocol (FerretDB or CLINIC_TEST_MONGODB_URI)',
    async open() {
      const database = await createTestMongoDatabase();
      const store = await openMongoDocumentStore(database.url);
      return {
        store,
        openAgain: () => openMongoDocumentStore(database.url),
        storeNowMs: async () => (await documentServerNow(database.url)).getTime(),
        dispose: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  },
  {
    name: 'SQLite file (JSON tables beside the relational store)',
    async open() {
      const dir = createTempDir('clinic-desk-docs-');
      const sql: SqlStore = await openSqlStore({ dialect: 'sqlite', storage: join(dir.path, 'clinic-desk.sqlite') });
      const store = await openSqliteDocumentStore(sql.sequelize);
      return {
        store,
        openAgain: () => openSqliteDocumentStore(sql.sequelize),
        storeNowMs: () => Promise.resolve(Date.now()),
        dispose: async () => {
          await store.close();
          await sql.close();
          dir.remove();
        },
      };
    },
  },
];
