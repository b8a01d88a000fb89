import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countQueries } from '../../../electron/main/data/sql/query-counter';
import { referenceCacheOf } from '../../../electron/main/services/cache/reference-cache';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { calendarDay } from '../../../electron/main/services/scheduling/calendar-day';
import { soonestSlots } from '../../../electron/main/services/scheduling/slot-queries';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { fixedClock, MONDAY, seedClinic } from './clinic-fixture';

/** The round trips the scheduling services promise (docs/architecture.md): a budget, so a regression shows. */
describe.each(SQL_TARGETS)('round trips on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  const clock = fixedClock();

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store, { doctors: 12, patients: 2 });
  });
  afterAll(async () => store?.dispose());

  it('a booking: settings, transaction, locks with the key, one schedule query, two inserts', async () => {
    // A warm reference cache changes nothing here: a booking reads committed rows itself.
    await calendarDay(store, { date: MONDAY });
    const { statements } = await countQueries(store.sequelize, () =>
      bookAppointment(store, { patientId: clinic.patients[0]!.id, doctorId: clinic.doctors[0]!.id, date: MONDAY, time: '09:00', idempotencyKey: randomUUID() }, clock),
    );
    // MariaDB: settings, SET ISOLATION, START, doctor lock, patient lock + key, schedule, 2 INSERTs, COMMIT.
    // SQLite: no isolation statement, and the IMMEDIATE transaction stands in for the doctor lock.
    expect(statements).toHaveLength(target.dialect === 'mysql' ? 9 : 7);
    expect(statements.filter((s) => /SELECT 'd' AS kind/.test(s))).toHaveLength(1);
  });

  it('a calendar day of 12 doctors: settings, schedules and appointments cold; the appointments alone from a warm cache', async () => {
    referenceCacheOf(store.sequelize).invalidate();
    const cold = await countQueries(store.sequelize, () => calendarDay(store, { date: MONDAY }));
    const warm = await countQueries(store.sequelize, () => calendarDay(store, { date: MONDAY }));
    expect(cold.result.doctors).toHaveLength(12);
    expect(cold.statements).toHaveLength(3);
    expect(warm.statements).toHaveLength(1);
  });

  it('the soonest slots over every doctor and a month: at most two queries', async () => {
    const { result, statements } = await countQueries(store.sequelize, () => soonestSlots(store, { count: 5, days: 30 }, clock));
    expect(result).toHaveLength(5);
    expect(statements.length).toBeLessThanOrEqual(2);
  });
});
