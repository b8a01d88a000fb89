import { formatMoment } from '../../stores/display-format';
import { useEffect, useState } from 'react';
import type { DoctorFeedbackView } from '../../../../shared/ipc/kiosk/types';
import type { AppError } from '../../../../shared/ipc/result';
import { Spinner } from '../../components/Spinner';
import { useAppStore } from '../../stores/app-store';
import { useFeedbackStore } from '../../stores/feedback-store';
import { RatingStars } from './RatingStars';
import { ProblemBanner } from '../../components/ProblemBanner';
import { FeedbackWords } from './FeedbackWords';

/** Approved feedback as a doctor sees it: anonymous entries arrive from main without any patient identity. */
export function FeedbackEntries({ feedback, zone }: { feedback: DoctorFeedbackView[]; zone: string }) {
  if (feedback.length === 0) return <p className="card table-card__empty">No approved feedback yet.</p>;
  return (
    <ul className="feedback-list" aria-label="Approved feedback">
      {feedback.map((entry) => (
        <li key={entry.id} className="card feedback-entry">
          <div className="feedback-entry__head">
            <RatingStars value={entry.ratings.overall} label="Overall" />
            <span className="feedback-entry__who">{entry.patient ? entry.patient.name : 'Anonymous patient'}</span>
            {entry.verified ? <span className="tag tag--neutral">Verified visit</span> : null}
            <span className="feedback-entry__date">{formatMoment(entry.feedbackDate, zone)}</span>
          </div>
          <FeedbackWords textReview={entry.textReview} tags={entry.tags} suggestions={entry.improvement_suggestions} />
        </li>
      ))}
    </ul>
  );
}

/** Self-contained: a doctor's approved feedback for any page that knows the doctor's id. */
export function DoctorFeedbackList({ doctorId, zone }: { doctorId: number; zone: string }) {
  const user = useAppStore((state) => state.user);
  const own = user?.role === 'doctor' && user.id === doctorId;
  const mine = useFeedbackStore((state) => state.mine);
  const loaded = useFeedbackStore((state) => state.byDoctor[doctorId]);
  const loadMine = useFeedbackStore((state) => state.loadMine);
  const loadDoctorFeedback = useFeedbackStore((state) => state.loadDoctorFeedback);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (own) {
      if (!useFeedbackStore.getState().mine) void loadMine();
      return;
    }
    void loadDoctorFeedback(doctorId).then((result) => setError(result.ok ? null : result.error));
  }, [doctorId, own, loadMine, loadDoctorFeedback]);

  const feedback = own ? mine?.feedback : loaded;
  if (error) {
    return (
      <ProblemBanner title="The feedback could not be loaded" error={error} />
    );
  }
  if (!feedback) return <Spinner label="Loading feedback" />;
  return <FeedbackEntries feedback={feedback} zone={zone} />;
}
