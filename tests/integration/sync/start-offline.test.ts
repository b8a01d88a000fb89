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
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { startProxiedClinicServer, testWorkstationOptions, type ProxiedClinicServer } from '../../support/proxied-clinic-server';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk } from '../../support/workstation-stores';
import { createAccounts, PASSWORD, tomorrow } from '../auth/accounts-fixture';
import { seedClinic } from '../scheduling/clinic-fixture';
import { patientValues } from '../sql/fixtures';

describe('starting while the clinic server is away', () => {
  let dir: TempDir;
  let server: ProxiedClinicServer;
  let direct: SqlStore;
  let workstation: Workstation | null = null;
  let options: WorkstationOptions;
  let accounts: Awaited<ReturnType<typeof createAccounts>>;

  beforeAll(async () => {
    dir = createTempDir();
    server = await startProxiedClinicServer();
    options = testWorkstationOptions(dir.path, server.env);
    direct = server.direct;
    await seedClinic(direct, { doctors: 2, patients: 3 });
    accounts = await createAccounts(direct);
  }, 90_000);

  afterAll(async () => {
    await workstation?.close();
    await server?.close();
    dir?.remove();
  });

  it('opens on the mirror, signs in a known user offline, and sends the changes once the server appears', { timeout: 120_000 }, async () => {
    // A first day online: the mirror is filled and the receptionist signs in here.
    workstation = await startWorkstation(options);
    await workstation.sync.mirror!.pullNow();
    expectOk(await workstation.dispatch('session.signIn', { identifier: accounts.front_desk.identifier, password: PASSWORD }));
    await workstation.close();

    // Next morning the server is away.
    await server.cut();
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
    await server.restore();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.outbox!.replay();
    expect(workstation.runtime.servingMirror).toBe(false);
    expect(await direct.models.Patient.count({ where: { email: registered.email } })).toBe(1);
    expect(expectOk<SyncStatus>(await workstation.dispatch('sync.status', {}))).toMatchObject({ online: true, pendingChanges: 0 });
    await workstation.sync.mirror!.pullNow();
    expect(await workstation.runtime.localStore()!.models.Patient.count()).toBe(await direct.models.Patient.count());
  });

  it('numbers new records as its own once the same file is used standalone', { timeout: 60_000 }, async () => {
    await workstation?.close();
    workstation = await startWorkstation({ ...options, env: {} });
    expect(workstation.runtime.config?.mode).toBe('standalone');
    workstation.session.signIn(accounts.front_desk.user);
    const { passwordHash: _unused, ...patient } = patientValues();
    const registered = expectOk<PatientDetails>(await workstation.dispatch('patients.register', { patient, acknowledgeDuplicates: true }));
    expect(isLocalId(registered.id)).toBe(false);
  });
});
