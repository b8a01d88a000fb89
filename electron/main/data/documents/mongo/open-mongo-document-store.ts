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
import { DocumentServerClock } from './document-server-clock';

/** Without settings (tests, tools): a single server, the app's pool size. */
const SINGLE_SERVER: MongoTuning = { maxPoolSize: 10, writeConcern: 1, retryWrites: true, staleReadPreference: 'primary' };

/**
 * How long an operation waits for the server's answer on an open connection. The driver's default
 * is forever: a server that stops answering without closing the socket (a hung host) held the
 * call, and the outbox or screen behind it, for good. Then it fails with MongoNetworkTimeoutError,
 * read as "unreachable" (mongo-errors.ts). Longer than any query the app sends takes.
 */
export const DEFAULT_MONGO_SOCKET_TIMEOUT_MS = 60_000;

/** At most one attempt to replace a wedged client in this time: during a real outage each would fail anyway. */
const REOPEN_MIN_INTERVAL_MS = 5_000;

/** One client connection to the server with the models and repositories made on it. */
interface OpenConnection {
  connection: mongoose.Connection;
  parts: Omit<DocumentStore, 'kind' | 'ping' | 'close'>;
}

async function connect(uri: string, tuning: MongoTuning, createIndexes: boolean, clock: DocumentServerClock): Promise<OpenConnection> {
  // A connection of its own, never mongoose's global default one: the app (and the tests) may
  // hold several stores at once, and closing one must not close the others.
  const connection = mongoose.createConnection(uri, {
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 10_000,
    socketTimeoutMS: tuning.socketTimeoutMs ?? DEFAULT_MONGO_SOCKET_TIMEOUT_MS,
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
    const db = connection.db;
    if (!db) throw new Error('The document store connection has no database');
    await clock.read((request) => db.command(request));
    const models = defineDocumentModels(connection);
    if (createIndexes) for (const model of Object.values(models)) await model.createIndexes();
    const serverNow = () => clock.now();
    const textSearch = await createMongoTextSearch({
      prescriptions: models.prescriptions,
      patient_feedback: models.patient_feedback,
      communication_logs: models.communication_logs,
    });
    return {
      connection,
      parts: {
        prescriptions: createMongoRepository(prescriptionsCollection, models.prescriptions, tuning.staleReadPreference, serverNow),
        patientFeedback: createMongoRepository(patientFeedbackCollection, models.patient_feedback, tuning.staleReadPreference, serverNow),
        feedbackRatings: createMongoFeedbackRatings(models.patient_feedback),
        textSearch,
        communicationLogs: createMongoRepository(communicationLogsCollection, models.communication_logs, tuning.staleReadPreference, serverNow),
        systemAuditLogs: appendOnly(createMongoRepository(systemAuditLogsCollection, models.system_audit_logs, tuning.staleReadPreference, serverNow)),
      },
    };
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
}

const isServerSelectionError = (error: unknown) => error instanceof Error && error.name === 'MongoServerSelectionError';

/**
 * Connects to the clinic's MongoDB (or a MongoDB-compatible server such as FerretDB), makes sure
 * the collections and their indexes exist, and returns the store. Throws the driver's error when
 * the server cannot be reached within a few seconds; the connection is closed again then.
 *
 * Works on FerretDB 1.24: nothing here uses transactions; every update is one single-document
 * operation; text search uses `$text` only where a probe at open shows the server has it.
 *
 * A client that cannot find the server is replaced when a new one can (tried from `ping`, which
 * the connection monitor calls): the driver can wedge for good when the server closes a
 * connection just as its monitor sends a heartbeat on it (the write waits for a `drain` that a
 * closed socket never emits, so the monitor never checks again and every operation fails to
 * select the server although the server answers).
 */
export async function openMongoDocumentStore(uri: string, tuning: MongoTuning = SINGLE_SERVER): Promise<DocumentStore> {
  const clock = new DocumentServerClock();
  let current = await connect(uri, tuning, true, clock);
  let closed = false;
  let reopening: Promise<boolean> | null = null;
  let lastReopenMs = 0;

  /** True when a new client reached the server and now serves the store. */
  const reopen = (): Promise<boolean> => {
    if (closed || Date.now() - lastReopenMs < REOPEN_MIN_INTERVAL_MS) return Promise.resolve(false);
    lastReopenMs = Date.now();
    reopening ??= connect(uri, tuning, false, clock)
      .then(async (next) => {
        if (closed) {
          await next.connection.close().catch(() => undefined);
          return false;
        }
        const wedged = current.connection;
        current = next;
        // Not awaited: a wedged client may not finish closing.
        void wedged.close().catch(() => undefined);
        return true;
      })
      .catch(() => false)
      .finally(() => {
        reopening = null;
      });
    return reopening;
  };

  const pingOnce = async () => {
    const db = current.connection.db;
    if (!db) throw new Error('The document store connection is closed');
    // `hello` answers like `ping` and tells the server's time as well
    await clock.read((request) => db.command(request));
  };

  return {
    kind: 'mongodb',
    get prescriptions() {
      return current.parts.prescriptions;
    },
    get patientFeedback() {
      return current.parts.patientFeedback;
    },
    get feedbackRatings() {
      return current.parts.feedbackRatings;
    },
    get textSearch() {
      return current.parts.textSearch;
    },
    get communicationLogs() {
      return current.parts.communicationLogs;
    },
    get systemAuditLogs() {
      return current.parts.systemAuditLogs;
    },
    ping: () =>
      guarded({ label: 'document', uniqueFields: [] }, async () => {
        try {
          await pingOnce();
        } catch (error) {
          if (!isServerSelectionError(error) || !(await reopen())) throw error;
          await pingOnce();
        }
      }),
    close: async () => {
      closed = true;
      await reopening;
      await current.connection.close();
    },
  };
}
