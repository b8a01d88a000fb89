import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStores, closeStores, requireStores, type StoreState } from '../../../electron/main/runtime/stores';
import { DEFAULT_SERVER_TUNING } from '../../../electron/main/config/store-config';
import { calendarMonth } from '../../../electron/main/services/calendar/calendar-month';
import { searchPatients } from '../../../electron/main/services/reception/patient-search';
import { seedClinic, MONDAY } from '../scheduling/clinic-fixture';
import { createTempDir, createTestMongoDatabase, createTestMysqlDatabase, testServerUrls, type TempDir, type TestDatabase } from '../../support/services';
import { runOn } from '../../support/replication-pair';

// Both pools sized from the settings, small on purpose: 50 calls at once from one workstation
// must queue for a connection and all finish, none failing on an exhausted pool.
const POOL = { mysqlPoolMax: 3, mongoMaxPoolSize: 2 };

describe('pool sizes from the settings under 50 concurrent calls', () => {
  let mysql: TestDatabase;
  let mongo: TestDatabase;
  let dir: TempDir;
  let state: StoreState;

  beforeAll(async () => {
    [mysql, mongo] = await Promise.all([createTestMysqlDatabase(), createTestMongoDatabase()]);
    dir = createTempDir();
    state = await openStores({
      mode: 'networked',
      dataDir: dir.path,
      sqlitePath: `${dir.path}/clinic-desk.sqlite`,
      mysqlUrl: mysql.url,
      mongoUri: mongo.url,
      mysqlReadUrls: [],
      tuning: {
        ...DEFAULT_SERVER_TUNING,
        mysqlPoolMax: POOL.mysqlPoolMax,
        // The replica-set options as a clinic would set them; FerretDB accepts and ignores them.
        mongo: { ...DEFAULT_SERVER_TUNING.mongo, maxPoolSize: POOL.mongoMaxPoolSize },
      },
    });
    await seedClinic(requireStores(state).sql, { doctors: 2, patients: 5 });
  });
  afterAll(async () => {
    await closeStores(state);
    await Promise.all([mysql?.drop(), mongo?.drop()]);
    dir?.remove();
  });

  it('finishes every one of 50 concurrent calls and never opens more MySQL connections than the setting', async () => {
    const { sql, documents } = requireStores(state);
    const calls = Array.from({ length: 50 }, (_, i) => {
      switch (i % 4) {
        case 0:
          return calendarMonth(sql, { month: MONDAY.slice(0, 7) }).then((month) => month.days.length);
        case 1:
          return searchPatients(sql, { query: 'a', limit: 5, includeInactive: false }).then((found) => found.length);
        case 2:
          return documents.systemAuditLogs
            .insert({ eventId: randomUUID(), userType: 'system', action: 'pool_test', resourceType: 'patient', patientId: 1 + (i % 5) })
            .then(() => 1);
        default:
          return documents.systemAuditLogs.find({ patientId: 1 + (i % 5) }, { limit: 10 }).then((found) => found.length + 1);
      }
    });
    const settled = await Promise.allSettled(calls);
    expect(settled.filter((s) => s.status === 'rejected')).toEqual([]);
    expect(await documents.systemAuditLogs.count({ action: 'pool_test' })).toBe(12);
    const connections = await runOn(testServerUrls().mysqlUrl, 'SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ?', [mysql.name]);
    expect(connections.length).toBeGreaterThan(0);
    expect(connections.length).toBeLessThanOrEqual(POOL.mysqlPoolMax);
  });
});
