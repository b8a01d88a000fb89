import { useEffect } from 'react';
import { useFeedbackStore } from '../../stores/feedback-store';
import { DoctorFeedbackList } from './DoctorFeedbackList';
import { DoctorRatingSummary } from './DoctorRatingSummary';
import { ProblemBanner } from '../../components/ProblemBanner';
import { AdminPage } from '../../components/AdminPage';

/** A doctor's own approved feedback and their rating summary. */
export function MyFeedbackScreen({ doctorId, zone }: { doctorId: number; zone: string }) {
  const loadMine = useFeedbackStore((state) => state.loadMine);
  const mineError = useFeedbackStore((state) => state.mineError);
  useEffect(() => {
    // fresh every time the section opens: approvals happen elsewhere
    void loadMine();
  }, [loadMine]);
  return (
    <AdminPage
      titleId="my-feedback-title"
      title="My feedback"
      lead="What your patients said, once approved. Anonymous feedback comes without a name."
    >
      <ProblemBanner title="Your feedback could not be loaded" error={mineError} />
      <DoctorRatingSummary doctorId={doctorId} />
      <DoctorFeedbackList doctorId={doctorId} zone={zone} />
    </AdminPage>
  );
}
