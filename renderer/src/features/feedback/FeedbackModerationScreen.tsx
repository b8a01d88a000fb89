import { formatMoment } from '../../stores/display-format';
import { useEffect, useState } from 'react';
import { MODERATION_STATUSES, type ModerationStatus } from '../../../../shared/documents/patient-feedback';
import { RATING_NAMES } from '../../../../shared/documents/feedback-summary';
import type { ModerationItem } from '../../../../shared/ipc/kiosk/types';
import type { AppError } from '../../../../shared/ipc/result';
import { Spinner } from '../../components/Spinner';
import { useFeedbackStore } from '../../stores/feedback-store';
import { RATING_LABEL } from './DoctorRatingSummary';
import { RatingStars } from './RatingStars';
import { ProblemBanner } from '../../components/ProblemBanner';
import { AdminPage } from '../../components/AdminPage';
import { FeedbackWords } from './FeedbackWords';

function QueueEntry({ item, zone }: { item: ModerationItem; zone: string }) {
  const moderate = useFeedbackStore((state) => state.moderate);
  const [busy, setBusy] = useState<'Approved' | 'Rejected' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  async function decide(decision: 'Approved' | 'Rejected') {
    setBusy(decision);
    setError(null);
    const result = await moderate(item.id, decision);
    setBusy(null);
    if (!result.ok) setError(result.error);
  }
  return (
    <li className="card feedback-entry" aria-label={`Feedback for ${item.doctorName}`}>
      <div className="feedback-entry__head">
        <RatingStars value={item.ratings.overall} label="Overall" />
        <span className="feedback-entry__who">
          {item.doctorName}
          <span className="feedback-entry__from"> · from {item.patientName}</span>
        </span>
        {item.anonymous ? <span className="tag tag--neutral">Anonymous to the doctor</span> : null}
        {item.verified ? <span className="tag tag--neutral">Verified visit</span> : null}
        <span className="feedback-entry__date">{formatMoment(item.feedbackDate, zone)}</span>
      </div>
      <dl className="feedback-entry__ratings">
        {RATING_NAMES.filter((name) => name !== 'overall' && item.ratings[name] !== undefined).map((name) => (
          <div key={name}>
            <dt>{RATING_LABEL[name]}</dt>
            <dd>{item.ratings[name]} / 5</dd>
          </div>
        ))}
        {item.recommendToFriend !== null ? (
          <div>
            <dt>Recommends</dt>
            <dd>{item.recommendToFriend ? 'Yes' : 'No'}</dd>
          </div>
        ) : null}
        {item.wouldReturnToDoctor !== null ? (
          <div>
            <dt>Would return</dt>
            <dd>{item.wouldReturnToDoctor ? 'Yes' : 'No'}</dd>
          </div>
        ) : null}
      </dl>
      <FeedbackWords textReview={item.textReview} tags={item.tags} suggestions={item.improvement_suggestions} />
      {error ? <p className="kiosk-inline-error" role="alert">{error.message}</p> : null}
      {item.moderationStatus === 'Pending' ? (
        <div className="feedback-entry__actions">
          <button type="button" className="button button--secondary" disabled={busy !== null} onClick={() => void decide('Rejected')}>
            {busy === 'Rejected' ? <Spinner /> : null}
            Reject
          </button>
          <button type="button" className="button button--primary" disabled={busy !== null} onClick={() => void decide('Approved')}>
            {busy === 'Approved' ? <Spinner /> : null}
            Approve
          </button>
        </div>
      ) : (
        <p className="feedback-entry__moderated">
          {item.moderationStatus} by {item.moderatedByName ?? 'an administrator'}
          {item.moderatedAt ? ` on ${formatMoment(item.moderatedAt, zone)}` : ''}
        </p>
      )}
    </li>
  );
}

/** Admins: feedback waits here until approved (shown to the doctor) or rejected. */
export function FeedbackModerationScreen({ zone }: { zone: string }) {
  const { queue, queueStatus, queueError, loadQueue } = useFeedbackStore();
  const [status, setStatus] = useState<ModerationStatus>(queueStatus);
  useEffect(() => {
    void loadQueue(status);
  }, [status, loadQueue]);
  return (
    <AdminPage
      titleId="feedback-title"
      title="Patient feedback"
      lead="Approved feedback is shown to the doctor; anonymous feedback never with the patient's name."
      actions={
        <div className="segmented" role="tablist" aria-label="Moderation status">
          {MODERATION_STATUSES.map((option) => (
            <button key={option} type="button" role="tab" aria-selected={status === option} className={`button ${status === option ? 'button--primary' : 'button--secondary'}`} onClick={() => setStatus(option)}>
              {option}
            </button>
          ))}
        </div>
      }
    >
      <ProblemBanner title="The feedback could not be loaded" error={queueError} />
      {!queue ? (
        <Spinner label="Loading feedback" />
      ) : queue.length === 0 ? (
        <p className="card table-card__empty">{status === 'Pending' ? 'Nothing waits for moderation.' : `No ${status.toLowerCase()} feedback.`}</p>
      ) : (
        <ul className="feedback-list" aria-label={`${status} feedback`}>
          {queue.map((item) => (
            <QueueEntry key={item.id} item={item} zone={zone} />
          ))}
        </ul>
      )}
    </AdminPage>
  );
}
