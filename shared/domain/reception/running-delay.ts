/**
 * How late the doctors run, and what that means for walk-ins waiting for the soonest slot.
 * Pure: epoch minutes in, minutes out.
 */
import type { AppointmentStatus } from '../scheduling/lifecycle';

export interface TodayAppointment {
  doctorId: number;
  /** Epoch minutes of the appointment's start. */
  startsAt: number;
  status: AppointmentStatus;
  /** Epoch minutes of the recorded arrival, or null: a patient not here yet is late, not the doctor. */
  arrivedAt: number | null;
  /** Epoch minutes the doctor started the visit, or null. */
  withDoctorAt: number | null;
}

/**
 * A doctor's running delay, counted only on patients who are here (a patient who has not come is
 * late themselves): for an open (Scheduled/Confirmed) visit of today whose patient arrived and is
 * not yet with the doctor, now minus the later of the start and the arrival (a patient who came
 * 20 minutes late is not kept waiting by the doctor for those 20 minutes). The largest such wait;
 * 0 when none.
 */
export function runningDelayMinutes(appointments: readonly TodayAppointment[], doctorId: number, now: number): number {
  let delay = 0;
  for (const appointment of appointments) {
    if (appointment.doctorId !== doctorId) continue;
    if (appointment.status !== 'Scheduled' && appointment.status !== 'Confirmed') continue;
    if (appointment.arrivedAt === null || appointment.withDoctorAt !== null) continue;
    const due = Math.max(appointment.startsAt, appointment.arrivedAt);
    if (now - due > delay) delay = now - due;
  }
  return delay;
}

/** Every doctor's running delay, for the doctors that appear in the appointments. */
export function runningDelays(appointments: readonly TodayAppointment[], now: number): Map<number, number> {
  const delays = new Map<number, number>();
  for (const doctorId of new Set(appointments.map((a) => a.doctorId)))
    delays.set(doctorId, runningDelayMinutes(appointments, doctorId, now));
  return delays;
}

export interface CandidateSlot {
  doctorId: number;
  specialization: string;
  startsAt: number;
  durationMinutes: number;
}

export interface WaitingWalkIn {
  id: number;
  /** Epoch minutes of arrival: the queue's order. */
  arrivedAt: number;
  doctorId: number | null;
  specialization: string | null;
}

export interface WalkInEstimate {
  id: number;
  slot: CandidateSlot | null;
  /** Minutes from now until the expected start (the slot's start plus the doctor's running delay); null without a slot. */
  waitMinutes: number | null;
  delayMinutes: number;
}

const fits = (walkIn: WaitingWalkIn, slot: CandidateSlot): boolean =>
  walkIn.doctorId !== null
    ? slot.doctorId === walkIn.doctorId
    : walkIn.specialization === null || slot.specialization.toLowerCase() === walkIn.specialization.toLowerCase();

/**
 * Gives each waiting walk-in, in arrival order, the earliest candidate slot they fit that no one
 * ahead of them has taken (a taken slot also rules out the same doctor's overlapping slots), and
 * estimates the wait: that slot's start, pushed back by the doctor's running delay, minus now.
 */
export function estimateWalkInWaits(
  queue: readonly WaitingWalkIn[],
  slots: readonly CandidateSlot[],
  delays: ReadonlyMap<number, number>,
  now: number,
): WalkInEstimate[] {
  const ordered = [...queue].sort((a, b) => a.arrivedAt - b.arrivedAt || a.id - b.id);
  const free = [...slots].sort((a, b) => a.startsAt - b.startsAt || a.doctorId - b.doctorId);
  const taken: CandidateSlot[] = [];
  const overlapsTaken = (slot: CandidateSlot) =>
    taken.some(
      (t) =>
        t.doctorId === slot.doctorId &&
        slot.startsAt < t.startsAt + t.durationMinutes &&
        t.startsAt < slot.startsAt + slot.durationMinutes,
    );
  return ordered.map((walkIn) => {
    const slot = free.find((candidate) => fits(walkIn, candidate) && !overlapsTaken(candidate)) ?? null;
    if (!slot) return { id: walkIn.id, slot: null, waitMinutes: null, delayMinutes: 0 };
    taken.push(slot);
    const delayMinutes = delays.get(slot.doctorId) ?? 0;
    return { id: walkIn.id, slot, waitMinutes: Math.max(0, slot.startsAt + delayMinutes - now), delayMinutes };
  });
}
