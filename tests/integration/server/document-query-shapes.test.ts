import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMongoDocumentStore } from '../../../electron/main/data/documents/mongo/open-mongo-document-store';
import type { DocumentStore } from '../../../electron/main/data/documents/document-store';
import type { CollectionName } from '../../../electron/main/data/documents/collections';
import { DEFAULT_SERVER_TUNING } from '../../../electron/main/config/store-config';
import { isTargetedOrListed, SCATTER_GATHER_QUERIES } from '../../../electron/main/data/documents/scatter-gather';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { patientCommunications, searchCommunicationLog } from '../../../electron/main/services/communications/communication-log';
import { approvedFeedbackOf, feedbackQueue, moderateFeedback, ratingSummaries } from '../../../electron/main/services/kiosk/feedback';
import { patientPrescriptions } from '../../../electron/main/services/kiosk/patient-visits';
import { searchAuditTrail } from '../../../electron/main/services/audit/audit-search';
import { dropOfflinePrescriptions, pullMirrorDocuments } from '../../../electron/main/services/sync/document-pull';
import { syncPersonCopies } from '../../../electron/main/services/consistency/copy-sync';
import { runIntegrityCheck } from '../../../electron/main/services/consistency/integrity-check';
import { searchFeedbackAndMessages } from '../../../electron/main/services/search/text-search';
import { seedClinic } from '../scheduling/clinic-fixture';
import { seedAuditLog, seedCommunicationLog, seedFeedback, seedPrescription } from '../documents/seed-examples';
import { createTempDir, createTestMongoDatabase, createTestMysqlDatabase, type TempDir, type TestDatabase } from '../../support/services';

interface SentQuery {
  collection: string;
  method: string;
  fields: string[];
  /** The read preference the query carried, when not the connection's default. */
  readPreference: string | null;
}

function readPreferenceOf(options: unknown): string | null {
  const preference = (options as { readPreference?: string | { mode?: string } } | undefined)?.readPreference;
  if (!preference) return null;
  return typeof preference === 'string' ? preference : (preference.mode ?? null);
}

const COLLECTIONS = new Set<string>(['prescriptions', 'patient_feedback', 'communication_logs', 'system_audit_logs']);
const QUERY_METHODS = new Set(['find', 'findOne', 'countDocuments', 'findOneAndUpdate', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'aggregate']);

/** The filter's top-level fields as MongoDB receives it (an aggregate's first $match). */
function filterFields(method: string, args: unknown[]): string[] {
  const filter =
    method === 'aggregate'
      ? ((args[0] as Record<string, unknown>[] | undefined)?.find((stage) => '$match' in stage)?.$match ?? {})
      : (args[0] ?? {});
  return Object.keys(filter as Record<string, unknown>).sort();
}

