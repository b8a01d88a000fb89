import { useFeedbackStore } from '../../stores/feedback-store';
import { DoctorFeedbackList } from './DoctorFeedbackList';
import { DoctorRatingSummary } from './DoctorRatingSummary';
import { ProblemBanner } from '../../components/ProblemBanner';
import { AdminPage } from '../../components/AdminPage';
import { useLoadOnOpen } from '../../hooks/use-load-on-open';

/** A doctor's own approved feedback and their rating summary. */
export function MyFeedbackScreen({ doctorId, zone }: { doctorId: number; zone: string }) {
  const loadMine = useFeedbackStore((state) => state.loadMine);
  const mineError = useFeedbackStore((state) => state.mineError);
  // fresh every time the section opens: approvals happen elsewhere
  useLoadOnOpen(loadMine);
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
