import { z } from 'zod';
import { flag, instant, labels, missingOr, oneOf, recordId, text, type StoredIdentity } from './fields';

/** Collection `patient_feedback` of the seed (field spellings kept, including `facilityCleanlines`). */

export const MODERATION_STATUSES = ['Pending', 'Approved', 'Rejected'] as const;
export type ModerationStatus = (typeof MODERATION_STATUSES)[number];

const stars = (label: string) =>
  z
    .number({ error: `${label} rating must be a number from 1 to 5` })
    .int(`${label} rating must be a whole number of stars`)
    .min(1, `${label} rating must be from 1 to 5`)
    .max(5, `${label} rating must be from 1 to 5`);

export const FeedbackRatingsSchema = z.strictObject({
  // The seed's 4.5: the overall rating may be a half star.
  overall: z
    .number({ error: missingOr('Overall rating', 'Overall rating must be a number from 1 to 5') })
    .min(1, 'Overall rating must be from 1 to 5')
    .max(5, 'Overall rating must be from 1 to 5')
    .multipleOf(0.5, 'Overall rating must be in half stars'),
  doctorProfessionalism: stars('Doctor professionalism').optional(),
  waitTime: stars('Wait time').optional(),
  facilityCleanlines: stars('Facility cleanliness').optional(),
  staffFriendliness: stars('Staff friendliness').optional(),
});
export type FeedbackRatings = z.output<typeof FeedbackRatingsSchema>;

/** What a caller supplies; the store adds `id`. */
export const PatientFeedbackSchema = z.strictObject({
  appointmentId: recordId('Appointment'),
  patientId: recordId('Patient'),
  doctorId: recordId('Doctor'),
  ratings: FeedbackRatingsSchema,
  textReview: text('Review', 5000).optional(),
  recommendToFriend: flag('Recommend to a friend').optional(),
  anonymous: flag('Anonymous').default(false),
  feedbackDate: instant('Feedback date').default(() => new Date()),
  tags: labels('Tags', 20, 50).default([]),
  improvement_suggestions: labels('Improvement suggestions', 20, 1000).default([]),
  wouldReturnToDoctor: flag('Would return to the doctor').optional(),
  verified: flag('Verified').default(false),
  moderationStatus: oneOf('Moderation status', MODERATION_STATUSES).default('Pending'),
  // Additions to the seed: who moved the feedback out of Pending, and when.
  moderatedBy: recordId('Moderator').optional(),
  moderatedAt: instant('Moderated at').optional(),
});
export type PatientFeedbackInput = z.input<typeof PatientFeedbackSchema>;
export type PatientFeedbackFields = z.output<typeof PatientFeedbackSchema>;
export type PatientFeedback = PatientFeedbackFields & StoredIdentity;
