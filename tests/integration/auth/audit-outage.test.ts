/**
 * The audit trail on a networked workstation while the MongoDB-compatible server goes away and
 * comes back (its connections cut through a TCP proxy): every call still succeeds, its audit
 * record waits in the local outbox, and once the server is back every record arrives, in
 * order, none twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { createTempDir, createTestMongoDatabase, createTestMysqlDatabase, type TempDir, type TestDatabase } from '../../support/services';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import { expectOk } from '../../support/workstation-stores';
import { createAccounts, seedBookableClinic, tomorrow } from './accounts-fixture';
import { workstationClock } from '../scheduling/clinic-fixture';

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('audit records while the document server is unreachable', () => {
  let dir: TempDir;
  let mysql: TestDatabase;
  let mongo: TestDatabase;
  let proxy: TcpProxy;
  let workstation: Workstation;

  beforeAll(async () => {
    dir = createTempDir();
    mysql = await createTestMysqlDatabase();
    mongo = await createTestMongoDatabase();
    const server = new URL(mongo.url);
    proxy = await startTcpProxy(server.hostname, Number(server.port || 27017));
    const viaProxy = new URL(mongo.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    workstation = await startWorkstation({
      dataDir: dir.path,
      env: { CLINIC_MYSQL_URL: mysql.url, CLINIC_MONGODB_URI: viaProxy.toString() },
      secretBox: null,
      appVersion: '0.0.0-test', nowMs: workstationClock(),
    });
    expect(workstation.runtime.state.ready).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await workstation?.close();
    await proxy?.close();
    await mysql?.drop();
    await mongo?.drop();
    dir?.remove();
  });

  it('buffers them locally and delivers all of them, in order, exactly once', { timeout: 180_000 }, async () => {
    const { sql, documents } = workstation.runtime.stores();
    const clinic = await seedBookableClinic(sql, 1, 1);
    const accounts = await createAccounts(sql);
    workstation.session.signIn(accounts.front_desk.user);
    const doctorId = clinic.doctors[0]!.id;
    const look = () => workstation.dispatch('slots.free', { doctorId, fromDate: tomorrow(), days: 1 });
    const book = (time: string) =>
      workstation.dispatch('appointments.book', { doctorId, patientId: clinic.patients[0]!.id, date: tomorrow(), time, idempotencyKey: `outage-${time.replace(':', '')}` });

    // online: delivered straight away
    expectOk(await book('08:00'));
    await until(async () => (await workstation.audit.pending()) === 0, 20_000);

    // the server goes away: calls keep working, records wait locally
    await proxy.cut();
    expectOk(await book('09:00'));
    expectOk(await look()); // free slots hold no patient data: no audit record
    expectOk(await book('10:00'));
    expect(await workstation.audit.pending()).toBe(2);

    // back, then away again mid-delivery, then back for good
    await proxy.restore();
    await workstation.audit.flush();
    await proxy.cut();
    expectOk(await book('11:00'));
    await proxy.restore();
    await until(async () => {
      await workstation.audit.flush();
      return (await workstation.audit.pending()) === 0;
    }, 90_000);

    const stored = await documents.systemAuditLogs.find({ userId: accounts.front_desk.user.id }, { sort: { timestamp: 'asc' } });
    const actions = stored.map((log) => log.action);
    expect(actions).toEqual(['book_appointment', 'book_appointment', 'book_appointment', 'book_appointment']);
    const eventIds = stored.map((log) => log.eventId);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    const booked = stored.filter((log) => log.action === 'book_appointment').map((log) => log.resourceId);
    const appointments = await sql.models.Appointment.findAll({ order: [['appointmentTime', 'ASC']] });
    expect(booked).toEqual(appointments.map((a) => a.id));
  });
});
