import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { countQueries } from '../../../electron/main/data/sql/query-counter';
import { referenceCacheOf } from '../../../electron/main/services/cache/reference-cache';
import { calendarChanges } from '../../../electron/main/services/calendar/change-feed';
import { calendarDay } from '../../../electron/main/services/scheduling/calendar-day';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { MONDAY, seedClinic } from './clinic-fixture';

/**
 * The reference cache on two workstations sharing one database: A is `store`, B a second
 * connection to the same database (its own Sequelize instance, as another process would have).
 */
describe.each(SQL_TARGETS)('the reference cache on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let workstationB: SqlStore;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;

  const mondayHours = async (sql: SqlStore, doctorId: number) => {
    const day = await calendarDay(sql, { date: MONDAY, doctorIds: [doctorId] });
    return day.doctors[0]?.working;
  };
  const setMondayMorningEnd = (sql: SqlStore, doctorId: number, endTime: string) =>
    sql.models.DoctorAvailability.update({ endTime }, { where: { doctorId, dayOfWeek: 1, startTime: ['08:00', '08:00:00'] } });

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store, { doctors: 2, patients: 1 });
    workstationB = await openSqlStore(store.config);
  });
  afterAll(async () => {
    await workstationB?.close();
    await store?.dispose();
  });

  it('a calendar day costs three statements cold and one (the appointments) warm, with the same answer', async () => {
    const doctorId = clinic.doctors[0]!.id;
    referenceCacheOf(store.sequelize).invalidate();
    const cold = await countQueries(store.sequelize, () => calendarDay(store, { date: MONDAY, doctorIds: [doctorId] }));
    const warm = await countQueries(store.sequelize, () => calendarDay(store, { date: MONDAY, doctorIds: [doctorId] }));
    expect(cold.statements).toHaveLength(3);
    expect(warm.statements).toHaveLength(1);
    expect(warm.statements[0]).toMatch(/FROM appointments a JOIN patients p/);
    expect(warm.result).toEqual(cold.result);
    expect(warm.result.doctors[0]!.working).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }]);
  });

  it('a write on this workstation is seen by the next read at once', async () => {
    const doctorId = clinic.doctors[0]!.id;
    await mondayHours(store, doctorId); // warm
    await setMondayMorningEnd(store, doctorId, '11:00');
    expect(await mondayHours(store, doctorId)).toEqual([{ start: '08:00', end: '11:00' }, { start: '13:00', end: '18:00' }]);
  });

  it("another workstation's write is seen after one change-feed poll", async () => {
    const doctorId = clinic.doctors[1]!.id;
    await calendarChanges(store, { from: MONDAY, to: MONDAY }); // the feed's first look
    expect(await mondayHours(store, doctorId)).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }]);

    await setMondayMorningEnd(workstationB, doctorId, '10:30');
    // Until A polls, A serves its copy: the cache is really in use...
    expect(await mondayHours(store, doctorId)).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }]);
    // ...and B's own copy is not A's: each store keeps its own.
    expect(await mondayHours(workstationB, doctorId)).toEqual([{ start: '08:00', end: '10:30' }, { start: '13:00', end: '18:00' }]);

    const poll = await countQueries(store.sequelize, () => calendarChanges(store, { from: MONDAY, to: MONDAY }));
    expect(poll.statements).toHaveLength(1);
    expect(poll.result.fingerprints).not.toHaveProperty('reference');
    expect(await mondayHours(store, doctorId)).toEqual([{ start: '08:00', end: '10:30' }, { start: '13:00', end: '18:00' }]);
  });

  it("another workstation's new day off and setting change are seen after one poll", async () => {
    const doctorId = clinic.doctors[1]!.id;
    await calendarChanges(store, { from: MONDAY, to: MONDAY });
    const before = await calendarDay(store, { date: MONDAY, doctorIds: [doctorId] });
    expect(before.doctors[0]!.blocks).toEqual([]);
    expect(before.timezone).toBe('Europe/Berlin');

    await workstationB.models.DoctorUnavailableDate.create({ doctorId, unavailableDate: MONDAY, startTime: null, endTime: null, reason: 'conference' });
    await workstationB.models.ClinicSetting.update({ settingValue: 'Europe/Vienna' }, { where: { settingKey: 'clinic_timezone' } });
    await calendarChanges(store, { from: MONDAY, to: MONDAY });

    const after = await calendarDay(store, { date: MONDAY, doctorIds: [doctorId] });
    expect(after.doctors[0]!.blocks).toEqual([{ start: '00:00', end: '24:00', wholeDay: true, reason: 'conference' }]);
    expect(after.timezone).toBe('Europe/Vienna');
  });
});
