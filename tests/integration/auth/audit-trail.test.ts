/**
 * The audit outbox's delivery loop on real stores (a SQLite file for the outbox, the
 * MongoDB-compatible server for the trail), at the one moment a race can hide a record: a call
 * records while the delivery that is finishing has just found the outbox empty.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMongoDocumentStore } from '../../../electron/main/data/documents/mongo/open-mongo-document-store';
import type { DocumentStore } from '../../../electron/main/data/documents/document-store';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import type { AuditEvent } from '../../../electron/main/services/audit/audit-event';
import { AuditTrail } from '../../../electron/main/services/audit/audit-trail';
import { createTempDir, createTestMongoDatabase, type TempDir, type TestDatabase } from '../../support/services';

const event = (resourceId: number): AuditEvent => ({
  user: { id: 7, kind: 'staff', role: 'front_desk', displayName: 'Generated Clerk' },
  sessionId: 'session-1',
  workstation: 'desk-1',
  channel: 'appointments.book',
  action: 'book_appointment',
  resourceType: 'appointment',
  resourceId,
  patientId: 3,
  outcome: 'allowed',
});

describe('audit delivery', () => {
  let dir: TempDir;
  let mongo: TestDatabase;
  let local: SqlStore;
  let documents: DocumentStore;

  beforeAll(async () => {
    dir = createTempDir();
    mongo = await createTestMongoDatabase();
    local = await openSqlStore({ dialect: 'sqlite', storage: join(dir.path, 'local.sqlite') });
    documents = await openMongoDocumentStore(mongo.url);
  });

  afterAll(async () => {
    await documents?.close();
    await local?.close();
    await mongo?.drop();
    dir?.remove();
  });

  it('delivers a record written while a finishing delivery found the outbox empty', async () => {
    let trail: AuditTrail | null = null;
    let injected = false;
    const outbox = local.models.AuditOutbox;
    // The outbox as the trail sees it: when a delivery finds it empty for the first time, a
    // concurrent call records (just as the dispatcher would) before that delivery ends.
    const racingOutbox = new Proxy(outbox, {
      get(target, property, receiver) {
        if (property !== 'findAll') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<typeof outbox.findAll>) => {
          const rows = await target.findAll(...args);
          if (rows.length === 0 && !injected) {
            injected = true;
            await trail!.record(event(2));
          }
          return rows;
        };
      },
    });
    const racingLocal = { ...local, models: { ...local.models, AuditOutbox: racingOutbox } } as SqlStore;
    trail = new AuditTrail(() => ({ local: racingLocal, documents }), { ipAddress: null, userAgent: 'test' });

    await trail.record(event(1));
    await trail.flush();

    expect(injected).toBe(true);
    expect(await trail.pending()).toBe(0);
    const stored = await documents.systemAuditLogs.find({ userId: 7 }, { sort: { timestamp: 'asc' } });
    expect(stored.map((log) => log.resourceId)).toEqual([1, 2]);
    trail.close();
  });
});
