import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookAppointment,
  cancelAppointment,
  rescheduleAppointment,
  setAppointmentStatus,
} from '../../../electron/main/services/scheduling/booking';
import { soonestSlots } from '../../../electron/main/services/scheduling/slot-queries';
import { toAppointmentView } from '../../../electron/main/services/scheduling/appointment-view';
import type { SessionUser } from '../../../shared/ipc/types';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { refusal } from '../sql/fixtures';
import { fixedClock, MONDAY, NOW, seedClinic } from './clinic-fixture';

const desk: SessionUser = { id: 1, kind: 'staff', role: 'front_desk', displayName: 'Front Desk' };

describe.each(SQL_TARGETS)('booking on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  const clock = fixedClock();
  const book = (overrides: Partial<Parameters<typeof bookAppointment>[1]> = {}) =>
    bookAppointment(
      store,
      { patientId: clinic.patients[0]!.id, doctorId: clinic.doctors[0]!.id, date: MONDAY, time: '09:00', idempotencyKey: randomUUID(), ...overrides },
      clock,
    );
  const count = () => store.models.Appointment.count();

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store);
  });
  afterAll(async () => store?.dispose());

  it('books a free slot with the default duration', async () => {
    const booked = await book();
    expect(booked).toMatchObject({ date: MONDAY, time: '09:00', durationMinutes: 30, status: 'Scheduled' });
  });

  it('returns the booking as a later read of the stored row shows it (walk-in arrived today, notes, type)', async () => {
    const booked = await book({ time: '11:00', walkIn: true, date: MONDAY, patientNotes: 'Cough', appointmentType: 'Follow-up', patientId: clinic.patients[1]!.id });
    const stored = await store.models.Appointment.findByPk(booked.id);
    expect(stored).not.toBeNull();
    const read = toAppointmentView(stored!);
    // the stored stamp keeps whole seconds on MariaDB
    expect({ ...booked, updatedAt: booked.updatedAt.slice(0, 19) }).toEqual({ ...read, updatedAt: read.updatedAt.slice(0, 19) });
    expect(booked).toMatchObject({ status: 'Confirmed', walkIn: true, patientNotes: 'Cough', appointmentType: 'Follow-up' });
    expect(booked.checkedInAt).not.toBeNull();
  });

  it('books once for a retried request with the same idempotency key', async () => {
    const key = randomUUID();
    const before = await count();
    const [a, b] = await Promise.all([book({ time: '10:00', idempotencyKey: key }), book({ time: '10:00', idempotencyKey: key })]);
    expect(a.id).toBe(b.id);
    expect(await count()).toBe(before + 1);
  });

  it("refuses an overlap with the doctor's appointment, offers bookable alternatives, changes nothing", async () => {
    const before = await count();
    const failure = await refusal(book({ time: '09:15', patientId: clinic.patients[1]!.id }));
    expect(failure.code).toBe('SLOT_TAKEN');
    const alternatives = (failure.details as { alternatives: { date: string; time: string }[] }).alternatives;
    expect(alternatives.length).toBe(3);
    expect(await count()).toBe(before);
    const taken = await book({ ...alternatives[0]!, patientId: clinic.patients[1]!.id });
    expect(taken.time).toBe(alternatives[0]!.time);
  });

  it('refuses a patient double-booking with another doctor', async () => {
    const failure = await refusal(book({ doctorId: clinic.doctors[1]!.id, time: '09:00' }));
    expect(failure.code).toBe('PATIENT_BUSY');
  });

  it('refuses times outside the working hours and in the past, each with its code', async () => {
    expect((await refusal(book({ time: '12:15', patientId: clinic.patients[2]!.id }))).code).toBe('OUTSIDE_AVAILABILITY');
    expect((await refusal(book({ date: '2026-12-06', time: '09:00' }))).code).toBe('IN_PAST');
    expect((await refusal(book({ time: '09:10' }))).code).toBe('OFF_GRID');
    expect((await refusal(book({ doctorId: 999_999 }))).code).toBe('NOT_FOUND');
  });

  it('moves an appointment atomically and refuses a move onto a taken slot', async () => {
    const appt = await book({ time: '14:00', patientId: clinic.patients[2]!.id });
    const moved = await rescheduleAppointment(store, { appointmentId: appt.id, date: MONDAY, time: '15:00' }, clock);
    expect(moved.time).toBe('15:00');
    // moving onto itself shifted by 15 minutes is fine: its own old time does not count
    expect((await rescheduleAppointment(store, { appointmentId: appt.id, date: MONDAY, time: '15:15' }, clock)).time).toBe('15:15');
    const failure = await refusal(rescheduleAppointment(store, { appointmentId: appt.id, date: MONDAY, time: '09:00' }, clock));
    expect(failure.code).toBe('SLOT_TAKEN');
    expect((await store.models.Appointment.findByPk(appt.id))?.appointmentTime).toBe('15:15:00');
  });

  it('requires a reason for a late cancellation and records who and when', async () => {
    const appt = await book({ time: '16:00', patientId: clinic.patients[1]!.id });
    expect((await refusal(cancelAppointment(store, { appointmentId: appt.id }, desk, clock))).code).toBe('REASON_REQUIRED');
    const cancelled = await cancelAppointment(store, { appointmentId: appt.id, reason: 'Patient called in sick' }, desk, clock);
    expect(cancelled).toMatchObject({ status: 'Cancelled', cancelledBy: 'Admin', lateCancellation: true, cancellationReason: 'Patient called in sick' });
    expect((await refusal(cancelAppointment(store, { appointmentId: appt.id, reason: 'again' }, desk, clock))).code).toBe('INVALID_TRANSITION');
    // the slot is free again
    expect((await book({ time: '16:00', patientId: clinic.patients[1]!.id })).time).toBe('16:00');
  });

  it('an early cancellation needs no reason and is not late', async () => {
    const appt = await book({ date: '2026-12-10', time: '09:00' });
    expect(await cancelAppointment(store, { appointmentId: appt.id }, desk, clock)).toMatchObject({ lateCancellation: false, cancellationReason: null });
  });

  it('follows the lifecycle: confirm, then complete only after the start', async () => {
    const appt = await book({ date: MONDAY, time: '17:00', patientId: clinic.patients[2]!.id });
    expect((await refusal(setAppointmentStatus(store, { appointmentId: appt.id, status: 'Completed' }, clock))).code).toBe('INVALID_TRANSITION');
    await setAppointmentStatus(store, { appointmentId: appt.id, status: 'Confirmed' }, clock);
    expect((await refusal(setAppointmentStatus(store, { appointmentId: appt.id, status: 'Completed' }, clock))).code).toBe('NOT_STARTED');
    const later = fixedClock(NOW + 10 * 60 + 5);
    expect((await setAppointmentStatus(store, { appointmentId: appt.id, status: 'Completed' }, later)).status).toBe('Completed');
  });

  it('finds the soonest free slots over every doctor, soonest first', async () => {
    const slots = await soonestSlots(store, { count: 4, days: 7 }, clock);
    expect(slots).toHaveLength(4);
    const keys = slots.map((s) => `${s.date} ${s.time}`);
    expect([...keys].sort()).toEqual(keys);
    expect(slots[0]).toMatchObject({ date: MONDAY, time: '08:00' });
    // each candidate is bookable; once booked it is no longer offered
    const first = slots[0]!;
    const walkIn = await store.models.Patient.create({ firstName: 'Walk', lastName: 'In', email: `walkin.${randomUUID()}@example.test`, phone: '+15550000', dateOfBirth: '1990-01-01', gender: 'Other', passwordHash: 'x' });
    expect((await book({ doctorId: first.doctorId, date: first.date, time: first.time, patientId: walkIn.id })).time).toBe(first.time);
    const after = await soonestSlots(store, { count: 4, days: 7 }, clock);
    expect(after.some((s) => s.doctorId === first.doctorId && s.date === first.date && s.time === first.time)).toBe(false);
    // a specialization narrows the search
    const none = await soonestSlots(store, { count: 4, days: 7, specialization: 'Dermatology' }, clock);
    expect(none).toEqual([]);
  });
});
