import { z } from 'zod';
import { text } from '../../domain/text';
import { FeedbackRatingsSchema, MODERATION_STATUSES } from '../../documents/patient-feedback';
import { Email } from '../schemas';
import { isIsoDate } from '../../domain/plain-date';

const Id = z.number().int().positive();
// Not trimmed: spaces can be part of a passphrase.
const Password = text().min(1, 'Enter your password').max(256, 'At most 256 characters');

/** Staff leaving kiosk mode: any front-desk or admin account's name and password. */
export const KioskExitInput = z
  .object({
    identifier: text().trim().min(1, 'Enter your user name or email').max(100, 'At most 100 characters'),
    password: Password,
  })
  .strict();
export type KioskExitInput = z.infer<typeof KioskExitInput>;

export const KioskSignInInput = z.object({ email: text().trim().min(1, 'Enter your email').max(100, 'At most 100 characters'), password: Password }).strict();
export type KioskSignInInput = z.infer<typeof KioskSignInInput>;

/**
 * A patient without a kiosk password (or without email) identifies by name, date of birth and the
 * last four digits of their phone; the session it opens is for checking in only.
 */
export const KioskBirthDateSignInInput = z
  .object({
    firstName: text().trim().min(1, 'Enter your first name').max(50, 'At most 50 characters'),
    lastName: text().trim().min(1, 'Enter your last name').max(50, 'At most 50 characters'),
    dateOfBirth: text().refine(isIsoDate, 'Enter your date of birth'),
    phoneLastFour: text()
      .trim()
      .regex(/^\d{4}$/, 'Enter the last four digits of your phone number'),
  })
  .strict();
export type KioskBirthDateSignInInput = z.infer<typeof KioskBirthDateSignInInput>;

export const FindKioskPatientInput = z.object({ email: Email }).strict();
export type FindKioskPatientInput = z.infer<typeof FindKioskPatientInput>;

/**
 * A patient's kiosk password. Eight characters at least (NIST 800-63B's floor for a chosen
 * secret): patients type it on a touch screen, and the lockout limits guessing.
 */
export const PatientKioskPassword = text().min(8, 'Password must be at least 8 characters').max(256, 'Password must be at most 256 characters');

export const SetPatientKioskPasswordInput = z.object({ patientId: Id, newPassword: PatientKioskPassword }).strict();
export type SetPatientKioskPasswordInput = z.infer<typeof SetPatientKioskPasswordInput>;

export const KioskCheckInInput = z.object({ appointmentId: Id }).strict();

const shortList = (label: string, maxItems: number, maxLength: number) =>
  z
    .array(text().trim().min(1, `${label}: an entry is empty`).max(maxLength, `${label}: at most ${maxLength} characters each`))
    .max(maxItems, `At most ${maxItems} ${label.toLowerCase()}`);

/** What the patient fills in; who they are, the doctor and verification come from main. */
export const SubmitFeedbackInput = z
  .object({
    appointmentId: Id,
    ratings: FeedbackRatingsSchema,
    textReview: text().trim().max(5000, 'Review must be at most 5000 characters').optional(),
    recommendToFriend: z.boolean().optional(),
    wouldReturnToDoctor: z.boolean().optional(),
    anonymous: z.boolean().default(false),
    tags: shortList('Tags', 20, 50).default([]),
    improvement_suggestions: shortList('Improvement suggestions', 20, 1000).default([]),
  })
  .strict();
export type SubmitFeedbackInput = z.input<typeof SubmitFeedbackInput>;

export const FeedbackQueueInput = z
  .object({
    status: z.enum(MODERATION_STATUSES).default('Pending'),
    limit: z.number().int().min(1).max(200).default(100),
  })
  .strict();
export type FeedbackQueueInput = z.input<typeof FeedbackQueueInput>;

export const ModerateFeedbackInput = z
  .object({
    feedbackId: text().regex(/^[0-9a-f]{24}$/, 'Not a feedback id'),
    decision: z.enum(['Approved', 'Rejected'], { error: 'Choose Approved or Rejected' }),
  })
  .strict();
export type ModerateFeedbackInput = z.infer<typeof ModerateFeedbackInput>;

export const RatingSummariesInput = z.object({ doctorId: Id.optional() }).strict();
export type RatingSummariesInput = z.infer<typeof RatingSummariesInput>;

export const DoctorFeedbackInput = z.object({ doctorId: Id, limit: z.number().int().min(1).max(200).default(50) }).strict();
export type DoctorFeedbackInput = z.input<typeof DoctorFeedbackInput>;
