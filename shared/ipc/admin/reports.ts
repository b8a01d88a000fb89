import { z } from 'zod';
import { text } from '../../domain/text';
import { APPOINTMENT_STATUSES, type AppointmentStatus } from '../../domain/scheduling/lifecycle';
import type { WeekStart } from '../../domain/display-format';
import { addDays, isIsoDate, weekStartOf } from '../../domain/plain-date';

export const APPOINTMENT_TYPES = ['Consultation', 'Follow-up', 'Emergency', 'Check-up'] as const;
export type AppointmentTypeName = (typeof APPOINTMENT_TYPES)[number];
export { APPOINTMENT_STATUSES };

export const MAX_REPORT_WEEKS = 26;

export const ClinicReportInput = z
  .object({
    /** Any day of the first week; the report starts on that week's first day (the clinic's week_start). */
    fromDate: text().refine(isIsoDate, 'Give the first day'),
    weeks: z.number().int().min(1).max(MAX_REPORT_WEEKS, `At most ${MAX_REPORT_WEEKS} weeks`),
    doctorIds: z.array(z.number().int().positive()).max(500).optional(),
  })
  .strict();
export type ClinicReportInput = z.infer<typeof ClinicReportInput>;

/** The first days of the report's weeks, weeks starting on the clinic's first day (ISO weekday, 1 = Monday). */
export function reportWeeks(fromDate: string, weeks: number, firstIsoDay: WeekStart = 1): string[] {
  const first = weekStartOf(fromDate, firstIsoDay);
  return Array.from({ length: weeks }, (_, i) => addDays(first, i * 7));
}

export type CountsByStatus = Record<AppointmentStatus, number>;
export type CountsByType = Record<AppointmentTypeName, number>;

export interface DoctorWeek {
  weekStart: string;
  /** Bookable minutes: weekly hours ∩ opening hours − days off. */
  availableMinutes: number;
  /** Minutes of appointments that were not cancelled (Scheduled, Confirmed, Completed, No-Show). */
  bookedMinutes: number;
}

export interface DoctorUtilization {
  doctorId: number;
  name: string;
  specialization: string;
  isActive: boolean;
  weeks: DoctorWeek[];
  availableMinutes: number;
  bookedMinutes: number;
}

export interface WeekSummary {
  weekStart: string;
  availableMinutes: number;
  bookedMinutes: number;
  appointments: number;
  byStatus: CountsByStatus;
  byType: CountsByType;
  /** Patients registered (created) in the week, in the clinic's time zone. */
  newPatients: number;
}

export interface ReportTotals {
  availableMinutes: number;
  bookedMinutes: number;
  appointments: number;
  byStatus: CountsByStatus;
  byType: CountsByType;
  newPatients: number;
  /** No-shows / (completed + no-shows): of the visits that were due, how many were missed. Null when none were due. */
  noShowRate: number | null;
  /** Cancelled / all appointments of the period. Null without appointments. */
  cancellationRate: number | null;
}

export interface ClinicReport {
  from: string;
  /** The last day (a Sunday). */
  to: string;
  weeks: string[];
  doctors: DoctorUtilization[];
  byWeek: WeekSummary[];
  totals: ReportTotals;
  /** How long the database work took in main, in milliseconds (shown to the admin, measured by the bench). */
  elapsedMs: number;
}

export const emptyByStatus = (): CountsByStatus => Object.fromEntries(APPOINTMENT_STATUSES.map((s) => [s, 0])) as CountsByStatus;
export const emptyByType = (): CountsByType => Object.fromEntries(APPOINTMENT_TYPES.map((t) => [t, 0])) as CountsByType;

export function rates(byStatus: CountsByStatus, appointments: number): Pick<ReportTotals, 'noShowRate' | 'cancellationRate'> {
  const due = byStatus.Completed + byStatus['No-Show'];
  return {
    noShowRate: due === 0 ? null : byStatus['No-Show'] / due,
    cancellationRate: appointments === 0 ? null : byStatus.Cancelled / appointments,
  };
}

export const utilization = (booked: number, available: number): number | null => (available === 0 ? null : booked / available);
