/**
 * A change refused by the mirror's own rules while the clinic server is away (the slot is
 * taken, the record is not in the copy) leaves nothing in the outbox. The fault test found that
 * the replay it prompts then "drained" an empty outbox without asking the server and handed the
 * screens back to it while it was still away: every later call failed with SERVER_UNREACHABLE
 * until the outage ended, instead of being queued.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLocalId } from '../../../shared/domain/sync/local-ids';
import type { AppointmentView } from '../../../shared/ipc/scheduling-types';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { createTempDir, createTestMongoDatabase, createTestMysqlDatabase, type TempDir, type TestDatabase } from '../../support/services';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { errorCode, expectOk } from '../../support/workstation-stores';
import { createAccounts, tomorrow } from '../auth/accounts-fixture';
import { seedClinic } from '../scheduling/clinic-fixture';

function throughProxy(url: string, port: number): string {
  const viaProxy = new URL(url);
  viaProxy.host = `127.0.0.1:${port}`;
  return viaProxy.toString();
}

describe('a change the mirror refuses while the server is away', () => {
  let dir: TempDir;
  let mysql: TestDatabase;
  let mongo: TestDatabase;
  let proxies: TcpProxy[];
  let direct: SqlStore;
  let workstation: Workstation;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;

  beforeAll(async () => {
    dir = createTempDir();
    mysql = await createTestMysqlDatabase();
    mongo = await createTestMongoDatabase();
    const sqlServer = new URL(mysql.url);
    const mongoServer = new URL(mongo.url);
    proxies = [
      await startTcpProxy(sqlServer.hostname, Number(sqlServer.port || 3306)),
      await startTcpProxy(mongoServer.hostname, Number(mongoServer.port || 27017)),
    ];
    workstation = await startWorkstation({
      dataDir: dir.path,
      env: { CLINIC_MYSQL_URL: throughProxy(mysql.url, proxies[0]!.port), CLINIC_MONGODB_URI: throughProxy(mongo.url, proxies[1]!.port) },
      secretBox: null,
      appVersion: '0.0.0-test',
      backgroundJobs: false,
    });
    direct = await openSqlStore({ dialect: 'mysql', url: mysql.url });
    clinic = await seedClinic(direct, { doctors: 1, patients: 2 });
    workstation.session.signIn((await createAccounts(direct)).front_desk.user);
    await workstation.sync.mirror!.pullNow();
  }, 90_000);

  afterAll(async () => {
    await workstation?.close();
    await direct?.close();
    for (const proxy of proxies ?? []) await proxy.close();
    await mysql?.drop();
    await mongo?.drop();
    dir?.remove();
  });

  it('keeps the screens on the mirror, so the next change is queued', { timeout: 60_000 }, async () => {
    const [doctor] = clinic.doctors;
    const [patient1, patient2] = clinic.patients;
    for (const proxy of proxies) await proxy.cut();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.monitor!.probeNow();
    expect(workstation.runtime.servingMirror).toBe(true);

    // Refused by the mirror: an appointment it does not hold. Nothing is queued.
    expect(errorCode(await workstation.dispatch('appointments.cancel', { appointmentId: 999_999, reason: 'test' }))).toBe('NOT_FOUND');
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
    for (const proxy of proxies) await proxy.restore();
    await workstation.sync.monitor!.probeNow();
    await workstation.sync.outbox!.replay();
    expect(workstation.runtime.servingMirror).toBe(false);
    expect(await direct.models.Appointment.count({ where: { patientId: patient1!.id, doctorId: doctor!.id } })).toBe(1);
  });

  it('works from the mirror when the relational server goes too, after an outage of the document server alone', { timeout: 60_000 }, async () => {
    const [doctor] = clinic.doctors;
    const [, patient2] = clinic.patients;
    const [sqlProxy, mongoProxy] = proxies as [TcpProxy, TcpProxy];
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
