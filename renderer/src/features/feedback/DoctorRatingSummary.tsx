import { useEffect, useState } from 'react';
import { RATING_NAMES, type RatingName } from '../../../../shared/documents/feedback-summary';
import type { DoctorRatingSummary as Summary } from '../../../../shared/ipc/kiosk/types';
import type { AppError } from '../../../../shared/ipc/result';
import { Spinner } from '../../components/Spinner';
import { useAppStore } from '../../stores/app-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { RatingStars } from './RatingStars';
import { ProblemBanner } from '../../components/ProblemBanner';

export const RATING_LABEL: Record<RatingName, string> = {
  overall: 'Overall',
  doctorProfessionalism: 'Professionalism',
  waitTime: 'Wait time',
  facilityCleanlines: 'Cleanliness',
  staffFriendliness: 'Staff friendliness',
};

/** The figures of one summary: averages per rating and how many ratings each rests on. */
export function RatingSummaryCard({ summary }: { summary: Summary }) {
  return (
    <div className="card rating-summary" aria-label={`Ratings of ${summary.doctorName}`}>
      <div className="rating-summary__headline">
        <span className="rating-summary__big">{summary.ratings.overall.average === null ? '–' : summary.ratings.overall.average.toFixed(1)}</span>
        <div>
          <RatingStars value={summary.ratings.overall.average} label="Overall" showValue={false} />
          <p className="rating-summary__count">
            {summary.feedbackCount} approved review{summary.feedbackCount === 1 ? '' : 's'}
          </p>
        </div>
      </div>
      <dl className="rating-summary__list">
        {RATING_NAMES.filter((name) => name !== 'overall').map((name) => (
          <div key={name} className="rating-summary__row">
            <dt>{RATING_LABEL[name]}</dt>
            <dd>
              <span className="rating-summary__bar" aria-hidden="true">
                <span style={{ width: `${((summary.ratings[name].average ?? 0) / 5) * 100}%` }} />
              </span>
              <span className="rating-summary__value">{summary.ratings[name].average === null ? '–' : summary.ratings[name].average.toFixed(1)}</span>
              <span className="rating-summary__n">({summary.ratings[name].count})</span>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/**
 * Self-contained: a doctor's rating summary for any page that knows the doctor's id (the doctor's
 * page for admins, a doctor's own page). A doctor sees their own through feedback.mine; admins
 * through feedback.ratingSummaries. Main computes it from approved feedback only.
 */
export function DoctorRatingSummary({ doctorId }: { doctorId: number }) {
  const user = useAppStore((state) => state.user);
  const own = user?.role === 'doctor' && user.id === doctorId;
  const mine = useFeedbackStore((state) => state.mine);
  const loadMine = useFeedbackStore((state) => state.loadMine);
  const loadSummary = useFeedbackStore((state) => state.loadSummary);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (own) {
      if (!useFeedbackStore.getState().mine) void loadMine();
      return;
    }
    let current = true;
    void loadSummary(doctorId).then((result) => {
      if (!current) return;
      if (result.ok) setSummary(result.data[0] ?? null);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [doctorId, own, loadMine, loadSummary]);

  const shown = own ? (mine?.summary ?? null) : summary;
  if (error) {
    return (
      <ProblemBanner title="The ratings could not be loaded" error={error} />
    );
  }
  if (!shown) return <Spinner label="Loading ratings" />;
  return <RatingSummaryCard summary={shown} />;
}
