import { useEffect } from 'react';
import { useFeedbackStore } from '../../stores/feedback-store';
import { DoctorFeedbackList } from './DoctorFeedbackList';
import { DoctorRatingSummary } from './DoctorRatingSummary';
import { ProblemBanner } from '../../components/ProblemBanner';

/** A doctor's own approved feedback and their rating summary. */
export function MyFeedbackScreen({ doctorId, zone }: { doctorId: number; zone: string }) {
  const loadMine = useFeedbackStore((state) => state.loadMine);
  const mineError = useFeedbackStore((state) => state.mineError);
  useEffect(() => {
    // fresh every time the section opens: approvals happen elsewhere
    void loadMine();
  }, [loadMine]);
  return (
    <section className="admin-page" aria-labelledby="my-feedback-title">
      <header className="admin-page__header">
        <div>
          <h2 id="my-feedback-title" className="admin-page__title">
            My feedback
          </h2>
          <p className="admin-page__lead">What your patients said, once approved. Anonymous feedback comes without a name.</p>
        </div>
      </header>
      {mineError ? (
        <ProblemBanner title="Your feedback could not be loaded" error={mineError} />
      ) : null}
      <DoctorRatingSummary doctorId={doctorId} />
      <DoctorFeedbackList doctorId={doctorId} zone={zone} />
    </section>
  );
}
