/**
 * Calls the connection monitor has not caught up with, and ids that outlive a replay:
 * - a change sent while the screens are still on the server, when the server goes away before
 *   it is saved or after it is saved but before its answer arrives: never "not saved", it is
 *   queued under its own key, shown as pending, and on the server exactly once afterwards;
 * - a change to a record the mirror has not copied yet is kept for the server, not refused;
 * - the pending id of a record made offline still works once the replay has given it a server
 *   id, online and in the next outage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalId } from '../../../shared/domain/sync/local-ids';
import type { PatientDetails } from '../../../shared/ipc/reception/types';
import type { SyncStatus } from '../../../shared/ipc/sync/types';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { startProxiedClinicServer, type ProxiedClinicServer, testWorkstationOptions } from '../../support/proxied-clinic-server';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk } from '../../support/workstation-stores';
import { createAccounts } from '../auth/accounts-fixture';
import { seedClinic } from '../scheduling/clinic-fixture';
import { patientValues } from '../sql/fixtures';

function newPatient() {
  const { firstName, lastName, email, phone, dateOfBirth, gender } = patientValues();
  return { firstName, lastName, email, phone, dateOfBirth, gender };
}

describe('a change cut off mid-way, a record the mirror lacks, a pending id after the replay', () => {
  let dir: TempDir;
  let server: ProxiedClinicServer;
  let direct: SqlStore;
  let workstation: Workstation;

  const status = async () => expectOk<SyncStatus>(await workstation.dispatch('sync.status', {}));
  /** The server is back: the monitor sees it, the outbox drains, the mirror catches up. */
  const backOnline = async () => {
    await server.restore();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.outbox!.replay();
    await workstation.sync.mirror!.pullNow();
  };
  const phoneOnServer = async (email: string) => (await direct.models.Patient.findOne({ where: { email } }))?.phone;

  beforeAll(async () => {
    dir = createTempDir();
    server = await startProxiedClinicServer();
    direct = server.direct;
    workstation = await startWorkstation(testWorkstationOptions(dir.path, server.env));
    await seedClinic(direct, { doctors: 1, patients: 2 });
    workstation.session.signIn((await createAccounts(direct)).front_desk.user);
    await workstation.sync.mirror!.pullNow();
  }, 90_000);

  afterAll(async () => {
    await workstation?.close();
    await server?.close();
    dir?.remove();
  });

  it('queues a change the server went away under before saving it, and applies it once', { timeout: 60_000 }, async () => {
    const patient = newPatient();
    await server.cut(); // the monitor has not probed: the screens are still on the server
    expect(workstation.runtime.servingMirror).toBe(false);
    const made = await workstation.dispatch('patients.register', { patient, acknowledgeDuplicates: true });
    expect(errorCode(made)).toBe('ok');
    expect(isLocalId(expectOk<PatientDetails>(made).id), 'shown as pending').toBe(true);
    expect((await status()).pendingChanges).toBe(1);

    await backOnline();
    expect(await direct.models.Patient.count({ where: { email: patient.email } })).toBe(1);
    expect(await status()).toMatchObject({ pendingChanges: 0, conflicts: 0, servingFromMirror: false });
  });

  it('queues a change whose answer was lost after the server saved it, and does not apply it twice', { timeout: 60_000 }, async () => {
    const patient = newPatient();
    const registered = expectOk<PatientDetails>(await workstation.dispatch('patients.register', { patient, acknowledgeDuplicates: true }));
    expect(isLocalId(registered.id)).toBe(false);
    await workstation.sync.mirror!.whenIdle(); // the mirror has copied the new patient

    // The next write transaction commits on the server, then the connection drops before the answer.
    const sequelize = workstation.runtime.serverStores().sql.sequelize;
    const transaction = sequelize.transaction.bind(sequelize);
    let committed = 0;
    sequelize.transaction = (async (...args: Parameters<typeof transaction>) => {
      sequelize.transaction = transaction;
      await (transaction as (...a: unknown[]) => Promise<unknown>)(...args);
      committed++;
      await server.cut();
      throw Object.assign(new Error('Connection lost: The server closed the connection.'), { code: 'PROTOCOL_CONNECTION_LOST' });
    }) as typeof sequelize.transaction;

    const changed = await workstation.dispatch('patients.update', { patientId: registered.id, patient: { ...patient, phone: '+15550100177' }, acknowledgeDuplicates: true });
    expect(committed, 'the change reached the server').toBe(1);
    expect(errorCode(changed), 'answered as saved on this workstation, pending').toBe('ok');
    expect((await status()).pendingChanges).toBe(1);
    expect(await phoneOnServer(patient.email)).toBe('+15550100177');

    // Changed again on the server meanwhile: a second application of the lost change would undo this.
    await direct.models.Patient.update({ phone: '+15550100188' }, { where: { email: patient.email } });
    await backOnline();
    expect(await phoneOnServer(patient.email), 'the lost change was not applied a second time').toBe('+15550100188');
    expect(await status()).toMatchObject({ pendingChanges: 0, conflicts: 0, servingFromMirror: false });
  });

  it('keeps an offline change to a record the mirror has not copied yet, for the server to settle', { timeout: 60_000 }, async () => {
    const patient = newPatient();
    // Registered at another workstation a moment ago: this mirror has not pulled it.
    const elsewhere = await direct.models.Patient.create({ ...patient, passwordHash: 'x'.repeat(60) });
    await server.cut();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.monitor!.probeNow();
    expect(workstation.runtime.servingMirror).toBe(true);
    const changed = await workstation.dispatch('patients.update', { patientId: elsewhere.id, patient: { ...patient, phone: '+15550100199' }, acknowledgeDuplicates: true });
    expect(errorCode(changed), 'kept, not refused').toBe('OFFLINE_QUEUED');
    expect((await status()).pendingChanges).toBe(1);

    await backOnline();
    expect(await phoneOnServer(patient.email)).toBe('+15550100199');
    expect(await status()).toMatchObject({ pendingChanges: 0, conflicts: 0 });
  });

  it('answers a call naming a pending id for the record the server made of it', { timeout: 60_000 }, async () => {
    const patient = newPatient();
    await server.cut();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.monitor!.probeNow();
    const made = expectOk<PatientDetails>(await workstation.dispatch('patients.register', { patient, acknowledgeDuplicates: true }));
    expect(isLocalId(made.id)).toBe(true);
    await backOnline();
    expect(workstation.runtime.servingMirror).toBe(false);

    // The screen still shows the pending id.
    const online = await workstation.dispatch('patients.update', { patientId: made.id, patient: { ...patient, phone: '+15550100111' }, acknowledgeDuplicates: true });
    expect(errorCode(online), 'online, by its pending id').toBe('ok');
    expect(await phoneOnServer(patient.email)).toBe('+15550100111');

    // And in the next outage, from the mirror.
    await server.cut();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.monitor!.probeNow();
    expect(workstation.runtime.servingMirror).toBe(true);
    const offline = await workstation.dispatch('patients.update', { patientId: made.id, patient: { ...patient, phone: '+15550100122' }, acknowledgeDuplicates: true });
    expect(errorCode(offline), 'offline, by its pending id').toBe('ok');
    await backOnline();
    expect(await phoneOnServer(patient.email)).toBe('+15550100122');
    expect(await status()).toMatchObject({ pendingChanges: 0, conflicts: 0, servingFromMirror: false });
  });
});
