import { z } from 'zod';
import { text } from '../../domain/text';
import { APPOINTMENT_TYPES } from '../scheduling-types';
import { DateText, TimeText } from '../scheduling-schemas';

const Id = z.number().int().positive();
const Duration = z
  .number()
  .int()
  .min(5, 'At least 5 minutes')
  .max(480, 'At most 8 hours')
  .multipleOf(5, 'Use steps of 5 minutes');
const IdempotencyKey = text()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const Specialization = text().trim().min(1).max(100);

/** Who a walk-in waits for: one doctor, any doctor of a specialization, or (neither) any doctor. */
export const WalkInJoinInput = z
  .object({
    patientId: Id,
    doctorId: Id.optional(),
    specialization: Specialization.optional(),
    durationMinutes: Duration.optional(),
    appointmentType: z.enum(APPOINTMENT_TYPES).optional(),
    notes: text().trim().max(500).optional(),
  })
  .strict();

export const WalkInListInput = z.object({}).strict();
export const WalkInRemoveInput = z.object({ entryId: Id }).strict();

export const WalkInBookInput = z
  .object({ entryId: Id, doctorId: Id, date: DateText, time: TimeText, idempotencyKey: IdempotencyKey })
  .strict();

export const WaitingListAddInput = z
  .object({
    patientId: Id,
    doctorId: Id.optional(),
    specialization: Specialization.optional(),
    fromDate: DateText,
    toDate: DateText,
    earliestTime: TimeText,
    latestTime: TimeText,
    durationMinutes: Duration.optional(),
    appointmentType: z.enum(APPOINTMENT_TYPES).optional(),
    priority: z
      .number()
      .int()
      .min(1, 'Priority 1 (urgent) to 3 (normal)')
      .max(3, 'Priority 1 (urgent) to 3 (normal)')
      .default(3),
    notes: text().trim().max(500).optional(),
  })
  .strict()
  .superRefine((entry, ctx) => {
    if (entry.doctorId === undefined && entry.specialization === undefined) {
      ctx.addIssue({ code: 'custom', path: ['doctorId'], message: 'Choose a doctor or a specialization' });
    }
    if (entry.toDate < entry.fromDate)
      ctx.addIssue({ code: 'custom', path: ['toDate'], message: 'The last date cannot be before the first' });
    if (entry.latestTime <= entry.earliestTime)
      ctx.addIssue({ code: 'custom', path: ['latestTime'], message: 'The latest time must be after the earliest' });
  });

export const WaitingListListInput = z
  .object({
    /** Also find each entry's soonest matching free slots (costs a query per entry). */
    withSlots: z.boolean().default(false),
  })
  .strict();

export const WaitingListRemoveInput = z.object({ entryId: Id }).strict();

/** A slot that has just opened (a cancellation, new hours): who on the list fits it. */
export const WaitingListOffersInput = z
  .object({ doctorId: Id, date: DateText, time: TimeText, durationMinutes: Duration })
  .strict();

export const WaitingListBookInput = z
  .object({ entryId: Id, doctorId: Id, date: DateText, time: TimeText, idempotencyKey: IdempotencyKey })
  .strict();
