/**
 * A change refused by the mirror's own rules while the clinic server is away (the slot is
 * taken, the record is not in the copy) leaves nothing in the outbox. The fault test found that
 * the replay it prompts then "drained" an empty outbox without asking the server and handed the
 * screens back to it while it was still away: every later call failed with SERVER_UNREACHABLE
 * until the outage ended, instead of being queued.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalId, localIdBase } from '../../../shared/domain/sync/local-ids';
import type { AppointmentView } from '../../../shared/ipc/scheduling-types';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import type { SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { startProxiedClinicServer, type ProxiedClinicServer, testWorkstationOptions } from '../../support/proxied-clinic-server';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk } from '../../support/workstation-stores';
import { createAccounts, tomorrow } from '../auth/accounts-fixture';
import { seedClinic } from '../scheduling/clinic-fixture';

describe('a change the mirror refuses while the server is away', () => {
  let dir: TempDir;
  let server: ProxiedClinicServer;
  let direct: SqlStore;
  let workstation: Workstation;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;

  beforeAll(async () => {
    dir = createTempDir();
    server = await startProxiedClinicServer();
    workstation = await startWorkstation(testWorkstationOptions(dir.path, server.env));
    direct = server.direct;
    clinic = await seedClinic(direct, { doctors: 1, patients: 2 });
    workstation.session.signIn((await createAccounts(direct)).front_desk.user);
    await workstation.sync.mirror!.pullNow();
  }, 90_000);

  afterAll(async () => {
    await workstation?.close();
    await server?.close();
    dir?.remove();
  });

  it('keeps the screens on the mirror, so the next change is queued', { timeout: 60_000 }, async () => {
    const [doctor] = clinic.doctors;
    const [patient1, patient2] = clinic.patients;
    await server.cut();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.monitor!.probeNow();
    expect(workstation.runtime.servingMirror).toBe(true);

    // Refused by the mirror: a record made offline that it does not hold (a server id it lacks would be kept for the server). Nothing is queued.
    const neverMade = localIdBase('appointments') + 999;
    expect(errorCode(await workstation.dispatch('appointments.cancel', { appointmentId: neverMade, reason: 'test' }))).toBe('NOT_FOUND');
    expect(await workstation.sync.outbox!.counts()).toEqual({ pending: 0, conflicts: 0 });
    await workstation.sync.outbox!.replay(); // the replay that refusal prompted, run to its end
    expect(workstation.runtime.servingMirror, 'screens on the mirror while the server is away').toBe(true);

    // The next change is queued, not refused as unreachable.
    const booked = await workstation.dispatch('appointments.book', {
      patientId: patient1!.id,
      doctorId: doctor!.id,
      date: tomorrow(),
      time: '09:00',
      idempotencyKey: randomUUID(),
    });
    expect(errorCode(booked)).toBe('ok');
    expect(isLocalId(expectOk<AppointmentView>(booked).id)).toBe(true);
    // And a slot the mirror already shows as taken is refused as such, again without leaving the mirror.
    const twice = await workstation.dispatch('appointments.book', { patientId: patient2!.id, doctorId: doctor!.id, date: tomorrow(), time: '09:00', idempotencyKey: randomUUID() });
    expect(errorCode(twice)).toBe('SLOT_TAKEN');
    await workstation.sync.outbox!.replay();
    expect(workstation.runtime.servingMirror).toBe(true);

    // Back: the booking goes out once and the screens return to the server.
    await server.restore();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.outbox!.replay();
    expect(workstation.runtime.servingMirror).toBe(false);
    expect(await direct.models.Appointment.count({ where: { patientId: patient1!.id, doctorId: doctor!.id } })).toBe(1);
  });

  it('works from the mirror when the relational server goes too, after an outage of the document server alone', { timeout: 60_000 }, async () => {
    const [doctor] = clinic.doctors;
    const [, patient2] = clinic.patients;
    const { sqlProxy, documentsProxy: mongoProxy } = server;
    await workstation.sync.mirror!.pullNow();
    // The document server alone goes away: offline (the indicator says so), changes queued.
    await mongoProxy.cut();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.monitor!.probeNow();
    expect(workstation.sync.monitor!.state.online).toBe(false);
    expect(workstation.runtime.servingMirror).toBe(true);
    const first = await workstation.dispatch('appointments.book', { patientId: patient2!.id, doctorId: doctor!.id, date: tomorrow(), time: '10:00', idempotencyKey: randomUUID() });
    expect(errorCode(first)).toBe('ok');
    await workstation.sync.outbox!.replay();
    // Then the relational server goes too, the document server still away: the next change must not be lost to "unreachable".
    await sqlProxy.cut();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.monitor!.probeNow();
    const second = await workstation.dispatch('appointments.book', { patientId: patient2!.id, doctorId: doctor!.id, date: tomorrow(), time: '11:00', idempotencyKey: randomUUID() });
    const third = await workstation.dispatch('appointments.book', { patientId: patient2!.id, doctorId: doctor!.id, date: tomorrow(), time: '11:30', idempotencyKey: randomUUID() });
    expect([errorCode(second), errorCode(third)], 'changes while both servers are away').toEqual(['ok', 'ok']);
    await sqlProxy.restore();
    await mongoProxy.restore();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.outbox!.replay();
    expect(await direct.models.Appointment.count({ where: { patientId: patient2!.id, doctorId: doctor!.id } })).toBe(3);
  });
});
