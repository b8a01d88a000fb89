/**
 * A networked workstation started while the clinic server is away: it opens on its mirror (an
 * earlier run filled it), signs in someone who signed in here before, takes changes, and sends
 * them when the server appears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../../shared/ipc/types';
import type { PatientDetails } from '../../../shared/ipc/reception/types';
import type { SyncStatus } from '../../../shared/ipc/sync/types';
import { isLocalId } from '../../../shared/domain/sync/local-ids';
import { startWorkstation, type Workstation, type WorkstationOptions } from '../../../electron/main/compose';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { createTempDir, createTestMongoDatabase, createTestMysqlDatabase, type TempDir, type TestDatabase } from '../../support/services';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { errorCode, expectOk } from '../../support/workstation-stores';
import { createAccounts, PASSWORD, tomorrow } from '../auth/accounts-fixture';
import { seedClinic } from '../scheduling/clinic-fixture';
import { patientValues } from '../sql/fixtures';

describe('starting while the clinic server is away', () => {
  let dir: TempDir;
  let mysql: TestDatabase;
  let mongo: TestDatabase;
  const proxies: TcpProxy[] = [];
  let direct: SqlStore;
  let workstation: Workstation | null = null;
  let options: WorkstationOptions;
  let accounts: Awaited<ReturnType<typeof createAccounts>>;

  beforeAll(async () => {
    dir = createTempDir();
    mysql = await createTestMysqlDatabase();
    mongo = await createTestMongoDatabase();
    const env: NodeJS.ProcessEnv = {};
    for (const [name, url, port] of [
      ['CLINIC_MYSQL_URL', mysql.url, 3306],
      ['CLINIC_MONGODB_URI', mongo.url, 27017],
    ] as const) {
      const target = new URL(url);
      const proxy = await startTcpProxy(target.hostname, Number(target.port || port));
      proxies.push(proxy);
      target.host = `127.0.0.1:${proxy.port}`;
      env[name] = target.toString();
    }
    options = { dataDir: dir.path, env, secretBox: null, appVersion: '0.0.0-test', backgroundJobs: false };
    direct = await openSqlStore({ dialect: 'mysql', url: mysql.url });
    await seedClinic(direct, { doctors: 2, patients: 3 });
    accounts = await createAccounts(direct);
  }, 90_000);

  afterAll(async () => {
    await workstation?.close();
    await direct?.close();
    for (const proxy of proxies) await proxy.close();
    await mysql?.drop();
    await mongo?.drop();
    dir?.remove();
  });

  it('opens on the mirror, signs in a known user offline, and sends the changes once the server appears', { timeout: 120_000 }, async () => {
    // A first day online: the mirror is filled and the receptionist signs in here.
    workstation = await startWorkstation(options);
    await workstation.sync.mirror!.pullNow();
    expectOk(await workstation.dispatch('session.signIn', { identifier: accounts.front_desk.identifier, password: PASSWORD }));
    await workstation.close();

    // Next morning the server is away.
    for (const proxy of proxies) await proxy.cut();
    workstation = await startWorkstation(options);
    expect(workstation.runtime.servingMirror).toBe(true);
    const appStatus = expectOk<AppStatus>(await workstation.dispatch('app.status', {}));
    expect(appStatus.fatal).toBeUndefined();
    expect(appStatus.setupRequired).toBe(false);

    // Only someone who signed in here before gets in.
    expect(errorCode(await workstation.dispatch('session.signIn', { identifier: accounts.admin.identifier, password: PASSWORD }))).toBe('OFFLINE');
    expectOk(await workstation.dispatch('session.signIn', { identifier: accounts.front_desk.identifier, password: PASSWORD }));
    expect(expectOk<SyncStatus>(await workstation.dispatch('sync.status', {}))).toMatchObject({ online: false, servingFromMirror: true });
    expectOk(await workstation.dispatch('calendar.day', { date: tomorrow() }));
    const { passwordHash: _unused, ...patient } = patientValues();
    const registered = expectOk<PatientDetails>(await workstation.dispatch('patients.register', { patient, acknowledgeDuplicates: true }));
    expect(isLocalId(registered.id)).toBe(true);

    // The server appears: the first good probe opens it, and the change goes out.
    for (const proxy of proxies) await proxy.restore();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.outbox!.replay();
    expect(workstation.runtime.servingMirror).toBe(false);
    expect(await direct.models.Patient.count({ where: { email: registered.email } })).toBe(1);
    expect(expectOk<SyncStatus>(await workstation.dispatch('sync.status', {}))).toMatchObject({ online: true, pendingChanges: 0 });
  });
});
