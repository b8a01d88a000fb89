import { formatClockTime, formatDayLongNoYear } from '../../stores/display-format';
import { useId, useState } from 'react';
import { RATING_NAMES, type RatingName } from '../../../../shared/documents/feedback-summary';
import type { AppError } from '../../../../shared/ipc/result';
import type { KioskVisit } from '../../../../shared/ipc/kiosk/types';
import { SubmitFeedbackInput } from '../../../../shared/ipc/kiosk/schemas';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { useKioskStore } from '../../stores/kiosk-store';
import { ProblemBanner } from '../../components/ProblemBanner';

export const RATING_QUESTION: Record<RatingName, string> = {
  overall: 'Overall',
  doctorProfessionalism: 'Your doctor',
  waitTime: 'Waiting time',
  facilityCleanlines: 'Cleanliness',
  staffFriendliness: 'Our staff',
};

const TAGS = ['Friendly', 'Thorough', 'On time', 'Clear explanations', 'Caring', 'Clean'];

function StarRating({ label, value, onChange, required }: { label: string; value: number | undefined; onChange: (value: number) => void; required?: boolean }) {
  const id = useId();
  return (
    <div className="kiosk-rating" role="radiogroup" aria-labelledby={id} aria-required={required || undefined}>
      <span id={id} className="kiosk-rating__label">
        {label}
        {required ? <span className="kiosk-rating__required"> (required)</span> : null}
      </span>
      <div className="kiosk-rating__stars">
        {[1, 2, 3, 4, 5].map((star) => (
          <button
            key={star}
            type="button"
            role="radio"
            aria-checked={value === star}
            aria-label={`${label}: ${star} of 5`}
            className={`kiosk-star${value !== undefined && star <= value ? ' kiosk-star--on' : ''}`}
            onClick={() => onChange(star)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path d="M12 2.8l2.8 5.9 6.4.8-4.7 4.4 1.2 6.4L12 17.2l-5.7 3.1 1.2-6.4L2.8 9.5l6.4-.8z" />
            </svg>
          </button>
        ))}
      </div>
    </div>
  );
}

function YesNo({ label, value, onChange }: { label: string; value: boolean | undefined; onChange: (value: boolean) => void }) {
  const id = useId();
  return (
    <div className="kiosk-yesno" role="radiogroup" aria-labelledby={id}>
      <span id={id} className="kiosk-rating__label">{label}</span>
      <div className="kiosk-yesno__options">
        {[true, false].map((option) => (
          <button key={String(option)} type="button" role="radio" aria-checked={value === option} className={`kiosk-chip${value === option ? ' kiosk-chip--on' : ''}`} onClick={() => onChange(option)}>
            {option ? 'Yes' : 'No'}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Feedback on one completed visit: touch-sized stars and choices, nothing typed unless wanted. */
export function FeedbackForm({ visit, onCancel }: { visit: KioskVisit; onCancel: () => void }) {
  const submitFeedback = useKioskStore((state) => state.submitFeedback);
  const [ratings, setRatings] = useState<Partial<Record<RatingName, number>>>({});
  const [recommendToFriend, setRecommend] = useState<boolean | undefined>();
  const [wouldReturnToDoctor, setReturn] = useState<boolean | undefined>();
  const [tags, setTags] = useState<string[]>([]);
  const [textReview, setTextReview] = useState('');
  const [suggestions, setSuggestions] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const reviewId = useId();
  const suggestionsId = useId();

  async function send() {
    setProblem(null);
    setError(null);
    const parsed = SubmitFeedbackInput.safeParse({
      appointmentId: visit.appointmentId,
      ratings,
      ...(textReview.trim() ? { textReview } : {}),
      ...(recommendToFriend === undefined ? {} : { recommendToFriend }),
      ...(wouldReturnToDoctor === undefined ? {} : { wouldReturnToDoctor }),
      anonymous,
      tags,
      improvement_suggestions: suggestions.split('\n').map((line) => line.trim()).filter(Boolean),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setProblem(issue?.path.join('.') === 'ratings.overall' ? 'Please choose an overall rating.' : (issue?.message ?? 'Please check your answers.'));
      return;
    }
    setBusy(true);
    const result = await submitFeedback(parsed.data);
    setBusy(false);
    // on a refusal everything entered stays on screen
    if (!result.ok) setError(result.error);
  }

  return (
    <section className="kiosk-feedback kiosk-card" aria-labelledby="kiosk-feedback-title">
      <header className="kiosk-feedback__header">
        <h1 id="kiosk-feedback-title" className="kiosk-card__title kiosk-feedback__title">How was your visit?</h1>
        <p className="kiosk-feedback__visit">
          {visit.doctorName} · {formatDayLongNoYear(visit.date)}, {formatClockTime(visit.time)}
        </p>
      </header>
      {problem ? <Banner tone="error" title={problem} /> : null}
      <ProblemBanner title="Your feedback was not sent" error={error} />
      <div className="kiosk-feedback__ratings">
        {RATING_NAMES.map((name) => (
          <StarRating key={name} label={RATING_QUESTION[name]} value={ratings[name]} required={name === 'overall'} onChange={(value) => {
              setRatings((current) => ({ ...current, [name]: value }));
              // the overall rating was what was missing: the reminder has done its job
              if (name === 'overall') setProblem(null);
            }}
          />
        ))}
      </div>
      <div className="kiosk-feedback__row">
        <YesNo label="Would you recommend us to a friend?" value={recommendToFriend} onChange={setRecommend} />
        <YesNo label="Would you see this doctor again?" value={wouldReturnToDoctor} onChange={setReturn} />
      </div>
      <div className="kiosk-feedback__tags" role="group" aria-label="What stood out?">
        <span className="kiosk-rating__label">What stood out? (optional)</span>
        <div className="kiosk-chips">
          {TAGS.map((tag) => {
            const on = tags.includes(tag.toLowerCase());
            return (
              <button key={tag} type="button" aria-pressed={on} className={`kiosk-chip${on ? ' kiosk-chip--on' : ''}`} onClick={() => setTags((current) => (on ? current.filter((t) => t !== tag.toLowerCase()) : [...current, tag.toLowerCase()]))}>
                {tag}
              </button>
            );
          })}
        </div>
      </div>
      <div className="kiosk-feedback__texts">
        <div className="field">
          <label className="field__label" htmlFor={reviewId}>Tell us more (optional)</label>
          <textarea id={reviewId} className="field__input kiosk-textarea" rows={3} maxLength={5000} value={textReview} onChange={(event) => setTextReview(event.target.value)} />
        </div>
        <div className="field">
          <label className="field__label" htmlFor={suggestionsId}>What could we do better? (optional, one idea per line)</label>
          <textarea id={suggestionsId} className="field__input kiosk-textarea" rows={3} value={suggestions} onChange={(event) => setSuggestions(event.target.value)} />
        </div>
      </div>
      <label className="kiosk-check">
        <input type="checkbox" checked={anonymous} onChange={(event) => setAnonymous(event.target.checked)} />
        <span>
          Send anonymously
          <span className="kiosk-check__hint">Your doctor will not see your name.</span>
        </span>
      </label>
      <div className="kiosk-feedback__actions">
        <button type="button" className="kiosk-button kiosk-button--secondary" onClick={onCancel} disabled={busy}>
          Back
        </button>
        <BusyButton className="kiosk-button kiosk-button--primary" busy={busy} onClick={() => void send()}>
          Send feedback
        </BusyButton>
      </div>
    </section>
  );
}
