import type { CalendarAppointment, CalendarDay } from '../../ipc/scheduling-types';
import { parseTime } from '../plain-date';

/**
 * Where an appointment of today stands for the front desk:
 * - upcoming: not arrived, start not reached;
 * - late: not arrived, start passed (a live appointment);
 * - waiting: arrived, not yet seen (still Scheduled/Confirmed);
 * - done: Completed; cancelled; no-show.
 */
export type FlowState = 'upcoming' | 'late' | 'waiting' | 'done' | 'cancelled' | 'no-show';

export interface FlowRow {
  appointment: CalendarAppointment;
  doctorId: number;
  doctorName: string;
  specialization: string;
  state: FlowState;
  /** Minutes past the start without an arrival (late only). */
  lateMinutes: number;
  /** Minutes since the recorded arrival (waiting only). */
  waitingMinutes: number;
}

export interface FlowClock {
  /** Wall-clock minutes after midnight in the clinic's zone. */
  minutes: number;
  /** The current instant, ms since the epoch. */
  instant: number;
}

export function flowState(
  appointment: CalendarAppointment,
  clock: FlowClock,
): Pick<FlowRow, 'state' | 'lateMinutes' | 'waitingMinutes'> {
  const none = { lateMinutes: 0, waitingMinutes: 0 };
  if (appointment.status === 'Completed') return { state: 'done', ...none };
  if (appointment.status === 'Cancelled') return { state: 'cancelled', ...none };
  if (appointment.status === 'No-Show') return { state: 'no-show', ...none };
  if (appointment.checkedInAt) {
    const since = Date.parse(appointment.checkedInAt);
    return {
      state: 'waiting',
      lateMinutes: 0,
      waitingMinutes: Math.max(0, Math.floor((clock.instant - since) / 60_000)),
    };
  }
  const start = parseTime(appointment.time);
  if (clock.minutes > start) return { state: 'late', lateMinutes: clock.minutes - start, waitingMinutes: 0 };
  return { state: 'upcoming', ...none };
}

/** Today's appointments of every doctor in time order (then doctor), each with its state. */
export function flowRows(day: CalendarDay, clock: FlowClock): FlowRow[] {
  const rows: FlowRow[] = [];
  for (const doctor of day.doctors) {
    for (const appointment of doctor.appointments) {
      rows.push({
        appointment,
        doctorId: doctor.doctorId,
        doctorName: doctor.doctorName,
        specialization: doctor.specialization,
        ...flowState(appointment, clock),
      });
    }
  }
  return rows.sort(
    (a, b) =>
      parseTime(a.appointment.time) - parseTime(b.appointment.time) ||
      a.doctorName.localeCompare(b.doctorName) ||
      a.appointment.id - b.appointment.id,
  );
}

export type FlowFilter = 'all' | 'expected' | 'waiting' | 'late' | 'closed';

export function matchesFilter(row: FlowRow, filter: FlowFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'expected') return row.state === 'upcoming' || row.state === 'late';
  if (filter === 'closed') return row.state === 'done' || row.state === 'cancelled' || row.state === 'no-show';
  return row.state === filter;
}

export function countByState(rows: readonly FlowRow[]): Record<FlowState, number> {
  const counts: Record<FlowState, number> = { upcoming: 0, late: 0, waiting: 0, done: 0, cancelled: 0, 'no-show': 0 };
  for (const row of rows) counts[row.state] += 1;
  return counts;
}

/** "12 min", "1 h 05 min" */
export function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