// Drives the services that read documents against the MongoDB store (on FerretDB) and records,
// through Mongoose's debug hook, every filter the store sends: each must name the patient (one
// shard once sharded by patientId) or be a listed scatter-gather query, and the list must match
// the page the clinic's IT person reads.
describe('the queries the document store sends, against the sharding plan', () => {
  let mysql: TestDatabase;
  let mongo: TestDatabase;
  let dir: TempDir;
  let sql: SqlStore;
  let local: SqlStore;
  let documents: DocumentStore;
  const sent: SentQuery[] = [];

  beforeAll(async () => {
    [mysql, mongo] = await Promise.all([createTestMysqlDatabase(), createTestMongoDatabase()]);
    dir = createTempDir();
    mongoose.set('debug', (collection: string, method: string, ...args: unknown[]) => {
      if (COLLECTIONS.has(collection) && QUERY_METHODS.has(method)) sent.push({ collection, method, fields: filterFields(method, args), readPreference: readPreferenceOf(args[1]) });
    });
    sql = await openSqlStore({ dialect: 'mysql', url: mysql.url });
    local = await openSqlStore({ dialect: 'sqlite', storage: join(dir.path, 'workstation.sqlite') });
    // The settings a replica-set clinic runs with (FerretDB accepts them and, alone, ignores them).
    documents = await openMongoDocumentStore(mongo.url, DEFAULT_SERVER_TUNING.mongo);
    const clinic = await seedClinic(sql, { doctors: 1, patients: 2 });
    const patientId = clinic.patients[0]!.id;
    const doctorId = clinic.doctors[0]!.id;
    const prescription = await documents.prescriptions.insert({ ...seedPrescription, patientId, doctorId });
    const feedback = await documents.patientFeedback.insert({ ...seedFeedback, patientId, doctorId, moderationStatus: 'Pending' });
    await documents.communicationLogs.insert({ ...seedCommunicationLog, patientId, doctorId });
    await documents.systemAuditLogs.insert({ ...seedAuditLog, patientId });
    sent.length = 0;

    const stores = { sql, documents, local };
    await patientPrescriptions(documents, patientId);
    await patientCommunications(stores, patientId);
    await searchCommunicationLog(stores, { limit: 50, offset: 0 });
    await searchCommunicationLog(stores, { type: 'appointment_reminder', status: 'delivered', method: 'email', from: '2024-03-01', to: '2024-03-31', limit: 50, offset: 0 });
    await feedbackQueue(stores, 'Pending', 20);
    await moderateFeedback(stores, 1, feedback.id, 'Approved', new Date('2026-12-06T10:00:00Z'));
    await approvedFeedbackOf(stores, doctorId, 20);
    await ratingSummaries(stores, doctorId);
    await ratingSummaries(stores);
    await searchAuditTrail(stores, { patientId, limit: 50 });
    await searchAuditTrail(stores, { userType: 'doctor', fromDate: '2024-03-01', toDate: '2024-03-31', limit: 50 });
    await syncPersonCopies({ sql, documents, workstation: 'desk-shapes' }, 'doctor', doctorId);
    await searchFeedbackAndMessages(stores, 'reminder thorough');
    await searchFeedbackAndMessages(stores, 'appointment');
    await runIntegrityCheck({ sql, documents });
    await pullMirrorDocuments(documents, local);
    await dropOfflinePrescriptions(documents, local, [prescription.id]);
  });
  afterAll(async () => {
    mongoose.set('debug', false);
    await documents?.close();
    await sql?.close();
    await local?.close();
    await Promise.all([mysql?.drop(), mongo?.drop()]);
    dir?.remove();
  });

  it('records the filters of every collection the app reads', () => {
    expect(new Set(sent.map((query) => query.collection))).toEqual(COLLECTIONS);
    expect(sent.some((query) => query.fields.includes('patientId'))).toBe(true);
  });

  it('sends only filters that name the patient or are listed as scatter-gather', () => {
    const unlisted = sent.filter((query) => !isTargetedOrListed(query.collection as CollectionName, query.fields));
    expect(unlisted).toEqual([]);
  });

  it('lets only the mirror pull be served by a secondary', () => {
    const fromSecondary = sent.filter((query) => query.readPreference !== null && query.readPreference !== 'primary');
    expect(fromSecondary).toEqual([expect.objectContaining({ collection: 'prescriptions', fields: ['updatedAt'], readPreference: 'secondaryPreferred' })]);
  });

  it('lists nothing the app does not send, and the IT page names every listed query', () => {
    const page = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'running-the-clinic-server.md'), 'utf8');
    const scatterSection = page.slice(page.indexOf('go to every shard (scatter-gather)'));
    for (const listed of SCATTER_GATHER_QUERIES) {
      const row = scatterSection.split('\n').find((line) => line.startsWith(`| ${listed.collection} |`));
      expect(row, `${listed.collection} has a row in the scatter-gather table`).toBeDefined();
      if (listed.fields.includes('*')) continue;
      const seen = sent.some(
        (query) => query.collection === listed.collection && query.fields.length > 0 && query.fields.every((field) => listed.fields.includes(field)) && !query.fields.includes('patientId'),
      );
      expect(seen, `${listed.collection} ${listed.fields.join('+')} is really sent`).toBe(true);
      for (const field of listed.fields) expect(row, `${listed.collection} row names ${field}`).toContain(`\`${field}\``);
    }
  });

  it('mongo-shard refuses a server that is not the router of a sharded cluster, saying why', () => {
    const run = spawnSync(process.execPath, [join(__dirname, '..', '..', '..', 'scripts', 'mongo-shard.mjs'), mongo.url], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/not a mongos/);
  });
});
