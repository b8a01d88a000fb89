import { useState } from 'react';
import { Spinner } from '../../components/Spinner';
import { useFeedbackStore } from '../../stores/feedback-store';
import { DoctorFeedbackList } from './DoctorFeedbackList';
import { DoctorRatingSummary } from './DoctorRatingSummary';
import { RatingStars } from './RatingStars';
import { ProblemBanner } from '../../components/ProblemBanner';
import { AdminPage } from '../../components/AdminPage';
import { DataTable } from '../../components/DataTable';
import { useLoadOnOpen } from '../../hooks/use-load-on-open';

/** Admins: every doctor's ratings from approved feedback; a doctor's row opens their summary and reviews. */
export function DoctorRatingsScreen({ zone }: { zone: string }) {
  const { summaries, summariesError, loadSummaries } = useFeedbackStore();
  const [chosen, setChosen] = useState<number | null>(null);
  useLoadOnOpen(loadSummaries);
  const doctor = summaries?.find((summary) => summary.doctorId === chosen) ?? null;
  return (
    <AdminPage
      titleId="ratings-title"
      title="Doctor ratings"
      lead="Averages of approved patient feedback, computed by the clinic's document store."
    >
      <ProblemBanner title="The ratings could not be loaded" error={summariesError} />
      {!summaries ? (
        <Spinner label="Loading ratings" />
      ) : (
        <DataTable
          label="Doctor ratings"
          columns={['Doctor', 'Specialization', 'Overall', 'Reviews', { label: 'Actions', visuallyHidden: true }]}
          empty={summaries.length === 0 ? 'No approved feedback yet.' : null}
        >
          {summaries.map((summary) => (
            <tr key={summary.doctorId}>
              <td className="data-table__strong">{summary.doctorName}</td>
              <td>{summary.specialization}</td>
              <td>
                <RatingStars value={summary.ratings.overall.average} label={`Overall rating of ${summary.doctorName}`} />
              </td>
              <td>{summary.feedbackCount}</td>
              <td className="data-table__actions">
                <button type="button" className="button button--ghost button--small" onClick={() => setChosen(summary.doctorId)} aria-label={`Show feedback of ${summary.doctorName}`}>
                  Show feedback
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      {doctor ? (
        <div className="ratings-detail" aria-label={`Feedback of ${doctor.doctorName}`}>
          <h3 className="section-title">{doctor.doctorName}</h3>
          <DoctorRatingSummary doctorId={doctor.doctorId} />
          <DoctorFeedbackList doctorId={doctor.doctorId} zone={zone} />
        </div>
      ) : null}
    </AdminPage>
  );
}
