import { z } from 'zod';
import { text } from '../domain/text';
import { isIsoDate } from '../domain/plain-date';
import {
  MAX_INTERVAL_WEEKS,
  MAX_OCCURRENCES,
  MIN_INTERVAL_WEEKS,
  MIN_OCCURRENCES,
  repeatRuleProblem,
  type RepeatRule,
} from '../domain/scheduling/recurrence';
import { VISIT_STEPS } from '../domain/scheduling/visit-steps';
import { APPOINTMENT_TYPES } from './scheduling-types';

export const DateText = text().refine(isIsoDate, 'Give a date');
export const TimeText = text().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give a time');
const Id = z.number().int().positive();
const Duration = z.number().int().min(5, 'At least 5 minutes').max(480, 'At most 8 hours').multipleOf(5, 'Use steps of 5 minutes');

export const BookAppointmentInput = z
  .object({
    patientId: Id,
    doctorId: Id,
    date: DateText,
    time: TimeText,
    durationMinutes: Duration.optional(),
    appointmentType: z.enum(APPOINTMENT_TYPES).optional(),
    patientNotes: text().trim().max(2000).nullable().optional(),
    /** A walk-in: marked so, and recorded as arrived when booked for today. */
    walkIn: z.boolean().optional(),
    /** Generated once per booking attempt by the client; retries reuse it. */
    idempotencyKey: text().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();

export const RescheduleAppointmentInput = z
  .object({ appointmentId: Id, doctorId: Id.optional(), date: DateText, time: TimeText, durationMinutes: Duration.optional() })
  .strict();

export const CancelAppointmentInput = z
  .object({ appointmentId: Id, reason: text().trim().max(500).nullable().optional() })
  .strict();

export const SetAppointmentStatusInput = z
  .object({ appointmentId: Id, status: z.enum(['Confirmed', 'Completed', 'No-Show']) })
  .strict();

export const RecordArrivalInput = z.object({ appointmentId: Id }).strict();

export const FreeSlotsInput = z
  .object({ doctorId: Id, fromDate: DateText, days: z.number().int().min(1).max(31), durationMinutes: Duration.optional() })
  .strict();

export const SoonestSlotsInput = z
  .object({
    doctorIds: z.array(Id).max(200).optional(),
    specialization: text().trim().min(1).max(100).optional(),
    durationMinutes: Duration.optional(),
    count: z.number().int().min(1).max(50).default(5),
    fromDate: DateText.optional(),
    days: z.number().int().min(1).max(90).default(30),
  })
  .strict();

const RepeatInput = z
  .object({
    intervalWeeks: z.number().int().min(MIN_INTERVAL_WEEKS, 'Repeat at least every week').max(MAX_INTERVAL_WEEKS, `Repeat at most every ${MAX_INTERVAL_WEEKS} weeks`),
    count: z.number().int().min(MIN_OCCURRENCES, `At least ${MIN_OCCURRENCES} visits`).max(MAX_OCCURRENCES, `At most ${MAX_OCCURRENCES} visits`).optional(),
    until: DateText.optional(),
  })
  .strict()
  .superRefine((repeat, ctx) => {
    if ((repeat.count === undefined) === (repeat.until === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['count'], message: 'Give either a number of visits or an end date' });
    }
  })
  .transform(({ intervalWeeks, count, until }): RepeatRule => (count !== undefined ? { intervalWeeks, count } : { intervalWeeks, until: until as string }));

const seriesFields = {
  patientId: Id,
  doctorId: Id,
  /** The first visit; the others follow every N weeks on the same weekday, at the same time. */
  date: DateText,
  time: TimeText,
  durationMinutes: Duration.optional(),
  appointmentType: z.enum(APPOINTMENT_TYPES).optional(),
  patientNotes: text().trim().max(2000).nullable().optional(),
  repeat: RepeatInput,
};

/**
 * An end date must leave 2 to 52 visits: known only once the first date is. The other limits
 * are checked field by field above; zod runs this refinement even when they failed, so it looks
 * at a well-formed "until" rule only (a count or interval error is already reported).
 */
function checkSeriesLength(series: { date: string; repeat: RepeatRule }, ctx: z.RefinementCtx): void {
  const repeat = series.repeat as { intervalWeeks: unknown; count?: unknown; until?: unknown };
  const intervalOk = Number.isInteger(repeat.intervalWeeks) && (repeat.intervalWeeks as number) >= MIN_INTERVAL_WEEKS && (repeat.intervalWeeks as number) <= MAX_INTERVAL_WEEKS;
  if (!intervalOk || repeat.count !== undefined || typeof repeat.until !== 'string') return;
  const problem = repeatRuleProblem(series.date, { intervalWeeks: repeat.intervalWeeks as number, until: repeat.until });
  if (problem) ctx.addIssue({ code: 'custom', path: ['repeat', 'until'], message: problem });
}

export const SeriesPreviewInput = z.object(seriesFields).strict().superRefine(checkSeriesLength);

const OccurrenceOverride = z
  .object({ index: z.number().int().min(0).max(MAX_OCCURRENCES - 1), date: DateText, time: TimeText })
  .strict();

export const SeriesBookInput = z
  .object({
    ...seriesFields,
    /** Alternatives chosen in the preview, one per occurrence at most (by its index). */
    overrides: z
      .array(OccurrenceOverride)
      .max(MAX_OCCURRENCES)
      .refine((list) => new Set(list.map((o) => o.index)).size === list.length, 'Choose at most one alternative per visit')
      .optional(),
    idempotencyKey: text().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict()
  .superRefine(checkSeriesLength);

export const SeriesCancelInput = z
  .object({
    seriesId: Id,
    /** Cancel this visit and every later one; without it, the whole series. */
    fromAppointmentId: Id.optional(),
    reason: text().trim().max(500).nullable().optional(),
  })
  .strict();

export const CalendarDayInput = z
  .object({
    date: DateText,
    doctorIds: z.array(Id).min(1).max(200).optional(),
    specialization: text().trim().min(1).max(100).optional(),
  })
  .strict();

export const RecordVisitStepInput = z.object({ appointmentId: Id, step: z.enum(VISIT_STEPS) }).strict();
