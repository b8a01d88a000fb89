import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bookWalkIn,
  joinWalkInQueue,
  listWalkInQueue,
  removeFromWalkInQueue,
} from '../../../electron/main/services/reception/walk-in-queue';
import {
  addToWaitingList,
  bookFromWaitingList,
  listWaitingList,
  offersForOpenedSlot,
  removeFromWaitingList,
} from '../../../electron/main/services/reception/waiting-list';
import { bookAppointment, cancelAppointment } from '../../../electron/main/services/scheduling/booking';
import { recordArrival } from '../../../electron/main/services/scheduling/arrival';
import { parseTime, wallToInstant } from '../../../shared/domain/scheduling';
import type { SessionUser } from '../../../shared/ipc/types';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { refusal } from '../sql/fixtures';
import { fixedClock, MONDAY, NOW, seedClinic, ZONE } from '../scheduling/clinic-fixture';

const desk: SessionUser = { id: 1, kind: 'staff', role: 'front_desk', displayName: 'Front Desk' };
const TUESDAY = '2026-12-08';

describe.each(SQL_TARGETS)('walk-in queue and waiting list on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  const clock = fixedClock();
  const patient = (i: number) => clinic.patients[i]!.id;
  const doctor = (i: number) => clinic.doctors[i]!.id;
  const book = (patientId: number, doctorId: number, date: string, time: string, at = clock) =>
    bookAppointment(store, { patientId, doctorId, date, time, idempotencyKey: randomUUID() }, at);
  const tableCount = async (table: string) => {
    const [rows] = await store.sequelize.query(`SELECT COUNT(*) AS n FROM ${table}`);
    return Number((rows as { n: number }[])[0]!.n);
  };

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store, {
      doctors: 3,
      patients: 12,
      specialization: ['General Practice', 'General Practice', 'Dermatology'],
    });
  });
  afterAll(async () => store?.dispose());

  describe('walk-ins', () => {
    it("queues in arrival order with an estimate that adds the doctor's running delay, then books or removes", async () => {
      // 09:00 visit with doctor 0, the patient here since 08:55 and still waiting at 10:00: doctor 0 runs 60 minutes late
      const waiting = await book(patient(0), doctor(0), MONDAY, '09:00');
      await recordArrival(store, waiting.id, fixedClock(NOW + 115));
      const tenOClock = fixedClock(NOW + 3 * 60);
      const first = await joinWalkInQueue(store, { patientId: patient(1), doctorId: doctor(0) }, fixedClock(NOW + 170));
      const second = await joinWalkInQueue(
        store,
        { patientId: patient(2), specialization: 'Dermatology' },
        fixedClock(NOW + 175),
      );
      expect((await refusal(joinWalkInQueue(store, { patientId: patient(1) }, tenOClock))).code).toBe('CONFLICT');

      const queue = await listWalkInQueue(store, tenOClock);
      expect(queue.rows.map((r) => [r.id, r.waitedMinutes])).toEqual([
        [first.id, 10],
        [second.id, 5],
      ]);
      expect(queue.delays).toEqual([{ doctorId: doctor(0), doctorName: expect.stringMatching(/^Dr\. /), minutes: 60 }]);
      const [row1, row2] = queue.rows;
      expect(row1!.expectedSlot?.doctorId).toBe(doctor(0));
      const slotStart = wallToInstant(row1!.expectedSlot!.date, parseTime(row1!.expectedSlot!.time), ZONE)!;
      expect(row1!.runningDelayMinutes).toBe(60);
      expect(row1!.estimatedWaitMinutes).toBe(slotStart + 60 - (NOW + 180));
      expect(row2!.expectedSlot?.specialization).toBe('Dermatology');
      expect(row2!.runningDelayMinutes).toBe(0);

      const slot = row1!.expectedSlot!;
      const booked = await bookWalkIn(
        store,
        { entryId: first.id, doctorId: slot.doctorId, date: slot.date, time: slot.time, idempotencyKey: randomUUID() },
        tenOClock,
      );
      expect(booked.entry).toMatchObject({ status: 'Booked', appointmentId: booked.appointment.id });
      expect(booked.appointment).toMatchObject({ patientId: patient(1), time: slot.time, durationMinutes: 30 });
      expect((await removeFromWalkInQueue(store, second.id, tenOClock)).status).toBe('Removed');
      expect((await listWalkInQueue(store, tenOClock)).rows).toEqual([]);
    });

    it('a refused walk-in booking (taken slot) keeps the walk-in waiting and books nothing', async () => {
      const entry = await joinWalkInQueue(store, { patientId: patient(3) }, clock);
      await book(patient(4), doctor(1), MONDAY, '15:00');
      const before = await tableCount('appointments');
      const taken = await refusal(
        bookWalkIn(
          store,
          { entryId: entry.id, doctorId: doctor(1), date: MONDAY, time: '15:00', idempotencyKey: randomUUID() },
          clock,
        ),
      );
      expect(taken.code).toBe('SLOT_TAKEN');
      expect(await tableCount('appointments')).toBe(before);
      expect((await listWalkInQueue(store, clock)).rows.map((r) => r.id)).toContain(entry.id);
      expect((await refusal(removeFromWalkInQueue(store, 9_999_999, clock))).code).toBe('NOT_FOUND');
    });
  });

  describe('the waiting list', () => {
    it('offers an opened slot to the fitting patients in priority then waiting order, and books the first in one step', async () => {
      const at = (minutes: number) => fixedClock(NOW + minutes);
      const window = { fromDate: MONDAY, toDate: TUESDAY, earliestTime: '08:00', latestTime: '12:00' };
      const normalEarly = await addToWaitingList(
        store,
        { patientId: patient(5), doctorId: doctor(1), ...window, priority: 3 },
        at(1),
      );
      const urgentLate = await addToWaitingList(
        store,
        { patientId: patient(6), specialization: 'General Practice', ...window, priority: 1 },
        at(3),
      );
      const urgentEarly = await addToWaitingList(
        store,
        { patientId: patient(7), doctorId: doctor(1), ...window, priority: 1 },
        at(2),
      );
      await addToWaitingList(store, { patientId: patient(8), doctorId: doctor(2), ...window, priority: 1 }, at(4)); // another doctor
      await addToWaitingList(
        store,
        { patientId: patient(9), doctorId: doctor(1), ...window, earliestTime: '11:00', priority: 1 },
        at(5),
      ); // too late a window
      const busy = await addToWaitingList(
        store,
        { patientId: patient(10), doctorId: doctor(1), ...window, priority: 1 },
        at(6),
      );
      await book(patient(10), doctor(0), TUESDAY, '09:15'); // busy elsewhere then

      // the booked visit that will be cancelled
      const cancelled = await book(patient(11), doctor(1), TUESDAY, '09:00');
      await cancelAppointment(store, { appointmentId: cancelled.id, reason: 'Generated reason' }, desk, clock);

      const offers = await offersForOpenedSlot(store, {
        doctorId: doctor(1),
        date: TUESDAY,
        time: '09:00',
        durationMinutes: 30,
      });
      expect(offers.map((o) => o.entry.id)).toEqual([urgentEarly.id, urgentLate.id, normalEarly.id]);
      expect(offers.map((o) => o.rank)).toEqual([1, 2, 3]);
      expect(offers.map((o) => o.entry.id)).not.toContain(busy.id);
      expect(offers[0]!.slot).toMatchObject({ doctorId: doctor(1), date: TUESDAY, time: '09:00', durationMinutes: 30 });

      const booking = await bookFromWaitingList(
        store,
        { entryId: urgentEarly.id, doctorId: doctor(1), date: TUESDAY, time: '09:00', idempotencyKey: randomUUID() },
        clock,
      );
      expect(booking.entry).toMatchObject({ status: 'Booked', appointmentId: booking.appointment.id });
      expect(booking.appointment).toMatchObject({
        patientId: patient(7),
        doctorId: doctor(1),
        date: TUESDAY,
        time: '09:00',
        status: 'Scheduled',
      });
      // the slot is gone: the next offer for it books nothing, through the same rules
      const before = await tableCount('appointments');
      expect(
        (
          await refusal(
            bookFromWaitingList(
              store,
              {
                entryId: urgentLate.id,
                doctorId: doctor(1),
                date: TUESDAY,
                time: '09:00',
                idempotencyKey: randomUUID(),
              },
              clock,
            ),
          )
        ).code,
      ).toBe('SLOT_TAKEN');
      expect(await tableCount('appointments')).toBe(before);
      const left = await listWaitingList(store, { withSlots: false }, clock);
      expect(left.find((e) => e.id === urgentLate.id)?.status).toBe('Waiting');
      expect(left.map((e) => e.id)).not.toContain(urgentEarly.id);
    });

    it('a booked offer obeys every scheduling rule: patient busy, outside hours, in the past', async () => {
      const entry = await addToWaitingList(
        store,
        {
          patientId: patient(10),
          doctorId: doctor(1),
          fromDate: MONDAY,
          toDate: TUESDAY,
          earliestTime: '08:00',
          latestTime: '18:00',
          priority: 2,
        },
        clock,
      );
      const attempt = (date: string, time: string) =>
        refusal(
          bookFromWaitingList(
            store,
            { entryId: entry.id, doctorId: doctor(1), date, time, idempotencyKey: randomUUID() },
            clock,
          ),
        );
      expect((await attempt(TUESDAY, '09:30')).code).toBe('PATIENT_BUSY');
      expect((await attempt(TUESDAY, '12:15')).code).toBe('OUTSIDE_AVAILABILITY');
      expect((await attempt('2026-12-06', '09:00')).code).toBe('IN_PAST');
      expect((await attempt(TUESDAY, '10:10')).code).toBe('OFF_GRID');
      expect((await listWaitingList(store, { withSlots: false }, clock)).find((e) => e.id === entry.id)?.status).toBe(
        'Waiting',
      );
    });

    it('lists each entry with its soonest fitting free slots, and removes', async () => {
      const entry = await addToWaitingList(
        store,
        {
          patientId: patient(3),
          specialization: 'Dermatology',
          fromDate: TUESDAY,
          toDate: TUESDAY,
          earliestTime: '14:00',
          latestTime: '16:00',
          priority: 2,
        },
        clock,
      );
      const listed = (await listWaitingList(store, { withSlots: true }, clock)).find((e) => e.id === entry.id)!;
      expect(listed.slots.length).toBe(3);
      for (const slot of listed.slots) expect(slot).toMatchObject({ date: TUESDAY, specialization: 'Dermatology' });
      expect(listed.slots[0]!.time).toBe('14:00');
      expect((await removeFromWaitingList(store, entry.id, clock)).status).toBe('Removed');
      expect((await refusal(removeFromWaitingList(store, entry.id, clock))).code).toBe('CONFLICT');
    });

    it('refuses an empty time window or a past window, and writes nothing', async () => {
      const before = await tableCount('waiting_list');
      const short = await refusal(
        addToWaitingList(
          store,
          {
            patientId: patient(3),
            doctorId: doctor(0),
            fromDate: TUESDAY,
            toDate: TUESDAY,
            earliestTime: '09:00',
            latestTime: '09:15',
            priority: 3,
          },
          clock,
        ),
      );
      expect((short.details as { field: string }).field).toBe('latestTime');
      const past = await refusal(
        addToWaitingList(
          store,
          {
            patientId: patient(3),
            doctorId: doctor(0),
            fromDate: '2026-12-01',
            toDate: '2026-12-02',
            earliestTime: '09:00',
            latestTime: '12:00',
            priority: 3,
          },
          clock,
        ),
      );
      expect((past.details as { field: string }).field).toBe('toDate');
      expect(await tableCount('waiting_list')).toBe(before);
    });
  });
});
