import type { Sequelize } from 'sequelize';
import { appendOnly } from '../append-only';
import {
  communicationLogsCollection,
  patientFeedbackCollection,
  prescriptionsCollection,
  systemAuditLogsCollection,
  type DocumentCollection,
} from '../collections';
import type { DocumentStore } from '../document-store';
import { DOCUMENT_TABLES, tableStatements } from './document-tables';
import { createSqliteFeedbackRatings } from './feedback-ratings';
import { createSqliteRepository } from './sqlite-repository';
import { createSqliteTextSearch, ensureSqliteTextSearch } from './text-search';

/**
 * The document store of standalone mode: JSON tables in the same SQLite file as the relational
 * store, on its Sequelize connection. The tables are created here (IF NOT EXISTS) rather than
 * by the relational migrations, so the document layout stays this adapter's own business.
 */
export async function openSqliteDocumentStore(sequelize: Sequelize): Promise<DocumentStore> {
  if (sequelize.getDialect() !== 'sqlite') {
    throw new Error(`The SQLite document store needs a SQLite connection, not ${sequelize.getDialect()}`);
  }
  const collections: readonly DocumentCollection<unknown, unknown, boolean>[] = [
    prescriptionsCollection,
    patientFeedbackCollection,
    communicationLogsCollection,
    systemAuditLogsCollection,
  ];
  for (const collection of collections) {
    for (const statement of tableStatements(DOCUMENT_TABLES[collection.name], collection.timestamped)) {
      await sequelize.query(statement);
    }
  }
  await ensureSqliteTextSearch(sequelize);
  return {
    kind: 'sqlite',
    prescriptions: createSqliteRepository(sequelize, prescriptionsCollection, DOCUMENT_TABLES.prescriptions),
    patientFeedback: createSqliteRepository(sequelize, patientFeedbackCollection, DOCUMENT_TABLES.patient_feedback),
    feedbackRatings: createSqliteFeedbackRatings(sequelize),
    textSearch: createSqliteTextSearch(sequelize),
    communicationLogs: createSqliteRepository(
      sequelize,
      communicationLogsCollection,
      DOCUMENT_TABLES.communication_logs,
    ),
    systemAuditLogs: appendOnly(
      createSqliteRepository(sequelize, systemAuditLogsCollection, DOCUMENT_TABLES.system_audit_logs),
    ),
    ping: async () => {
      await sequelize.query('SELECT 1');
    },
    // The connection belongs to the relational store, which closes it; nothing of ours to release.
    close: async () => undefined,
  };
}
