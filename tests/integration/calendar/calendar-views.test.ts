import { randomUUID } from 'node:crypto';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlStore, type SqlStore } from '../../../electron/main/data/sql/open-sql-store';
import { referenceCacheOf } from '../../../electron/main/services/cache/reference-cache';
import { countQueries } from '../../../electron/main/data/sql/query-counter';
import { calendarChanges } from '../../../electron/main/services/calendar/change-feed';
import { calendarMonth, monthRange } from '../../../electron/main/services/calendar/calendar-month';
import { calendarWeek } from '../../../electron/main/services/calendar/calendar-week';
import { recordArrival } from '../../../electron/main/services/scheduling/arrival';
import {
  bookAppointment,
  cancelAppointment,
  rescheduleAppointment,
  setAppointmentStatus,
} from '../../../electron/main/services/scheduling/booking';
import { addDays, mondayOf } from '../../../shared/domain/scheduling';
import type { SessionUser } from '../../../shared/ipc/types';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { fixedClock, MONDAY, NOW, seedClinic } from '../scheduling/clinic-fixture';

const desk: SessionUser = { id: 1, kind: 'staff', role: 'front_desk', displayName: 'Front Desk' };
const clock = fixedClock();

describe.each(SQL_TARGETS)('calendar week, month and change feed on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  /** A second workstation: its own connection (pool) to the same database. */
  let other: SqlStore;
  const book = (patientIndex: number, doctorIndex: number, date: string, time: string) =>
    bookAppointment(
      store,
      {
        patientId: clinic.patients[patientIndex]!.id,
        doctorId: clinic.doctors[doctorIndex]!.id,
        date,
        time,
        idempotencyKey: randomUUID(),
      },
      clock,
    );

  beforeAll(async () => {
    store = await openTestStore(target);
    other = await openSqlStore(store.config);
    clinic = await seedClinic(store, {
      doctors: 3,
      patients: 6,
      specialization: ['General Practice', 'Cardiology', 'Cardiology'],
    });
    await store.models.DoctorUnavailableDate.create({
      doctorId: clinic.doctors[0]!.id,
      unavailableDate: addDays(MONDAY, 2),
      startTime: null,
      endTime: null,
      reason: 'Conference',
    });
    // A spread of appointments over two months, in several statuses, with three doctors.
    let n = 0;
    for (let day = 0; day < 40; day += 3) {
      for (let doctor = 0; doctor < 3; doctor++) {
        if (day === 2 && doctor === 0) continue;
        const date = addDays(MONDAY, day);
        const made = await book(
          (n + doctor) % 6,
          doctor,
          date,
          `${String(8 + (n % 4)).padStart(2, '0')}:${n % 2 === 0 ? '00' : '30'}`,
        );
        if (n % 5 === 1)
          await cancelAppointment(store, { appointmentId: made.id, reason: 'Plans changed' }, desk, clock);
        else if (n % 7 === 3 && day > 0)
          await setAppointmentStatus(store, { appointmentId: made.id, status: 'Confirmed' }, clock);
        n++;
      }
    }
    // an inactive doctor's appointment is not counted in the overview
    await store.models.Doctor.update({ isActive: false }, { where: { id: clinic.doctors[2]!.id } });
  });
  afterAll(async () => {
    await other?.close();
    await store?.dispose();
  });

  it('gives one doctor Monday to Sunday: hours, blocks and the appointments, as the day view does', async () => {
    const week = await calendarWeek(store, { doctorId: clinic.doctors[0]!.id, date: addDays(MONDAY, 3) });
    expect(week.weekStart).toBe(MONDAY);
    expect(week.days.map((d) => d.date)).toEqual(Array.from({ length: 7 }, (_, i) => addDays(MONDAY, i)));
    expect(week.days[0]!.working).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ]);
    expect(week.days[2]!.working).toEqual([]);
    expect(week.days[2]!.blocks).toEqual([{ start: '00:00', end: '24:00', wholeDay: true, reason: 'Conference' }]);
    const [direct] = await store.sequelize.query(
      'SELECT id FROM appointments WHERE doctor_id = :doctorId AND appointment_date BETWEEN :from AND :to ORDER BY appointment_date, appointment_time, id',
      { type: QueryTypes.RAW, replacements: { doctorId: clinic.doctors[0]!.id, from: MONDAY, to: addDays(MONDAY, 6) } },
    );
    expect(week.days.flatMap((d) => d.appointments.map((a) => a.id))).toEqual(
      (direct as { id: number }[]).map((r) => Number(r.id)),
    );
    expect(week.days[0]!.appointments[0]).toMatchObject({ patientFirstName: expect.any(String), checkedInAt: null });
  });

  it('reads a week with three statements cold, one from a warm reference cache, and refuses an unknown doctor', async () => {
    referenceCacheOf(store.sequelize).invalidate();
    const cold = await countQueries(store.sequelize, () => calendarWeek(store, { doctorId: clinic.doctors[1]!.id, date: MONDAY }));
    const warm = await countQueries(store.sequelize, () => calendarWeek(store, { doctorId: clinic.doctors[1]!.id, date: MONDAY }));
    expect(cold.statements).toHaveLength(3);
    expect(warm.statements).toHaveLength(1);
    expect(warm.result).toEqual(cold.result);
    await expect(calendarWeek(store, { doctorId: 999_999, date: MONDAY })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts a month per date and status equal to a direct count, in one statement', async () => {
    const month = MONDAY.slice(0, 7);
    const { result, statements } = await countQueries(store.sequelize, () => calendarMonth(store, { month }));
    expect(statements).toHaveLength(1);
    const { from, to } = monthRange(month);
    expect(result.days).toHaveLength(31);
    expect(result.days[0]!.date).toBe(from);
    expect(result.days.at(-1)!.date).toBe(to);
    const [rows] = await store.sequelize.query(
      `SELECT a.appointment_date AS day, a.status AS status FROM appointments a JOIN doctors d ON d.id = a.doctor_id
        WHERE d.is_active = :active AND a.appointment_date BETWEEN :from AND :to`,
      { type: QueryTypes.RAW, replacements: { active: true, from, to } },
    );
    const expected = new Map<string, Record<string, number>>();
    for (const row of rows as { day: string; status: string }[]) {
      const counts = expected.get(String(row.day).slice(0, 10)) ?? {};
      counts[row.status] = (counts[row.status] ?? 0) + 1;
      expected.set(String(row.day).slice(0, 10), counts);
    }
    let total = 0;
    for (const day of result.days) {
      const want = expected.get(day.date) ?? {};
      for (const [status, count] of Object.entries(day.byStatus))
        expect([day.date, status, count]).toEqual([day.date, status, want[status] ?? 0]);
      expect(day.booked).toBe((want.Scheduled ?? 0) + (want.Confirmed ?? 0) + (want.Completed ?? 0));
      total += Object.values(day.byStatus).reduce((a, b) => a + b, 0);
    }
    expect(total).toBe((rows as unknown[]).length);
    expect(total).toBeGreaterThan(10);
  });

  it('narrows the month to chosen doctors or a specialization', async () => {
    const month = MONDAY.slice(0, 7);
    const one = await calendarMonth(store, { month, doctorIds: [clinic.doctors[1]!.id] });
    const cardiology = await calendarMonth(store, { month, specialization: 'Cardiology' });
    // doctor 2 (Cardiology) is inactive: the specialization means doctor 1 alone
    expect(cardiology.days).toEqual(one.days);
    const [[row]] = (await store.sequelize.query(
      'SELECT COUNT(*) AS n FROM appointments WHERE doctor_id = :doctorId AND appointment_date BETWEEN :from AND :to',
      { type: QueryTypes.RAW, replacements: { doctorId: clinic.doctors[1]!.id, ...monthRange(month) } },
    )) as unknown as [[{ n: number }]];
    expect(one.days.reduce((sum, d) => sum + Object.values(d.byStatus).reduce((a, b) => a + b, 0), 0)).toBe(
      Number(row.n),
    );
  });

  it('the change feed: a booking, move, status change, arrival or cancellation on one workstation shows on the other', async () => {
    const date = addDays(MONDAY, 1);
    const range = { from: MONDAY, to: addDays(MONDAY, 6) };
    const feed = async () => (await calendarChanges(other, range)).fingerprints;
    const seen: string[] = [];
    const expectChanged = async () => {
      const now = await feed();
      expect(now[date]).toBeDefined();
      expect(seen).not.toContain(now[date]);
      seen.push(now[date]!);
      return now;
    };
    const before = await feed();
    if (before[date]) seen.push(before[date]);
    const untouched = before[MONDAY];

    const made = await book(5, 1, date, '15:00');
    await expectChanged();
    await rescheduleAppointment(store, { appointmentId: made.id, date, time: '15:30' }, clock);
    await expectChanged();
    await rescheduleAppointment(
      store,
      { appointmentId: made.id, doctorId: clinic.doctors[0]!.id, date, time: '15:30' },
      clock,
    );
    await expectChanged();
    await setAppointmentStatus(store, { appointmentId: made.id, status: 'Confirmed' }, clock);
    await expectChanged();
    await cancelAppointment(store, { appointmentId: made.id, reason: 'Travelling' }, desk, clock);
    const after = await expectChanged();
    // other dates keep their fingerprint: the board only reloads what changed
    expect(after[MONDAY]).toBe(untouched);
  });

  it('the change feed sees an arrival on the day, and leaves out dates without appointments', async () => {
    const today = MONDAY;
    const made = await book(4, 1, today, '17:00');
    const before = (await calendarChanges(other, { from: today, to: today })).fingerprints[today];
    await recordArrival(store, made.id, fixedClock(NOW + 9 * 60));
    const after = (await calendarChanges(other, { from: today, to: today })).fingerprints[today];
    expect(after).not.toBe(before);
    const far = addDays(MONDAY, 200);
    expect((await calendarChanges(other, { from: far, to: addDays(far, 3) })).fingerprints).toEqual({});
  });

  it('reads the feed with one statement', async () => {
    const { statements } = await countQueries(other.sequelize, () =>
      calendarChanges(other, { from: MONDAY, to: addDays(MONDAY, 30) }),
    );
    expect(statements).toHaveLength(1);
  });

  it('mondayOf: the Monday of any date of the week', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((i) => mondayOf(addDays(MONDAY, i)))).toEqual(Array(7).fill(MONDAY));
    expect(mondayOf(addDays(MONDAY, 7))).toBe(addDays(MONDAY, 7));
    expect(mondayOf(addDays(MONDAY, -1))).toBe(addDays(MONDAY, -7));
  });
});
