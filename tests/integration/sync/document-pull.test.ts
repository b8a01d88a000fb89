/**
 * The document mirror against a real document server: prescriptions created and changed on
 * FerretDB (MongoDB wire protocol) are pulled into a real SQLite file, with the same ids,
 * stamps and fields; a pull with nothing new writes nothing; documents that share one updatedAt
 * across page boundaries are neither missed nor read twice.
 */
import { join } from 'node:path';
import mongoose from 'mongoose';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Prescription, PrescriptionInput } from '../../../shared/documents';
import type { DocumentStore } from '../../../electron/main/data/documents/document-store';
import { openMongoDocumentStore } from '../../../electron/main/data/documents/mongo/open-mongo-document-store';
import { openSqliteDocumentStore } from '../../../electron/main/data/documents/sqlite/open-sqlite-document-store';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { pullMirrorDocuments, type CollectionPull } from '../../../electron/main/services/sync/document-pull';
import { createTempDir, createTestMongoDatabase, type TempDir, type TestDatabase } from '../../support/services';
import { seedPrescription } from '../documents/seed-examples';
import { documentServerNow } from '../../support/document-server-time';

const written = (pulls: CollectionPull[]) => pulls.reduce((sum, pull) => sum + pull.written, 0);

/** Everything of a document, in one comparable form. */
const comparable = (documents: readonly Prescription[]) =>
  [...documents].sort((a, b) => a.id.localeCompare(b.id)).map((document) => JSON.parse(JSON.stringify(document)) as unknown);

let nextPatient = 5_000;
const prescription = (overrides: Partial<PrescriptionInput> = {}): PrescriptionInput => ({
  ...seedPrescription,
  patientId: ++nextPatient,
  appointmentId: 9_000 + nextPatient,
  ...overrides,
});

describe('pulling prescriptions from the document server into the local SQLite file', () => {
  let mongo: TestDatabase;
  let dir: TempDir;
  let server: DocumentStore;
  let local: SqlStore;
  let mirrored: DocumentStore;

  const pull = (batchSize = 7) => pullMirrorDocuments(server, local, { batchSize });
  const expectSameDocuments = async () => {
    expect(comparable(await mirrored.prescriptions.find())).toEqual(comparable(await server.prescriptions.find()));
  };

  /** Prescriptions written straight into the collection, with the stamps the test chooses. */
  const insertPastTheRepository = async (count: number, stampOf: (index: number) => Date) => {
    const client = new mongoose.mongo.MongoClient(mongo.url);
    await client.connect();
    try {
      const documents = Array.from({ length: count }, (_, i) => ({
        ...seedPrescription,
        patientId: ++nextPatient,
        appointmentId: 9_000 + nextPatient,
        prescriptionDate: new Date(seedPrescription.prescriptionDate),
        createdAt: stampOf(i),
        updatedAt: stampOf(i),
      }));
      await client.db().collection('prescriptions').insertMany(documents);
    } finally {
      await client.close();
    }
  };

  beforeAll(async () => {
    mongo = await createTestMongoDatabase();
    dir = createTempDir();
    server = await openMongoDocumentStore(mongo.url);
    local = await openSqlStore({ dialect: 'sqlite', storage: join(dir.path, 'workstation.sqlite') });
    mirrored = await openSqliteDocumentStore(local.sequelize);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await local?.close();
    await mongo?.drop();
    dir?.remove();
  });

  it('copies every prescription on the first pull, in pages, keeping ids and stamps', async () => {
    for (let i = 0; i < 30; i += 1) await server.prescriptions.insert(prescription());
    const pulls = await pull();
    expect(written(pulls)).toBe(30);
    await expectSameDocuments();
    const [cursor] = await local.sequelize.query<{ cursor: string }>("SELECT cursor_value AS cursor FROM sync_cursors WHERE table_name = 'doc:prescriptions'", {
      type: QueryTypes.SELECT,
    });
    const [newest] = await server.prescriptions.find({}, { sort: { updatedAt: 'desc' }, limit: 1 });
    expect(cursor?.cursor).toBe(newest!.updatedAt.toISOString());
  });

  it('writes nothing when nothing changed', async () => {
    expect(written(await pull())).toBe(0);
    expect(written(await pull(1000))).toBe(0);
  });

  it('follows new prescriptions, edits and new versions', async () => {
    const [first, second] = await server.prescriptions.find({}, { sort: { createdAt: 'asc' }, limit: 2 });
    await server.prescriptions.update(first!.id, { status: 'Completed', diagnosis: undefined });
    // a signed prescription changes by a new version pointing back, the old one superseded
    const next = await server.prescriptions.insert(prescription({ patientId: second!.patientId, version: 2, previousVersionId: second!.id }));
    await server.prescriptions.update(second!.id, { status: 'Superseded', supersededById: next.id });
    await server.prescriptions.insert(prescription());

    expect(written(await pull())).toBe(4);
    await expectSameDocuments();
    const mirroredFirst = await mirrored.prescriptions.findById(first!.id);
    expect(mirroredFirst?.status).toBe('Completed');
    expect(mirroredFirst).not.toHaveProperty('diagnosis');
    expect((await mirrored.prescriptions.findById(next.id))?.previousVersionId).toBe(second!.id);
    // the mirrored documents answer the app's own queries (columns as well as the JSON body)
    expect(await mirrored.prescriptions.count({ patientId: second!.patientId })).toBe(2);
    expect(written(await pull())).toBe(0);
  });

  it('pulls what a workstation whose clock is three hours behind wrote: the stamps are the server’s time', async () => {
    const behindMs = 3 * 60 * 60_000;
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - behindMs, shouldAdvanceTime: true });
    let lagging: DocumentStore | undefined;
    let changed: Prescription[];
    try {
      lagging = await openMongoDocumentStore(mongo.url);
      const [existing] = await server.prescriptions.find({}, { sort: { createdAt: 'asc' }, limit: 1 });
      changed = [await lagging.prescriptions.insert(prescription()), await lagging.prescriptions.update(existing!.id, { diagnosis: 'Sinusitis, revised' })];
    } finally {
      vi.useRealTimers();
      await lagging?.close();
    }
    const serverNow = await documentServerNow(mongo.url);
    for (const document of changed) expect(Math.abs(document.updatedAt.getTime() - serverNow.getTime())).toBeLessThan(60_000);
    expect(written(await pull())).toBe(2);
    await expectSameDocuments();
  });

  it('reads documents sharing one updatedAt across page boundaries once each', async () => {
    // Written past the repository so that twelve documents carry the very same stamp, a minute
    // after the newest (the server's clock, not this machine's, stamps the others).
    const [newest] = await server.prescriptions.find({}, { sort: { updatedAt: 'desc' }, limit: 1 });
    const stamp = new Date(newest!.updatedAt.getTime() + 60_000);
    await insertPastTheRepository(12, () => stamp);
    expect(written(await pull(5))).toBe(12);
    await expectSameDocuments();
    expect(written(await pull(5))).toBe(0);
  });

  it('writes a page of more documents than one INSERT statement holds', async () => {
    // Stamped from a minute after the newest document, one second apart; in one page of 1,000.
    const [newest] = await server.prescriptions.find({}, { sort: { updatedAt: 'desc' }, limit: 1 });
    const start = newest!.updatedAt.getTime() + 60_000;
    await insertPastTheRepository(130, (i) => new Date(start + i * 1000));
    expect(written(await pull(1000))).toBe(130);
    await expectSameDocuments();
    expect(written(await pull(1000))).toBe(0);
  });
});
