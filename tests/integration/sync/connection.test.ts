/**
 * A networked workstation whose connection to MariaDB runs through a TCP proxy that the test cuts
 * and restores: the monitor reports the outage (dated from its first failed probe) and the
 * recovery, and the recovery brings the mirror up to date with what changed meanwhile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import type { SyncStatus } from '../../../shared/ipc/sync/types';
import { createTempDir, type TempDir } from '../../support/services';
import { startProxiedClinicServer, type ProxiedClinicServer, testWorkstationOptions } from '../../support/proxied-clinic-server';
import { expectOk } from '../../support/workstation-stores';
import { createAccounts } from '../auth/accounts-fixture';
import { patientValues } from '../sql/fixtures';
import { seedClinic } from '../scheduling/clinic-fixture';

describe('the connection to the clinic server', () => {
  let dir: TempDir;
  let server: ProxiedClinicServer;
  let direct: SqlStore;
  let workstation: Workstation;
  const localPatients = () => workstation.runtime.stores().local.models.Patient.count();

  beforeAll(async () => {
    dir = createTempDir();
    server = await startProxiedClinicServer();
    workstation = await startWorkstation(testWorkstationOptions(dir.path, server.env));
    expect(workstation.runtime.state.ready).toBe(true);
    // another workstation's view of the same server, not through the proxy
    direct = server.direct;
  }, 60_000);

  afterAll(async () => {
    await workstation?.close();
    await server?.close();
    dir?.remove();
  });

  it('reports the outage and the recovery, and catches the mirror up on recovery', { timeout: 120_000 }, async () => {
    const { monitor, mirror } = workstation.sync;
    expect(monitor && mirror).toBeTruthy();
    await seedClinic(direct, { doctors: 1, patients: 3 });
    const accounts = await createAccounts(direct);
    workstation.session.signIn(accounts.front_desk.user);
    await mirror!.pullNow();
    const before = await localPatients();
    expect(before).toBe(await direct.models.Patient.count());

    expect((await monitor!.probeNow()).online).toBe(true);
    await server.cut();
    const firstFailure = await monitor!.probeNow();
    expect(firstFailure.online).toBe(true);
    const outage = await monitor!.probeNow();
    expect(outage.online).toBe(false);
    const status = expectOk<SyncStatus>(await workstation.dispatch('sync.status', {}));
    expect(status).toMatchObject({ mode: 'networked', online: false });
    expect(Date.parse(status.offlineSince!)).toBe(firstFailure.failingSinceMs);

    // the clinic goes on at another workstation meanwhile
    await direct.models.Patient.create(patientValues());
    await server.restore();
    expect((await monitor!.probeNow()).online).toBe(true);
    // the recovery started a pull; pullNow joins it
    await mirror!.pullNow();
    expect(await localPatients()).toBe(before + 1);
    const back = expectOk<SyncStatus>(await workstation.dispatch('sync.status', {}));
    expect(back).toMatchObject({ online: true, offlineSince: null, mirrorProblem: null });
    expect(back.lastMirrorPull).not.toBeNull();
  });
});
