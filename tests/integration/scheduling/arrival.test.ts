import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordArrival } from '../../../electron/main/services/scheduling/arrival';
import { bookAppointment, cancelAppointment } from '../../../electron/main/services/scheduling/booking';
import type { SessionUser } from '../../../shared/ipc/types';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { refusal } from '../sql/fixtures';
import { fixedClock, MONDAY, NOW, seedClinic } from './clinic-fixture';

const desk: SessionUser = { id: 1, kind: 'staff', role: 'front_desk', displayName: 'Front Desk' };

describe.each(SQL_TARGETS)('recording an arrival on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  const clock = fixedClock();
  let patientIndex = 0;
  const book = (date: string, time: string) =>
    bookAppointment(
      store,
      { patientId: clinic.patients[patientIndex++]!.id, doctorId: clinic.doctors[0]!.id, date, time, idempotencyKey: randomUUID() },
      clock,
    );

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store, { patients: 8 });
  });
  afterAll(async () => store?.dispose());

  it("records today's arrival once, confirms the visit, and keeps the first time on a second tap", async () => {
    const booked = await book(MONDAY, '09:00');
    const arrived = await recordArrival(store, booked.id, clock);
    expect(arrived.status).toBe('Confirmed');
    expect(arrived.checkedInAt).toBe(new Date(NOW * 60_000).toISOString());
    const again = await recordArrival(store, booked.id, fixedClock(NOW + 5));
    expect(again.checkedInAt).toBe(arrived.checkedInAt);
  });

  it('refuses an appointment of another day and changes nothing', async () => {
    const booked = await book('2026-12-08', '09:00');
    expect((await refusal(recordArrival(store, booked.id, clock))).code).toBe('NOT_TODAY');
    const row = await store.models.Appointment.findByPk(booked.id);
    expect(row?.checkedInAt ?? null).toBeNull();
    expect(row?.status).toBe('Scheduled');
  });

  it('refuses a cancelled appointment and an unknown one', async () => {
    const booked = await book(MONDAY, '10:00');
    await cancelAppointment(store, { appointmentId: booked.id, reason: 'Patient called' }, desk, clock);
    expect((await refusal(recordArrival(store, booked.id, clock))).code).toBe('INVALID_TRANSITION');
    expect((await refusal(recordArrival(store, 999_999, clock))).code).toBe('NOT_FOUND');
  });
});
