import { join } from 'node:path';
import mongoose from 'mongoose';
import { QueryTypes, type Sequelize } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMongoDocumentStore } from '../../../electron/main/data/documents/mongo/open-mongo-document-store';
import { openSqliteDocumentStore } from '../../../electron/main/data/documents/sqlite/open-sqlite-document-store';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import type { DocumentStore } from '../../../electron/main/data/documents/document-store';
import { createTempDir, createTestMongoDatabase, type TempDir, type TestDatabase } from '../../support/services';
import { seedAuditLog, seedPrescription } from './seed-examples';

/** What each adapter must build beyond the shared behaviour: indexes, tables, connection handling. */

const VISIT_INDEXES = (time: string) => [
  { patientId: 1 },
  { doctorId: 1 },
  { appointmentId: 1 },
  { [time]: -1 },
  { patientId: 1, [time]: -1 },
];

describe('MongoDB adapter', () => {
  let database: TestDatabase;
  let store: DocumentStore;
  let client: InstanceType<typeof mongoose.mongo.MongoClient>;

  beforeAll(async () => {
    database = await createTestMongoDatabase();
    store = await openMongoDocumentStore(database.url);
    client = new mongoose.mongo.MongoClient(database.url);
    await client.connect();
  });
  afterAll(async () => {
    await client?.close();
    await store?.close();
    await database?.drop();
  });

  const indexesOf = async (collection: string) => {
    const indexes = await client.db().collection(collection).indexes();
    return indexes.map((index) => ({ key: { ...index.key }, unique: index.unique === true }));
  };

  it.each([
    ['prescriptions', [...VISIT_INDEXES('prescriptionDate'), { updatedAt: 1, _id: 1 }]],
    ['patient_feedback', [...VISIT_INDEXES('feedbackDate'), { doctorId: 1, feedbackDate: -1 }]],
    ['communication_logs', VISIT_INDEXES('sentAt')],
    [
      'system_audit_logs',
      [
        { timestamp: -1 },
        { patientId: 1, timestamp: -1 },
        { userId: 1, timestamp: -1 },
        { resourceType: 1, resourceId: 1, timestamp: -1 },
      ],
    ],
  ])('creates the indexes of %s at open', async (collection, expected) => {
    const keys = (await indexesOf(collection)).map((index) => index.key);
    for (const key of expected) expect(keys).toContainEqual(key);
  });

  it('makes eventId unique in the audit trail', async () => {
    expect(await indexesOf('system_audit_logs')).toContainEqual({ key: { eventId: 1 }, unique: true });
  });

  it('stores in the seed collection names, with ObjectIds and BSON dates', async () => {
    const stored = await store.prescriptions.insert(seedPrescription);
    const raw = await client
      .db()
      .collection('prescriptions')
      .findOne({ _id: new mongoose.Types.ObjectId(stored.id) });
    expect(raw?.prescriptionDate).toBeInstanceOf(Date);
    expect(raw?.createdAt).toBeInstanceOf(Date);
    expect(raw).not.toHaveProperty('__v');
    expect(raw).not.toHaveProperty('id');
    expect(raw?.medications[0]).not.toHaveProperty('_id');
  });

  it('gives up on an unreachable server within seconds', async () => {
    const started = Date.now();
    await expect(openMongoDocumentStore('mongodb://127.0.0.1:9/clinic')).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('answers STORE_UNAVAILABLE once the connection is gone, and ping rejects', async () => {
    const second = await openMongoDocumentStore(database.url);
    await second.close();
    await expect(second.prescriptions.count()).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(second.ping()).rejects.toBeTruthy();
  });
});

describe('SQLite adapter', () => {
  let dir: TempDir;
  let path: string;
  let sql: SqlStore;
  let store: DocumentStore;

  beforeAll(async () => {
    dir = createTempDir('clinic-desk-doc-layout-');
    path = join(dir.path, 'clinic-desk.sqlite');
    sql = await openSqlStore({ dialect: 'sqlite', storage: path });
    store = await openSqliteDocumentStore(sql.sequelize);
  });
  afterAll(async () => {
    await sql?.close();
    dir?.remove();
  });

  const select = <T extends object>(sequelize: Sequelize, query: string, bind: unknown[] = []) =>
    sequelize.query<T>(query, { type: QueryTypes.SELECT, bind });

  /** Column lists of the table's indexes, and which are unique. */
  async function indexesOf(table: string): Promise<{ columns: string[]; unique: boolean }[]> {
    const list = await select<{ name: string; unique: number; origin: string }>(
      sql.sequelize,
      `SELECT * FROM pragma_index_list($1)`,
      [table],
    );
    return Promise.all(
      list
        .filter((index) => index.origin === 'c')
        .map(async (index) => ({
          columns: (
            await select<{ name: string }>(sql.sequelize, `SELECT name FROM pragma_index_info($1) ORDER BY seqno`, [
              index.name,
            ])
          ).map((column) => column.name),
          unique: index.unique === 1,
        })),
    );
  }

  it('keeps the document tables in the same file as the relational tables', async () => {
    const tables = (
      await select<{ name: string }>(sql.sequelize, `SELECT name FROM sqlite_master WHERE type = 'table'`)
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'patients',
        'appointments',
        'doc_prescriptions',
        'doc_patient_feedback',
        'doc_communication_logs',
        'doc_system_audit_logs',
      ]),
    );
  });

  it.each([
    ['doc_prescriptions', 'prescription_date', []],
    ['doc_patient_feedback', 'feedback_date', [['doctor_id', 'feedback_date']]],
    ['doc_communication_logs', 'sent_at', []],
  ])('indexes %s on patient, doctor, appointment and time', async (table, time, extra) => {
    const columns = (await indexesOf(table)).map((index) => index.columns);
    const expected = [['patient_id'], ['doctor_id'], ['appointment_id'], [time], ['patient_id', time], ...extra];
    expect(columns).toHaveLength(expected.length);
    for (const index of expected) expect(columns).toContainEqual(index);
  });

  it('indexes the audit trail by time, patient, user and resource, with a unique eventId', async () => {
    const indexes = await indexesOf('doc_system_audit_logs');
    expect(indexes).toContainEqual({ columns: ['event_id'], unique: true });
    for (const columns of [
      ['timestamp'],
      ['patient_id', 'timestamp'],
      ['user_id', 'timestamp'],
      ['resource_type', 'resource_id', 'timestamp'],
    ]) {
      expect(indexes).toContainEqual({ columns, unique: false });
    }
  });

  it('copies the indexed fields into their columns, dates as ISO text, the rest as JSON', async () => {
    const stored = await store.prescriptions.insert(seedPrescription);
    const [row] = await select<Record<string, unknown>>(
      sql.sequelize,
      'SELECT * FROM doc_prescriptions WHERE id = $1',
      [stored.id],
    );
    expect(row).toMatchObject({
      patient_id: 45,
      doctor_id: 12,
      appointment_id: 125,
      prescription_date: '2024-03-15T10:30:00.000Z',
      created_at: stored.createdAt.toISOString(),
    });
    expect(JSON.parse(String(row?.body))).toMatchObject({
      diagnosis: 'Acute pharyngitis',
      prescriptionDate: '2024-03-15T10:30:00.000Z',
    });

    const audit = await store.systemAuditLogs.insert({
      ...seedAuditLog,
      resourceType: 'prescription',
      resourceId: stored.id,
    });
    const [auditRow] = await select<Record<string, unknown>>(
      sql.sequelize,
      'SELECT resource_id, event_id FROM doc_system_audit_logs WHERE id = $1',
      [audit.id],
    );
    expect(auditRow).toEqual({ resource_id: stored.id, event_id: audit.eventId });
  });

  it('keeps numbers and strings apart in a mixed column, as MongoDB does', async () => {
    await store.systemAuditLogs.insert({ ...seedAuditLog, resourceType: 'mixed-check', resourceId: 77 });
    await store.systemAuditLogs.insert({ ...seedAuditLog, resourceType: 'mixed-check', resourceId: '77' });
    expect(await store.systemAuditLogs.count({ resourceType: 'mixed-check', resourceId: 77 })).toBe(1);
    expect(await store.systemAuditLogs.count({ resourceType: 'mixed-check', resourceId: '77' })).toBe(1);
  });

  it('keeps the documents when the file is closed and opened again', async () => {
    const stored = await store.prescriptions.insert({ ...seedPrescription, patientId: 4242 });
    await sql.close();
    sql = await openSqlStore({ dialect: 'sqlite', storage: path });
    store = await openSqliteDocumentStore(sql.sequelize);
    await expect(store.prescriptions.findById(stored.id)).resolves.toEqual(stored);
  });

  it('refuses a connection that is not SQLite', async () => {
    const notSqlite = { getDialect: () => 'mysql' } as unknown as Sequelize;
    await expect(openSqliteDocumentStore(notSqlite)).rejects.toThrow(/SQLite/);
  });
});
