import mongoose from 'mongoose';
import {
  communicationLogsCollection,
  patientFeedbackCollection,
  prescriptionsCollection,
  systemAuditLogsCollection,
} from '../collections';
import { appendOnly } from '../append-only';
import type { DocumentStore } from '../document-store';
import { guarded } from './mongo-errors';
import { createMongoFeedbackRatings } from './feedback-ratings';
import { createMongoRepository } from './mongo-repository';
import { createMongoTextSearch } from './text-search';
import { defineDocumentModels } from './mongoose-schemas';
import type { MongoTuning } from '../../../config/store-config';

/** Without settings (tests, tools): a single server, the app's pool size. */
const SINGLE_SERVER: MongoTuning = { maxPoolSize: 10, writeConcern: 1, retryWrites: true, staleReadPreference: 'primary' };

/**
 * Connects to the clinic's MongoDB (or a MongoDB-compatible server such as FerretDB), makes sure
 * the collections and their indexes exist, and returns the store. Throws the driver's error when
 * the server cannot be reached within a few seconds; the connection is closed again then.
 *
 * Works on FerretDB 1.24: nothing here uses transactions; every update is one single-document
 * operation; text search uses `$text` only where a probe at open shows the server has it.
 */
export async function openMongoDocumentStore(uri: string, tuning: MongoTuning = SINGLE_SERVER): Promise<DocumentStore> {
  // A connection of its own, never mongoose's global default one: the app (and the tests) may
  // hold several stores at once, and closing one must not close the others.
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 5_000,
    maxPoolSize: tuning.maxPoolSize,
    // Replica set: a write is acknowledged once most members hold it (a failover cannot roll it
    // back), and a write cut off by a primary step-down is sent once more to the new primary.
    // These win over the same options written into the URI (the driver prefers its options object).
    ...(tuning.replicaSet ? { replicaSet: tuning.replicaSet } : {}),
    writeConcern: { w: tuning.writeConcern },
    retryWrites: tuning.retryWrites,
    // Fail at once when the server is gone instead of queueing operations in memory: the
    // caller's offline handling (the outbox) decides what to do with a refused write.
    bufferCommands: false,
    // Indexes are created below, awaited, so a failure surfaces here and not in the background.
    autoIndex: false,
    autoCreate: false,
  });
  try {
    await connection.asPromise();
    const models = defineDocumentModels(connection);
    for (const model of Object.values(models)) await model.createIndexes();
    const textSearch = await createMongoTextSearch({
      prescriptions: models.prescriptions,
      patient_feedback: models.patient_feedback,
      communication_logs: models.communication_logs,
    });
    return {
      kind: 'mongodb',
      prescriptions: createMongoRepository(prescriptionsCollection, models.prescriptions, tuning.staleReadPreference),
      patientFeedback: createMongoRepository(patientFeedbackCollection, models.patient_feedback, tuning.staleReadPreference),
      feedbackRatings: createMongoFeedbackRatings(models.patient_feedback),
      textSearch,
      communicationLogs: createMongoRepository(communicationLogsCollection, models.communication_logs, tuning.staleReadPreference),
      systemAuditLogs: appendOnly(createMongoRepository(systemAuditLogsCollection, models.system_audit_logs, tuning.staleReadPreference)),
      ping: () =>
        guarded({ label: 'document', uniqueFields: [] }, async () => {
          const db = connection.db;
          if (!db) throw new Error('The document store connection is closed');
          await db.command({ ping: 1 });
        }),
      close: () => connection.close(),
    };
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
}
