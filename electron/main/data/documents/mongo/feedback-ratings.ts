import { RATING_NAMES, type DoctorRatingTotals } from '../../../../../shared/documents';
import type { FeedbackRatingAggregator } from '../document-store';
import { guarded } from './mongo-errors';
import type { DocumentModel } from './mongoose-schemas';

interface DoctorSum {
  _id: number;
  sum: number;
}

/**
 * Rating summaries by aggregation pipeline: per rating, `$match` (moderation status, the doctors,
 * the rating present) then `$group` by doctor with `$sum`; once summing 1 (the count), once the
 * rating (the total); average = total / count, the division `$avg` makes. All run side by side.
 *
 * Why not one pipeline with `$avg` and several accumulators: measured on FerretDB 1.24,
 * `$avg` answers "accumulator $avg is not implemented yet", `$cond` is missing, and a `$group`
 * with more than one accumulator computes only the first (the others come back 0). One `$sum`
 * per `$group` is correct there and on MongoDB.
 */
export function createMongoFeedbackRatings(model: DocumentModel): FeedbackRatingAggregator {
  const context = { label: 'feedback entry', uniqueFields: ['appointmentId'] };

  async function sumByDoctor(match: Record<string, unknown>, summed: 1 | string): Promise<Map<number, number>> {
    const groups = await model.aggregate<DoctorSum>([{ $match: match }, { $group: { _id: '$doctorId', sum: { $sum: summed } } }]).exec();
    return new Map(groups.map((group) => [Number(group._id), Number(group.sum)]));
  }

  return {
    summarize: ({ moderationStatus, doctorIds }) =>
      guarded(context, async () => {
        const base: Record<string, unknown> = { moderationStatus };
        if (doctorIds) base.doctorId = { $in: [...doctorIds] };
        const perRating = await Promise.all(
          RATING_NAMES.map(async (name) => {
            const match = { ...base, [`ratings.${name}`]: { $exists: true } };
            const [counts, totals] = await Promise.all([sumByDoctor(match, 1), sumByDoctor(match, `$ratings.${name}`)]);
            return { name, counts, totals };
          }),
        );
        const byDoctor = new Map<number, DoctorRatingTotals>();
        for (const { name, counts, totals } of perRating) {
          for (const [doctorId, count] of counts) {
            let entry = byDoctor.get(doctorId);
            if (!entry) {
              const ratings = Object.fromEntries(RATING_NAMES.map((rating) => [rating, { average: null, count: 0 }])) as DoctorRatingTotals['ratings'];
              entry = { doctorId, feedbackCount: 0, ratings };
              byDoctor.set(doctorId, entry);
            }
            entry.ratings[name] = { average: count > 0 ? (totals.get(doctorId) ?? 0) / count : null, count };
            // overall is required, so its count is the number of feedback documents
            if (name === 'overall') entry.feedbackCount = count;
          }
        }
        return [...byDoctor.values()].sort((a, b) => a.doctorId - b.doctorId);
      }),
  };
}
