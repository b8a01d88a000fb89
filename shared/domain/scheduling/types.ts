import type { OpeningHours } from './opening-hours';

/** A row of doctor_availability. */
export interface WeeklyRange {
  dayOfWeek: number;
  startTime: string;
  endTime: string;
  isAvailable: boolean;
}

/** A row of doctor_unavailable_dates; null times block the whole day. */
export interface UnavailableBlock {
  date: string;
  startTime: string | null;
  endTime: string | null;
  /** Shown in the calendar; the rules ignore it. */
  reason?: string | null;
}

/** A live (not cancelled, not no-show) appointment occupying [time, time + duration). */
export interface BusyAppointment {
  id?: number;
  date: string;
  time: string;
  durationMinutes: number;
}

export interface DoctorSchedule {
  weekly: readonly WeeklyRange[];
  blocks: readonly UnavailableBlock[];
  /** The doctor's live appointments on the dates in question. */
  appointments: readonly BusyAppointment[];
  /** Per-doctor buffer; falls back to the clinic's. */
  bufferMinutes?: number | null;
}

/** The clinic settings the rules need; `now` is passed in, never read from a global clock. */
export interface SchedulingRules {
  timezone: string;
  slotStepMinutes: number;
  minimumNoticeMinutes: number;
  bookingHorizonDays: number;
  bufferMinutes: number;
  openingHours: OpeningHours;
}

export interface Slot {
  date: string;
  time: string;
  durationMinutes: number;
  /** Epoch minutes of the real start and end (differ from wall-clock arithmetic on DST days). */
  startsAt: number;
  endsAt: number;
}
