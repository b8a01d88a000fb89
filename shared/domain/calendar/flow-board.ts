import type { CalendarAppointment, CalendarDay } from '../../ipc/scheduling-types';
import { parseTime } from '../plain-date';

/**
 * Where an appointment of today stands for the front desk:
 * - upcoming: not arrived, start not reached;
 * - late: not arrived, start passed (a live appointment): the patient is late;
 * - waiting: arrived, not yet in a room nor with the doctor;
 * - in-room: shown to a room, the doctor not there yet;
 * - with-doctor: the doctor has started;
 * - done: checked out or Completed; cancelled; no-show.
 */
export type FlowState = 'upcoming' | 'late' | 'waiting' | 'in-room' | 'with-doctor' | 'done' | 'cancelled' | 'no-show';

/** Minutes spent in each step of the visit (to now for the current one); null for a step not reached. */
export interface StepMinutes {
  waiting: number | null;
  inRoom: number | null;
  withDoctor: number | null;
}

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
  steps: StepMinutes;
  /** How late the patient arrived (0: on time, or a walk-in, who had no time to keep). */
  arrivedLateMinutes: number;
  /**
   * How long the patient, once here, has waited (or waited) past their time for the doctor: the
   * doctor running behind. Counted from the later of the start and the arrival, so a patient's
   * own lateness is never put on the doctor.
   */
  doctorBehindMinutes: number;
}

export interface FlowClock {
  /** Wall-clock minutes after midnight in the clinic's zone. */
  minutes: number;
  /** The current instant, ms since the epoch. */
  instant: number;
}

type FlowFacts = Pick<
  FlowRow,
  'state' | 'lateMinutes' | 'waitingMinutes' | 'steps' | 'arrivedLateMinutes' | 'doctorBehindMinutes'
>;

const NO_STEPS: StepMinutes = { waiting: null, inRoom: null, withDoctor: null };

/** Whole minutes from one instant to another (0 when the clocks disagree the other way). */
const minutesBetween = (from: number, to: number): number => Math.max(0, Math.floor((to - from) / 60_000));

export function flowState(appointment: CalendarAppointment, clock: FlowClock): FlowFacts {
  const none = { lateMinutes: 0, waitingMinutes: 0, steps: NO_STEPS, arrivedLateMinutes: 0, doctorBehindMinutes: 0 };
  if (appointment.status === 'Cancelled') return { state: 'cancelled', ...none };
  if (appointment.status === 'No-Show') return { state: 'no-show', ...none };
  const start = parseTime(appointment.time);
  if (!appointment.checkedInAt) {
    if (appointment.status === 'Completed') return { state: 'done', ...none };
    if (clock.minutes > start) return { state: 'late', ...none, lateMinutes: clock.minutes - start };
    return { state: 'upcoming', ...none };
  }
  const at = (iso: string | null): number | null => (iso ? Date.parse(iso) : null);
  const arrived = Date.parse(appointment.checkedInAt);
  const inRoom = at(appointment.inRoomAt);
  const withDoctor = at(appointment.withDoctorAt);
  const checkedOut = at(appointment.checkedOutAt);
  const finished = checkedOut !== null || appointment.status === 'Completed';
  const end = checkedOut ?? clock.instant;
  const steps: StepMinutes = {
    waiting: minutesBetween(arrived, inRoom ?? withDoctor ?? end),
    inRoom: inRoom === null ? null : minutesBetween(inRoom, withDoctor ?? end),
    withDoctor: withDoctor === null ? null : minutesBetween(withDoctor, end),
  };
  // Wall minutes of an instant today: now's wall time minus how long ago it was.
  const wallOf = (instant: number) => clock.minutes - minutesBetween(instant, clock.instant);
  const arrivedWall = wallOf(arrived);
  const arrivedLateMinutes = appointment.walkIn ? 0 : Math.max(0, arrivedWall - start);
  const due = Math.max(start, arrivedWall);
  const seenAt = withDoctor ?? (finished ? end : null);
  const doctorBehindMinutes = Math.max(0, (seenAt === null ? clock.minutes : wallOf(seenAt)) - due);
  const state: FlowState = finished ? 'done' : withDoctor !== null ? 'with-doctor' : inRoom !== null ? 'in-room' : 'waiting';
  return {
    state,
    lateMinutes: 0,
    waitingMinutes: state === 'waiting' ? minutesBetween(arrived, clock.instant) : 0,
    steps,
    arrivedLateMinutes,
    doctorBehindMinutes,
  };
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

export type FlowFilter = 'all' | 'expected' | 'waiting' | 'in-visit' | 'late' | 'closed';

export function matchesFilter(row: FlowRow, filter: FlowFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'expected') return row.state === 'upcoming' || row.state === 'late';
  if (filter === 'in-visit') return row.state === 'in-room' || row.state === 'with-doctor';
  if (filter === 'closed') return row.state === 'done' || row.state === 'cancelled' || row.state === 'no-show';
  return row.state === filter;
}

export function countByState(rows: readonly FlowRow[]): Record<FlowState, number> {
  const counts: Record<FlowState, number> = {
    upcoming: 0,
    late: 0,
    waiting: 0,
    'in-room': 0,
    'with-doctor': 0,
    done: 0,
    cancelled: 0,
    'no-show': 0,
  };
  for (const row of rows) counts[row.state] += 1;
  return counts;
}

/** "12 min", "1 h 05 min" */
export function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
