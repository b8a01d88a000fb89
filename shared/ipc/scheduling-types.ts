import type { BookingRefusal } from '../domain/scheduling/booking-check';
import type { AppointmentStatus } from '../domain/scheduling/lifecycle';

export const APPOINTMENT_TYPES = ['Consultation', 'Follow-up', 'Emergency', 'Check-up'] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

export interface AppointmentView {
  id: number;
  patientId: number;
  doctorId: number;
  date: string;
  /** 'HH:MM', clinic wall clock */
  time: string;
  durationMinutes: number;
  status: AppointmentStatus;
  appointmentType: AppointmentType;
  patientNotes: string | null;
  cancelledAt: string | null;
  cancelledBy: 'Patient' | 'Doctor' | 'Admin' | null;
  cancellationReason: string | null;
  lateCancellation: boolean;
  /** ISO instant the patient was recorded as arrived, or null. */
  checkedInAt: string | null;
  /** ISO instants of the visit's later steps (see VISIT_STEPS), or null. */
  inRoomAt: string | null;
  withDoctorAt: string | null;
  checkedOutAt: string | null;
  /** Booked for someone who came in without an appointment. */
  walkIn: boolean;
  updatedAt: string;
}

export interface SlotView {
  doctorId: number;
  doctorName: string;
  specialization: string;
  date: string;
  time: string;
  durationMinutes: number;
}

/** Why an occurrence of a series cannot be booked as asked (the single-booking refusal codes). */
export type OccurrenceRefusal = BookingRefusal;

/** One visit of a series as checked: bookable, or refused with up to three alternatives. */
export type SeriesOccurrenceCheck =
  | { index: number; ruleDate: string; date: string; time: string; ok: true }
  | { index: number; ruleDate: string; date: string; time: string; ok: false; code: OccurrenceRefusal; message: string; alternatives: SlotView[] };

export interface SeriesPreview {
  patientId: number;
  doctorId: number;
  durationMinutes: number;
  /** True when every occurrence can be booked as asked. */
  bookable: boolean;
  occurrences: SeriesOccurrenceCheck[];
}

/** details of a SERIES_CONFLICT refusal: the occurrences that failed, each with its alternatives. */
export interface SeriesConflictDetails {
  conflicts: Extract<SeriesOccurrenceCheck, { ok: false }>[];
}

export interface SeriesView {
  id: number;
  patientId: number;
  doctorId: number;
  intervalWeeks: number;
  occurrenceCount: number | null;
  untilDate: string | null;
  /** The series' visits, soonest first. */
  appointments: AppointmentView[];
}

export interface SeriesCancellation {
  seriesId: number;
  patientId: number;
  cancelled: AppointmentView[];
  /** Visits of the chosen range left as they were: already past, or no longer live. */
  untouched: number;
}

/** A range of clinic wall-clock time on one day: 'HH:MM'; an end of '24:00' is midnight. */
export interface WallTimeRange {
  start: string;
  end: string;
}

export interface CalendarBlock extends WallTimeRange {
  /** True when the doctor is away the whole day. */
  wholeDay: boolean;
  reason: string | null;
}

export interface CalendarAppointment {
  id: number;
  patientId: number;
  patientFirstName: string;
  patientLastName: string;
  patientPhone: string;
  time: string;
  durationMinutes: number;
  status: AppointmentStatus;
  appointmentType: AppointmentType;
  seriesId: number | null;
  /** ISO instant the patient was recorded as arrived, or null. */
  checkedInAt: string | null;
  /** ISO instants of the visit's later steps, or null. */
  inRoomAt: string | null;
  withDoctorAt: string | null;
  checkedOutAt: string | null;
  /** Booked for someone who came in without an appointment. */
  walkIn: boolean;
}

export interface CalendarDoctorDay {
  doctorId: number;
  doctorName: string;
  specialization: string;
  /** Bookable hours: weekly availability within opening hours, minus the blocks. */
  working: WallTimeRange[];
  blocks: CalendarBlock[];
  /** Every appointment of the day, all statuses, by time. */
  appointments: CalendarAppointment[];
}

export interface CalendarDay {
  date: string;
  timezone: string;
  doctors: CalendarDoctorDay[];
}
