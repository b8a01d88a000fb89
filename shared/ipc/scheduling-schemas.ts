import { z } from 'zod';
import { isIsoDate } from '../domain/scheduling/wall-clock';
import { APPOINTMENT_TYPES } from './scheduling-types';

export const DateText = z.string().refine(isIsoDate, 'Use a date like 2026-12-31');
export const TimeText = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:30');
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
    patientNotes: z.string().trim().max(2000).nullable().optional(),
    /** Generated once per booking attempt by the client; retries reuse it. */
    idempotencyKey: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
  })
  .strict();

export const RescheduleAppointmentInput = z
  .object({ appointmentId: Id, doctorId: Id.optional(), date: DateText, time: TimeText, durationMinutes: Duration.optional() })
  .strict();

export const CancelAppointmentInput = z
  .object({ appointmentId: Id, reason: z.string().trim().max(500).nullable().optional() })
  .strict();

export const SetAppointmentStatusInput = z
  .object({ appointmentId: Id, status: z.enum(['Confirmed', 'Completed', 'No-Show']) })
  .strict();

export const FreeSlotsInput = z
  .object({ doctorId: Id, fromDate: DateText, days: z.number().int().min(1).max(31), durationMinutes: Duration.optional() })
  .strict();

export const SoonestSlotsInput = z
  .object({
    doctorIds: z.array(Id).max(200).optional(),
    specialization: z.string().trim().min(1).max(100).optional(),
    durationMinutes: Duration.optional(),
    count: z.number().int().min(1).max(50).default(5),
    fromDate: DateText.optional(),
    days: z.number().int().min(1).max(90).default(30),
  })
  .strict();
