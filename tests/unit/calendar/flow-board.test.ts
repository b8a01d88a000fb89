import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countByState,
  durationText,
  flowRows,
  flowState,
  matchesFilter,
  type FlowFilter,
} from '../../../shared/domain/calendar/flow-board';
import { APPOINTMENT_STATUSES } from '../../../shared/domain/scheduling/lifecycle';
import type { CalendarAppointment, CalendarDay } from '../../../shared/ipc/scheduling-types';

const NOON = Date.parse('2026-12-07T11:00:00Z'); // 12:00 in Berlin
const clock = { minutes: 12 * 60, instant: NOON };

function appointment(overrides: Partial<CalendarAppointment>): CalendarAppointment {
  return {
    id: 1,
    patientId: 1,
    patientFirstName: 'Test',
    patientLastName: 'Person',
    patientPhone: '+15550000000',
    time: '11:30',
    durationMinutes: 30,
    status: 'Scheduled',
    appointmentType: 'Consultation',
    seriesId: null,
    checkedInAt: null,
    inRoomAt: null,
    withDoctorAt: null,
    checkedOutAt: null,
    walkIn: false,
    ...overrides,
  };
}

describe('the flow board state of an appointment', () => {
  it('late: not arrived after the start; upcoming before it', () => {
    expect(flowState(appointment({ time: '11:48' }), clock)).toMatchObject({
      state: 'late',
      lateMinutes: 12,
      waitingMinutes: 0,
    });
    expect(flowState(appointment({ time: '12:00' }), clock).state).toBe('upcoming');
    expect(flowState(appointment({ time: '14:00', status: 'Confirmed' }), clock).state).toBe('upcoming');
  });

  it('waiting: arrived and not yet seen, counted from the arrival', () => {
    const arrived = new Date(NOON - 17 * 60_000 - 30_000).toISOString();
    expect(flowState(appointment({ status: 'Confirmed', checkedInAt: arrived }), clock)).toMatchObject({
      state: 'waiting',
      lateMinutes: 0,
      waitingMinutes: 17,
    });
  });

  it('the visit to the end: waiting, in the room, with the doctor, checked out, with the time in each step', () => {
    const at = (minutesBeforeNoon: number) => new Date(NOON - minutesBeforeNoon * 60_000).toISOString();
    const base = { status: 'Confirmed' as const, time: '11:30', checkedInAt: at(35) };
    expect(flowState(appointment({ ...base, inRoomAt: at(25) }), clock)).toMatchObject({
      state: 'in-room',
      steps: { waiting: 10, inRoom: 25, withDoctor: null },
    });
    expect(flowState(appointment({ ...base, inRoomAt: at(25), withDoctorAt: at(15) }), clock)).toMatchObject({
      state: 'with-doctor',
      steps: { waiting: 10, inRoom: 10, withDoctor: 15 },
    });
    const out = flowState(appointment({ ...base, inRoomAt: at(25), withDoctorAt: at(15), checkedOutAt: at(5) }), clock);
    expect(out).toMatchObject({ state: 'done', steps: { waiting: 10, inRoom: 10, withDoctor: 10 } });
    // Straight to the doctor: no time in a room.
    expect(flowState(appointment({ ...base, withDoctorAt: at(20) }), clock).steps).toEqual({
      waiting: 15,
      inRoom: null,
      withDoctor: 20,
    });
  });

  it('lateness is attributed: a patient who came late is late, the doctor only for the wait after that', () => {
    const at = (minutesBeforeNoon: number) => new Date(NOON - minutesBeforeNoon * 60_000).toISOString();
    // Booked 11:00, arrived 11:20, still waiting at 12:00: 20 minutes the patient's, 40 the doctor's.
    expect(flowState(appointment({ status: 'Confirmed', time: '11:00', checkedInAt: at(40) }), clock)).toMatchObject({
      state: 'waiting',
      arrivedLateMinutes: 20,
      doctorBehindMinutes: 40,
    });
    // Arrived early (10:50), seen at 11:05: the doctor was 5 minutes behind, the patient on time.
    expect(
      flowState(appointment({ status: 'Confirmed', time: '11:00', checkedInAt: at(70), withDoctorAt: at(55) }), clock),
    ).toMatchObject({ state: 'with-doctor', arrivedLateMinutes: 0, doctorBehindMinutes: 5 });
    // A walk-in had no time to keep: never late themselves.
    expect(
      flowState(appointment({ status: 'Confirmed', time: '11:00', walkIn: true, checkedInAt: at(40) }), clock),
    ).toMatchObject({ arrivedLateMinutes: 0, doctorBehindMinutes: 40 });
    // Not here yet: late, and nothing on the doctor.
    expect(flowState(appointment({ status: 'Confirmed', time: '11:00' }), clock)).toMatchObject({
      state: 'late',
      lateMinutes: 60,
      doctorBehindMinutes: 0,
    });
  });

  it('closed appointments are neither late nor waiting', () => {
    expect(
      flowState(appointment({ status: 'Completed', checkedInAt: new Date(NOON).toISOString() }), clock).state,
    ).toBe('done');
    expect(flowState(appointment({ status: 'Cancelled', time: '08:00' }), clock).state).toBe('cancelled');
    expect(flowState(appointment({ status: 'No-Show', time: '08:00' }), clock).state).toBe('no-show');
  });

  it('rows: every appointment once, in time order, each matching exactly one narrow filter', () => {
    const arb = fc.array(
      fc.record({
        doctor: fc.integer({ min: 0, max: 3 }),
        minutes: fc.integer({ min: 7 * 60, max: 19 * 60 }),
        status: fc.constantFrom(...APPOINTMENT_STATUSES),
        arrived: fc.boolean(),
        /** 0: none, 1: in room, 2: with the doctor, 3: checked out (each after the one before). */
        step: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (items) => {
        const day: CalendarDay = {
          date: '2026-12-07',
          timezone: 'Europe/Berlin',
          doctors: [0, 1, 2, 3].map((d) => ({
            doctorId: d + 1,
            doctorName: `Dr. Test ${d}`,
            specialization: 'General Practice',
            working: [],
            blocks: [],
            appointments: items
              .map((item, i) => ({ item, i }))
              .filter(({ item }) => item.doctor === d)
              .map(({ item, i }) =>
                appointment({
                  id: i + 1,
                  time: `${String(Math.floor(item.minutes / 60)).padStart(2, '0')}:${String(item.minutes % 60).padStart(2, '0')}`,
                  status: item.status,
                  checkedInAt: item.arrived ? new Date(NOON - 40 * 60_000).toISOString() : null,
                  inRoomAt: item.arrived && item.step >= 1 ? new Date(NOON - 30 * 60_000).toISOString() : null,
                  withDoctorAt: item.arrived && item.step >= 2 ? new Date(NOON - 20 * 60_000).toISOString() : null,
                  checkedOutAt: item.arrived && item.step >= 3 ? new Date(NOON - 10 * 60_000).toISOString() : null,
                }),
              ),
          })),
        };
        const rows = flowRows(day, clock);
        expect(rows.map((r) => r.appointment.id).sort((a, b) => a - b)).toEqual(items.map((_, i) => i + 1));
        for (let i = 1; i < rows.length; i++)
          expect(rows[i - 1]!.appointment.time <= rows[i]!.appointment.time).toBe(true);
        const narrow: FlowFilter[] = ['expected', 'waiting', 'in-visit', 'closed'];
        for (const row of rows) {
          expect(narrow.filter((f) => matchesFilter(row, f))).toHaveLength(1);
          // Lateness is put on one side at a time and never exceeds the time since the start.
          const sinceStart = Math.max(0, clock.minutes - Number(row.appointment.time.slice(0, 2)) * 60 - Number(row.appointment.time.slice(3)));
          expect(row.arrivedLateMinutes + row.doctorBehindMinutes).toBeLessThanOrEqual(sinceStart);
          if (row.state !== 'late') expect(row.lateMinutes).toBe(0);
        }
        const counts = countByState(rows);
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
      }),
    );
  });

  it('says durations the way the desk reads them', () => {
    expect(durationText(0)).toBe('0 min');
    expect(durationText(59)).toBe('59 min');
    expect(durationText(65)).toBe('1 h 05 min');
  });
});
