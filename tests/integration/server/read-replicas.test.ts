import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { calendarMonth } from '../../../electron/main/services/calendar/calendar-month';
import { searchPatients } from '../../../electron/main/services/reception/patient-search';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { readFrom } from '../../../electron/main/data/sql/read-routing';
import { fixedClock, MONDAY, seedClinic } from '../scheduling/clinic-fixture';
import { replicaCaughtUp, runOn, startReplicationPair, statementCount, withDatabase, type ReplicationPair } from '../../support/replication-pair';

// A real MariaDB primary with binary logging and a replica following it by GTID, started for this
// file alone: the tests stop the replica's threads and the replica itself.
describe('read replicas on real GTID replication', () => {
  let pair: ReplicationPair;
  let store: SqlStore;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  const database = `cdt_replicas_${randomBytes(4).toString('hex')}`;
  const clock = fixedClock();
  const month = MONDAY.slice(0, 7);
  const booked = async () => (await calendarMonth(store, { month })).days.find((day) => day.date === MONDAY)!.booked;
  let nextTime = 8 * 60;
  const book = (patientIndex: number) => {
    const minutes = (nextTime += 30);
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    return bookAppointment(
      store,
      { patientId: clinic.patients[patientIndex]!.id, doctorId: clinic.doctors[0]!.id, date: MONDAY, time, idempotencyKey: randomUUID() },
      clock,
    );
  };
  /** What the two servers ran while `work` did, by their own statement counters. */
  const ranOn = async (counter: string, work: () => Promise<unknown>) => {
    const before = [await statementCount(pair.primaryUrl, counter), await statementCount(pair.replicaUrl, counter)];
    await work();
    return { primary: (await statementCount(pair.primaryUrl, counter)) - before[0]!, replica: (await statementCount(pair.replicaUrl, counter)) - before[1]! };
  };

  beforeAll(async () => {
    pair = await startReplicationPair();
    await runOn(pair.primaryUrl, `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    store = await openSqlStore({
      dialect: 'mysql',
      url: withDatabase(pair.primaryUrl, database),
      readUrls: [withDatabase(pair.replicaUrl, database)],
      // Looked at only when a test says so, so each test decides what the router knows.
      routing: { maxLagSeconds: 30, checkEverySeconds: 3600, readYourWritesSeconds: 10 },
    });
    clinic = await seedClinic(store, { doctors: 1, patients: 12 });
    await replicaCaughtUp(pair);
    expect(await store.reads!.checkReplicas()).toEqual([expect.objectContaining({ state: 'ok' })]);
  });
  afterAll(async () => {
    await store?.close();
    await pair?.stop();
  });

  it('sends reads that may be stale to the replica, and none of them to the primary', async () => {
    await booked(); // takes the position of the seed's writes once
    const ran = await ranOn('Com_select', async () => {
      await calendarMonth(store, { month });
      await searchPatients(store, { query: 'a', limit: 10, includeInactive: false });
      await calendarMonth(store, { month, doctorIds: [clinic.doctors[0]!.id] });
    });
    expect(ran.replica).toBeGreaterThanOrEqual(3);
    expect(ran.primary).toBe(0);
  });

  it('keeps reads a rule depends on, and the booking transaction, on the primary', async () => {
    await booked();
    const selects = await ranOn('Com_select', () => book(0));
    expect(selects.replica).toBe(0);
    expect(selects.primary).toBeGreaterThan(0);
    const primaryOnly = await ranOn('Com_select', () => readFrom(store, 'primary', (reader) => reader.models.Patient.count()));
    expect(primaryOnly).toEqual({ primary: 1, replica: 0 });
  });

  it('reads its own booking right after making it', async () => {
    const before = await booked();
    await book(1);
    expect(await booked()).toBe(before + 1);
  });

  it('reads from the primary while the replica has not applied this workstation’s write, and from the replica once it has', async () => {
    await runOn(pair.replicaUrl, 'STOP SLAVE SQL_THREAD');
    try {
      const before = await booked();
      await book(2);
      // The router still holds the replica for up to date (not looked at since): the GTID check alone keeps the read right.
      expect(store.reads!.health()[0]!.state).toBe('ok');
      const ran = await ranOn('Com_select', async () => expect(await booked()).toBe(before + 1));
      expect(ran.primary).toBeGreaterThan(0);
    } finally {
      await runOn(pair.replicaUrl, 'START SLAVE SQL_THREAD');
    }
    await replicaCaughtUp(pair);
    const expected = await readFrom(store, 'primary', (reader) => reader.models.Appointment.count());
    const ran = await ranOn('Com_select', async () => {
      expect((await calendarMonth(store, { month })).days.reduce((sum, day) => sum + day.booked, 0)).toBe(expected);
    });
    expect(ran).toMatchObject({ primary: 0 });
    expect(ran.replica).toBeGreaterThan(0);
  });

  it('skips a replica that has stopped applying, and says so', async () => {
    await runOn(pair.replicaUrl, 'STOP SLAVE SQL_THREAD');
    try {
      const [health] = await store.reads!.checkReplicas();
      expect(health).toMatchObject({ state: 'lagging', problem: expect.stringMatching(/stopped/) });
      const ran = await ranOn('Com_select', () => calendarMonth(store, { month }));
      expect(ran).toEqual({ primary: 1, replica: 0 });
    } finally {
      await runOn(pair.replicaUrl, 'START SLAVE SQL_THREAD');
    }
    await replicaCaughtUp(pair);
    expect(await store.reads!.checkReplicas()).toEqual([expect.objectContaining({ state: 'ok' })]);
  });

  it('falls back to the primary with no failed call when the replica stops', async () => {
    await booked();
    expect(store.reads!.health()[0]!.state).toBe('ok');
    await runOn(pair.replicaUrl, 'SHUTDOWN');
    const results = await Promise.all(Array.from({ length: 5 }, () => booked()));
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toBeGreaterThan(0);
    expect(store.reads!.health()[0]).toMatchObject({ state: 'down' });
    expect(await searchPatients(store, { query: 'a', limit: 10, includeInactive: false })).not.toHaveLength(0);
  });
});
