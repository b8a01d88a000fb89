import { formatClockTime, formatDayLongNoYear, formatInstantDay } from '../../stores/display-format';
import { useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { KioskVisit } from '../../../../shared/ipc/kiosk/types';
import type { SessionUser } from '../../../../shared/ipc/types';
import { Banner } from '../../components/Banner';
import { Spinner } from '../../components/Spinner';
import { useAppStore } from '../../stores/app-store';
import { useKioskStore } from '../../stores/kiosk-store';
import { FeedbackForm } from './FeedbackForm';
import { dayLabel } from './kiosk-format';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useLoadOnOpen } from '../../hooks/use-load-on-open';

/** What the patient has already done for a visit, ticked off. */
function DoneMark({ children }: { children: string }) {
  return (
    <span className="kiosk-done-mark">
      <svg viewBox="0 0 20 20" aria-hidden="true">
        <path d="M4.5 10.5l3.5 3.5 7.5-8" />
      </svg>
      {children}
    </span>
  );
}

function CheckInButton({ visit }: { visit: KioskVisit }) {
  const checkIn = useKioskStore((state) => state.checkIn);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (visit.checkedIn) {
    return <DoneMark>Checked in</DoneMark>;
  }
  if (!visit.canCheckIn) return null;
  return (
    <div className="kiosk-visit__action">
      <button
        type="button"
        className="kiosk-button kiosk-button--primary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await checkIn(visit.appointmentId);
          setBusy(false);
          if (!result.ok) setError(result.error);
        }}
      >
        {busy ? <Spinner /> : null}
        Check in
      </button>
      {error ? <p className="kiosk-inline-error" role="alert">{error.message}</p> : null}
    </div>
  );
}

function VisitRow({ visit, today }: { visit: KioskVisit; today: string }) {
  return (
    <li className={`kiosk-visit${visit.date === today ? ' kiosk-visit--today' : ''}`}>
      <div className="kiosk-visit__when">
        <span className="kiosk-visit__day">{dayLabel(visit.date, today)}</span>
        <span className="kiosk-visit__time">{formatClockTime(visit.time)}</span>
      </div>
      <div className="kiosk-visit__what">
        <span className="kiosk-visit__doctor">{visit.doctorName}</span>
        <span className="kiosk-visit__meta">
          {visit.appointmentType}
          {visit.specialization ? ` · ${visit.specialization}` : ''}
        </span>
      </div>
      <CheckInButton visit={visit} />
    </li>
  );
}

/** The signed-in patient's page at the kiosk: today's check-in, what is coming, prescriptions, feedback. */
export function KioskHome({ user }: { user: SessionUser }) {
  const { visits, prescriptions, loading, error, feedbackFor, thanks, load, startFeedback, dismissThanks } = useKioskStore();
  const zone = useAppStore((state) => state.status?.timezone ?? 'UTC');
  const checkInOnly = useAppStore((state) => state.kiosk?.checkInOnly === true);

  useLoadOnOpen(load);

  const firstName = user.displayName.split(' ')[0] ?? user.displayName;
  const feedbackVisit = visits?.recentCompleted.find((visit) => visit.appointmentId === feedbackFor) ?? null;

  if (feedbackVisit) return <FeedbackForm visit={feedbackVisit} onCancel={() => startFeedback(null)} />;

  return (
    <div className="kiosk-home">
      <h1 className="kiosk-home__greeting">Hello, {firstName}</h1>
      {thanks ? (
        <Banner tone="info" title={thanks} action={<button type="button" className="button button--secondary" onClick={dismissThanks}>OK</button>} />
      ) : null}
      <ProblemBanner title="Something could not be shown" error={error} />
      {loading && !visits ? (
        <div className="kiosk-loading">
          <Spinner label="Loading your appointments" />
        </div>
      ) : null}

      {visits ? (
        <div className="kiosk-grid">
          <section className="kiosk-card" aria-labelledby="kiosk-upcoming">
            <h2 id="kiosk-upcoming" className="kiosk-card__title">Your appointments</h2>
            {visits.upcoming.length === 0 ? (
              <p className="kiosk-empty">You have no upcoming appointments.</p>
            ) : (
              <ul className="kiosk-list kiosk-list--stacked">{visits.upcoming.map((visit) => <VisitRow key={visit.appointmentId} visit={visit} today={visits.today} />)}</ul>
            )}
          </section>

          <section className="kiosk-card" aria-labelledby="kiosk-prescriptions">
            <h2 id="kiosk-prescriptions" className="kiosk-card__title">Your active prescriptions</h2>
            {checkInOnly ? (
              <p className="kiosk-empty">To see your prescriptions here, sign in with your email and kiosk password. The front desk can set one up for you.</p>
            ) : !prescriptions || prescriptions.prescriptions.length === 0 ? (
              <p className="kiosk-empty">No active prescriptions.</p>
            ) : (
              <ul className="kiosk-list">
                {prescriptions.prescriptions.map((prescription) => (
                  <li key={prescription.id} className="kiosk-prescription">
                    <p className="kiosk-prescription__meta">
                      {prescription.doctorName} · {formatInstantDay(prescription.prescriptionDate, zone)}
                    </p>
                    <ul className="kiosk-medications">
                      {prescription.medications.map((medication, index) => (
                        <li key={index}>
                          <span className="kiosk-medications__name">
                            {medication.name} {medication.dosage}
                          </span>
                          <span className="kiosk-medications__how">
                            {medication.frequency}
                            {medication.duration ? `, ${medication.duration}` : ''}
                            {medication.instructions ? `. ${medication.instructions}` : ''}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="kiosk-card kiosk-card--wide" aria-labelledby="kiosk-recent">
            <h2 id="kiosk-recent" className="kiosk-card__title">How was your visit?</h2>
            {visits.recentCompleted.length === 0 ? (
              <p className="kiosk-empty">After a visit you can tell us how it went here.</p>
            ) : (
              <ul className="kiosk-list">
                {visits.recentCompleted.map((visit) => (
                  <li key={visit.appointmentId} className="kiosk-visit">
                    <div className="kiosk-visit__when">
                      <span className="kiosk-visit__day">{formatDayLongNoYear(visit.date)}</span>
                      <span className="kiosk-visit__time">{formatClockTime(visit.time)}</span>
                    </div>
                    <div className="kiosk-visit__what">
                      <span className="kiosk-visit__doctor">{visit.doctorName}</span>
                      <span className="kiosk-visit__meta">{visit.appointmentType}</span>
                    </div>
                    {visit.feedbackGiven ? (
                      <DoneMark>Feedback sent</DoneMark>
                    ) : (
                      <button type="button" className="kiosk-button kiosk-button--secondary" onClick={() => startFeedback(visit.appointmentId)}>
                        Leave feedback
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </div>
  );
}
