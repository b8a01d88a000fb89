import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceCacheOf } from '../../../electron/main/services/cache/reference-cache';
import { countQueries } from '../../../electron/main/data/sql/query-counter';
import { bookAppointment, cancelAppointment } from '../../../electron/main/services/scheduling/booking';
import { calendarDay } from '../../../electron/main/services/scheduling/calendar-day';
import { addDays } from '../../../shared/domain/scheduling';
import type { SessionUser } from '../../../shared/ipc/types';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { fixedClock, MONDAY, seedClinic } from './clinic-fixture';

const desk: SessionUser = { id: 1, kind: 'staff', role: 'front_desk', displayName: 'Front Desk' };

describe.each(SQL_TARGETS)('the calendar day on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  const clock = fixedClock();
  const ids = () => clinic.doctors.map((d) => d.id);

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store, { doctors: 4, patients: 3, specialization: ['General Practice', 'Cardiology', 'Cardiology', 'General Practice'] });
    const [gp, cardio, away, other] = clinic.doctors;
    await store.models.DoctorUnavailableDate.bulkCreate([
      { doctorId: cardio!.id, unavailableDate: MONDAY, startTime: '13:00', endTime: '15:00', reason: 'Team meeting' },
      { doctorId: away!.id, unavailableDate: MONDAY, startTime: null, endTime: null, reason: 'Conference' },
      { doctorId: gp!.id, unavailableDate: addDays(MONDAY, 1), startTime: null, endTime: null, reason: 'Vacation' },
    ]);
    const [ada, bob, cy] = clinic.patients;
    const book = (patientId: number, doctorId: number, time: string, date = MONDAY) =>
      bookAppointment(store, { patientId, doctorId, date, time, idempotencyKey: randomUUID() }, clock);
    await book(ada!.id, gp!.id, '10:00');
    await book(bob!.id, gp!.id, '08:30');
    const cancelled = await book(cy!.id, gp!.id, '11:00');
    await cancelAppointment(store, { appointmentId: cancelled.id, reason: 'Feeling better' }, desk, clock);
    await book(cy!.id, cardio!.id, '15:00');
    await book(ada!.id, other!.id, '09:00', addDays(MONDAY, 1)); // another day: not shown
    await store.models.Doctor.update({ isActive: false }, { where: { id: other!.id } });
  });
  afterAll(async () => store?.dispose());

  it('gives each doctor working hours, blocks and every appointment of the day with the patient', async () => {
    const day = await calendarDay(store, { date: MONDAY, doctorIds: ids() });
    expect(day).toMatchObject({ date: MONDAY, timezone: 'Europe/Berlin' });
    const [gp, cardio, away] = day.doctors;
    expect(day.doctors.map((d) => d.doctorId)).toEqual(ids().slice(0, 3)); // the inactive doctor is left out

    expect(gp!.working).toEqual([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '18:00' }]);
    expect(gp!.blocks).toEqual([]);
    expect(gp!.appointments.map((a) => [a.time, a.status, a.patientFirstName, a.durationMinutes])).toEqual([
      ['08:30', 'Scheduled', clinic.patients[1]!.firstName, 30],
      ['10:00', 'Scheduled', clinic.patients[0]!.firstName, 30],
      ['11:00', 'Cancelled', clinic.patients[2]!.firstName, 30],
    ]);
    expect(gp!.appointments[0]).toMatchObject({ patientId: clinic.patients[1]!.id, patientLastName: clinic.patients[1]!.lastName, patientPhone: clinic.patients[1]!.phone, seriesId: null });

    expect(cardio!.working).toEqual([{ start: '08:00', end: '12:00' }, { start: '15:00', end: '18:00' }]);
    expect(cardio!.blocks).toEqual([{ start: '13:00', end: '15:00', wholeDay: false, reason: 'Team meeting' }]);
    expect(cardio!.appointments.map((a) => a.time)).toEqual(['15:00']);

    expect(away!.working).toEqual([]);
    expect(away!.blocks).toEqual([{ start: '00:00', end: '24:00', wholeDay: true, reason: 'Conference' }]);
    expect(away!.appointments).toEqual([]);
  });

  it('narrows to a specialization, or to chosen doctors', async () => {
    const cardiology = await calendarDay(store, { date: MONDAY, specialization: 'Cardiology' });
    expect(cardiology.doctors.map((d) => d.doctorId)).toEqual([clinic.doctors[1]!.id, clinic.doctors[2]!.id]);
    const one = await calendarDay(store, { date: MONDAY, doctorIds: [clinic.doctors[0]!.id] });
    expect(one.doctors.map((d) => d.appointments.length)).toEqual([3]);
  });

  it('reads the appointments with one query, whatever the number of doctors', async () => {
    referenceCacheOf(store.sequelize).invalidate();
    const { statements } = await countQueries(store.sequelize, () => calendarDay(store, { date: MONDAY, doctorIds: ids() }));
    expect(statements.filter((s) => /\bappointments\b/i.test(s))).toHaveLength(1);
    // the settings, the schedules (hours and blocks) and the appointments
    expect(statements).toHaveLength(3);
  });
});
