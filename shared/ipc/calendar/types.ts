import type { AppointmentStatus } from '../../domain/scheduling/lifecycle';
import type { CalendarAppointment, CalendarBlock, WallTimeRange } from '../scheduling-types';

/** One day of one doctor in the week view. */
export interface CalendarWeekDay {
  date: string;
  working: WallTimeRange[];
  blocks: CalendarBlock[];
  appointments: CalendarAppointment[];
}

export interface CalendarWeek {
  /** The Monday the week starts on. */
  weekStart: string;
  timezone: string;
  doctorId: number;
  doctorName: string;
  specialization: string;
  /** Monday to Sunday. */
  days: CalendarWeekDay[];
}

export type StatusCounts = Record<AppointmentStatus, number>;

/** One date of the month overview: how many appointments, by status. */
export interface CalendarMonthDay {
  date: string;
  /** Scheduled + Confirmed + Completed: what occupies the doctors' time. */
  booked: number;
  byStatus: StatusCounts;
}

export interface CalendarMonth {
  /** 'YYYY-MM' */
  month: string;
  /** Every date of the month, in order (days without appointments have zero counts). */
  days: CalendarMonthDay[];
}

/**
 * The change feed's answer: a fingerprint per date that has appointments. A date missing here has
 * none. Any booking, move, cancellation, status change or arrival changes its date's fingerprint.
 */
export interface CalendarChanges {
  from: string;
  to: string;
  fingerprints: Record<string, string>;
}
