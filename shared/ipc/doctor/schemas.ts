import { z } from 'zod';
import { text } from '../../domain/text';
import { MedicationSchema, PharmacySchema } from '../../documents/prescriptions';
import { NewPassword } from '../schemas';
import { ConflictResolution, UnavailableBlockInput, WeeklyRanges } from '../admin/availability';
import { DateText, TimeText } from '../scheduling-schemas';

const Id = z.number().int().positive();
/** A document id: 24 hex digits in both document stores. */
export const DocumentId = text().regex(/^[0-9a-f]{24}$/, 'Not a prescription id');

export const MyDayInput = z.object({ date: DateText }).strict();
export const DoctorAppointmentInput = z.object({ appointmentId: Id }).strict();
export const VisitOutcomeInput = z.object({ appointmentId: Id, status: z.enum(['Completed', 'No-Show']) }).strict();
export const PrescriptionIdInput = z.object({ prescriptionId: DocumentId }).strict();

/**
 * What the doctor writes. patientName, doctorName, ids, dates, signature and status come from
 * main (the relational data and the signing service), never from the form.
 */
export const PrescriptionContentSchema = z
  .object({
    medications: z.array(MedicationSchema).min(1, 'A prescription needs at least one medication').max(50, 'At most 50 medications'),
    diagnosis: text().trim().max(500, 'Diagnosis must be at most 500 characters').optional(),
    clinicalNotes: text().trim().max(10_000, 'Clinical notes must be at most 10000 characters').optional(),
    followUpRequired: z.boolean().default(false),
    followUpDays: z.number().int().min(1, 'Follow-up days must be at least 1').max(365, 'Follow-up days must be at most 365').optional(),
    pharmacy: PharmacySchema.optional(),
  })
  .strict()
  .superRefine((content, ctx) => {
    if (content.followUpRequired && content.followUpDays === undefined) {
      ctx.addIssue({ code: 'custom', path: ['followUpDays'], message: 'Say in how many days the follow-up should be' });
    }
  });
export type PrescriptionContent = z.output<typeof PrescriptionContentSchema>;
export type PrescriptionContentInput = z.input<typeof PrescriptionContentSchema>;

export const SavePrescriptionInput = z
  .object({
    appointmentId: Id,
    /** The prescription being changed: an unsigned one changes in place, a signed one gets a new version. */
    prescriptionId: DocumentId.optional(),
    content: PrescriptionContentSchema,
  })
  .strict();

export const SignPrescriptionInput = z
  .object({
    prescriptionId: DocumentId,
    /** Needed when this workstation keeps the doctor's signing key sealed by their password. */
    password: text().min(1, 'Enter your password').max(256).optional(),
    /**
     * The recorded allergies (substances) the doctor has seen matched by a medication and
     * prescribes anyway; main checks them against the patient's record at signing.
     */
    acknowledgedAllergies: z.array(text().trim().min(1).max(100, 'A substance name must be at most 100 characters')).max(50).default([]),
  })
  .strict();

export const FollowUpSlotsInput = z.object({ prescriptionId: DocumentId, count: z.number().int().min(1).max(20).default(6) }).strict();
export const FollowUpBookInput = z
  .object({ prescriptionId: DocumentId, date: DateText, time: TimeText, idempotencyKey: text().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/) })
  .strict();

/** Typeahead of medication names the clinic has prescribed before. */
export const MedicationNamesInput = z.object({ startsWith: text().trim().max(100).default('') }).strict();

export const SetDoctorPasswordInput = z.object({ doctorId: Id, newPassword: NewPassword }).strict();

/**
 * A doctor's own weekly hours and days off (schedule.own): the admin's availability inputs
 * without a doctorId: main takes the doctor from the session, so no other doctor can be named.
 */
export const OwnPreviewWeeklyInput = z.object({ weekly: WeeklyRanges }).strict();
export const OwnSaveWeeklyInput = z.object({ weekly: WeeklyRanges, resolution: ConflictResolution }).strict();
export const OwnPreviewBlockInput = z.object({ block: UnavailableBlockInput }).strict();
export const OwnAddBlockInput = z.object({ block: UnavailableBlockInput, resolution: ConflictResolution }).strict();
export const OwnRemoveBlockInput = z.object({ blockId: Id }).strict();
