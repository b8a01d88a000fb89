/** The five ratings of a patient_feedback document (the seed's names, `facilityCleanlines` as spelled there). */
export const RATING_NAMES = ['overall', 'doctorProfessionalism', 'waitTime', 'facilityCleanlines', 'staffFriendliness'] as const;
export type RatingName = (typeof RATING_NAMES)[number];

export interface RatingAggregate {
  /** Mean of the documents that carry this rating; null when none does (the four besides overall are optional). */
  average: number | null;
  /** How many documents carry this rating. */
  count: number;
}

/** One doctor's ratings over a set of feedback documents, as the document store computes them. */
export interface DoctorRatingTotals {
  doctorId: number;
  feedbackCount: number;
  ratings: Record<RatingName, RatingAggregate>;
}
