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
    ...overrides,
  };
}

describe('the flow board state of an appointment', () => {
  it('late: not arrived after the start; upcoming before it', () => {
    expect(flowState(appointment({ time: '11:48' }), clock)).toEqual({
      state: 'late',
      lateMinutes: 12,
      waitingMinutes: 0,
    });
    expect(flowState(appointment({ time: '12:00' }), clock).state).toBe('upcoming');
    expect(flowState(appointment({ time: '14:00', status: 'Confirmed' }), clock).state).toBe('upcoming');
  });

  it('waiting: arrived and not yet seen, counted from the arrival', () => {
    const arrived = new Date(NOON - 17 * 60_000 - 30_000).toISOString();
    expect(flowState(appointment({ status: 'Confirmed', checkedInAt: arrived }), clock)).toEqual({
      state: 'waiting',
      lateMinutes: 0,
      waitingMinutes: 17,
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
                  checkedInAt: item.arrived ? new Date(NOON - 60_000).toISOString() : null,
                }),
              ),
          })),
        };
        const rows = flowRows(day, clock);
        expect(rows.map((r) => r.appointment.id).sort((a, b) => a - b)).toEqual(items.map((_, i) => i + 1));
        for (let i = 1; i < rows.length; i++)
          expect(rows[i - 1]!.appointment.time <= rows[i]!.appointment.time).toBe(true);
        const narrow: FlowFilter[] = ['expected', 'waiting', 'closed'];
        for (const row of rows) expect(narrow.filter((f) => matchesFilter(row, f))).toHaveLength(1);
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
