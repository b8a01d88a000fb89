import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordArrival } from '../../../electron/main/services/scheduling/arrival';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { calendarDay } from '../../../electron/main/services/scheduling/calendar-day';
import { recordVisitStep } from '../../../electron/main/services/scheduling/visit-steps';
import { calendarChanges } from '../../../electron/main/services/calendar/change-feed';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { refusal } from '../sql/fixtures';
import { fixedClock, MONDAY, NOW, seedClinic } from './clinic-fixture';

describe.each(SQL_TARGETS)('the visit to the end on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  let patientIndex = 0;
  const book = (time: string, extra: { walkIn?: boolean } = {}, at = fixedClock()) =>
    bookAppointment(
      store,
      { patientId: clinic.patients[patientIndex++]!.id, doctorId: clinic.doctors[0]!.id, date: MONDAY, time, idempotencyKey: randomUUID(), ...extra },
      at,
    );
  const fingerprint = async () => (await calendarChanges(store, { from: MONDAY, to: MONDAY })).fingerprints[MONDAY];

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store, { patients: 8 });
  });
  afterAll(async () => store?.dispose());

  it('arrived → in the room → with the doctor → checked out: each time kept, check-out completes, every step changes the feed', async () => {
    const booked = await book('09:00');
    await recordArrival(store, booked.id, fixedClock(NOW + 115));
    let before = await fingerprint();
    const inRoom = await recordVisitStep(store, { appointmentId: booked.id, step: 'in-room' }, fixedClock(NOW + 122));
    expect(inRoom.inRoomAt).toBe(new Date((NOW + 122) * 60_000).toISOString());
    expect(inRoom.status).toBe('Confirmed');
    expect(await fingerprint()).not.toBe(before);
    before = await fingerprint();
    await recordVisitStep(store, { appointmentId: booked.id, step: 'with-doctor' }, fixedClock(NOW + 130));
    expect(await fingerprint()).not.toBe(before);
    // A second desk taps "In room" again: the first time stays.
    const again = await recordVisitStep(store, { appointmentId: booked.id, step: 'in-room' }, fixedClock(NOW + 131));
    expect(again.inRoomAt).toBe(inRoom.inRoomAt);
    const out = await recordVisitStep(store, { appointmentId: booked.id, step: 'checked-out' }, fixedClock(NOW + 150));
    expect(out.status).toBe('Completed');
    expect(out.checkedOutAt).toBe(new Date((NOW + 150) * 60_000).toISOString());

    // The board reads the steps with the day.
    const day = await calendarDay(store, { date: MONDAY });
    const shown = day.doctors.flatMap((d) => d.appointments).find((a) => a.id === booked.id);
    expect(shown).toMatchObject({
      inRoomAt: inRoom.inRoomAt,
      withDoctorAt: new Date((NOW + 130) * 60_000).toISOString(),
      checkedOutAt: out.checkedOutAt,
      walkIn: false,
    });
  });

  it('refuses a step before the arrival, backwards, or unknown, and changes nothing', async () => {
    const booked = await book('10:00');
    expect((await refusal(recordVisitStep(store, { appointmentId: booked.id, step: 'in-room' }, fixedClock(NOW + 170)))).code).toBe(
      'NOT_ARRIVED',
    );
    await recordArrival(store, booked.id, fixedClock(NOW + 175));
    await recordVisitStep(store, { appointmentId: booked.id, step: 'with-doctor' }, fixedClock(NOW + 180));
    expect((await refusal(recordVisitStep(store, { appointmentId: booked.id, step: 'in-room' }, fixedClock(NOW + 181)))).code).toBe(
      'OUT_OF_ORDER',
    );
    const row = await store.models.Appointment.findByPk(booked.id);
    expect(row?.inRoomAt ?? null).toBeNull();
    expect((await refusal(recordVisitStep(store, { appointmentId: 999_999, step: 'in-room' }, fixedClock()))).code).toBe('NOT_FOUND');
  });

  it('a walk-in booked for today is marked walk-in and has arrived; one booked for later is only marked', async () => {
    const walkIn = await book('11:00', { walkIn: true }, fixedClock(NOW + 200));
    expect(walkIn).toMatchObject({ walkIn: true, status: 'Confirmed', checkedInAt: new Date((NOW + 200) * 60_000).toISOString() });
    const later = await bookAppointment(
      store,
      { patientId: clinic.patients[patientIndex++]!.id, doctorId: clinic.doctors[0]!.id, date: '2026-12-08', time: '09:00', walkIn: true, idempotencyKey: randomUUID() },
      fixedClock(),
    );
    expect(later).toMatchObject({ walkIn: true, status: 'Scheduled', checkedInAt: null });
  });
});
