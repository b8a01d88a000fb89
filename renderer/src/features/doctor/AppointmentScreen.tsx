import { formatClockRange, formatDayLong, formatInstantDay } from '../../stores/display-format';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { DoctorAppointmentPage, FeedbackView, PrescriptionView } from '../../../../shared/ipc/doctor/types';
import { Spinner } from '../../components/Spinner';
import { useDoctorStore } from '../../stores/doctor-store';
import { endTime } from './format';
import { SignatureBadge, StatusBadge } from './StatusBadge';
import { ProblemBanner } from '../../components/ProblemBanner';
import { usePhoneFormat } from '../../hooks/use-clinic-phones';
import { emailForDisplay } from '../../../../shared/domain/reception/no-email';
import { PatientBanner } from './PatientBanner';
import { AllergyEditor } from '../../components/AllergyEditor';

function BackToDay() {
  const show = useDoctorStore((state) => state.show);
  return (
    <button type="button" className="back-link" onClick={() => show({ kind: 'day' })}>
      <svg viewBox="0 0 20 20" aria-hidden="true">
        <path d="M12.5 4.5L7 10l5.5 5.5" />
      </svg>
      My day
    </button>
  );
}

function Detail({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="detail">
      <dt>{label}</dt>
      <dd>{value ?? '—'}</dd>
    </div>
  );
}

function Stars({ value }: { value: number }) {
  return (
    <span className="stars" aria-label={`${value} of 5 stars`}>
      {[1, 2, 3, 4, 5].map((n) => (
        <span key={n} className={value >= n ? 'stars__on' : value >= n - 0.5 ? 'stars__half' : 'stars__off'} aria-hidden="true">
          ★
        </span>
      ))}
    </span>
  );
}

function FeedbackItem({ entry, zone }: { entry: FeedbackView; zone: string }) {
  return (
    <li className="feedback">
      <div className="feedback__head">
        <Stars value={entry.overall} />
        <span className="feedback__who">{entry.anonymous ? 'Anonymous patient' : entry.patientName}</span>
        <span className="feedback__date">{formatInstantDay(entry.feedbackDate, zone)}</span>
      </div>
      {entry.textReview ? <p className="feedback__text">{entry.textReview}</p> : null}
      {entry.tags.length > 0 ? (
        <p className="feedback__tags">
          {entry.tags.map((tag) => (
            <span key={tag} className="tag tag--neutral">
              {tag}
            </span>
          ))}
        </p>
      ) : null}
    </li>
  );
}

function PrescriptionItem({ rx, zone, onOpen }: { rx: PrescriptionView; zone: string; onOpen: () => void }) {
  return (
    <li className={`rx-item${rx.status === 'Superseded' ? ' rx-item--superseded' : ''}`}>
      <div className="rx-item__main">
        <p className="rx-item__title">
          {rx.diagnosis ?? 'No diagnosis given'}
          <span className="rx-item__version">v{rx.version}</span>
          {rx.status !== 'Active' ? <span className="tag tag--muted">{rx.status}</span> : null}
        </p>
        <p className="rx-item__meds">{rx.medications.map((m) => `${m.name} ${m.dosage}`).join(' · ')}</p>
        <p className="rx-item__meta">
          {formatInstantDay(rx.prescriptionDate, zone)} · {rx.doctorName}
        </p>
      </div>
      <div className="rx-item__side">
        <SignatureBadge signature={rx.signature} />
        <button type="button" className="button button--secondary button--small" onClick={onOpen} aria-label={`Open the prescription of ${formatInstantDay(rx.prescriptionDate, zone)}, version ${rx.version}`}>
          Open
        </button>
      </div>
    </li>
  );
}

function OutcomeActions({ page }: { page: DoctorAppointmentPage }) {
  const setOutcome = useDoctorStore((state) => state.setOutcome);
  const [busy, setBusy] = useState<'Completed' | 'No-Show' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const act = async (status: 'Completed' | 'No-Show') => {
    setBusy(status);
    setError(null);
    const result = await setOutcome(page.appointment.appointmentId, status);
    setBusy(null);
    if (!result.ok) setError(result.error);
  };
  return (
    <>
      <button type="button" className="button button--secondary" disabled={!page.canMarkNoShow || busy !== null} onClick={() => void act('No-Show')}>
        {busy === 'No-Show' ? <Spinner /> : null}
        Mark no-show
      </button>
      <button type="button" className="button button--secondary" disabled={!page.canComplete || busy !== null} onClick={() => void act('Completed')}>
        {busy === 'Completed' ? <Spinner /> : null}
        Complete visit
      </button>
      {error ? (
        <div className="appt-header__error">
          <ProblemBanner title="The visit was not changed" error={error} />
        </div>
      ) : null}
    </>
  );
}

/** One visit of the doctor's own: who the patient is, their history, the doctor's feedback. */
export function AppointmentScreen({ appointmentId, zone }: { appointmentId: number; zone: string }) {
  const { page, pageLoading, pageError, loadAppointment, show, setAllergies } = useDoctorStore();
  const showPhone = usePhoneFormat();

  useEffect(() => {
    void loadAppointment(appointmentId);
  }, [appointmentId, loadAppointment]);

  if (pageError) {
    return (
      <section className="doctor-page">
        <BackToDay />
        <ProblemBanner title={pageError.code === 'FORBIDDEN' ? 'Not one of your patients' : 'This visit could not be opened'} error={pageError} />
      </section>
    );
  }
  if (!page || page.appointment.appointmentId !== appointmentId) {
    return (
      <section className="doctor-page">
        <BackToDay />
        <div className="table-card__empty">{pageLoading ? <Spinner /> : null} Opening the visit…</div>
      </section>
    );
  }
  const { appointment, patient } = page;
  const writable = appointment.status !== 'Cancelled' && appointment.status !== 'No-Show';
  return (
    <section className="doctor-page" aria-labelledby="visit-title">
      <BackToDay />
      <PatientBanner patient={patient} prescriptions={page.prescriptions} headingId="visit-title" />
      <header className="card appt-header">
        <div className="appt-header__when">
          <p className="appt-header__time">
            {formatDayLong(appointment.date)} · {formatClockRange(appointment.time, endTime(appointment.time, appointment.durationMinutes))}
          </p>
          <p className="appt-header__meta">
            {appointment.appointmentType} <StatusBadge status={appointment.status} />
            {appointment.checkedIn ? <span className="tag tag--arrived">Arrived</span> : null}
          </p>
          {appointment.reason ? <p className="appt-header__reason">Reason: “{appointment.reason}”</p> : null}
        </div>
        <div className="appt-header__actions">
          <OutcomeActions page={page} />
          <button
            type="button"
            className="button button--primary"
            disabled={!writable}
            onClick={() => show({ kind: 'prescription', appointmentId: appointment.appointmentId, prescriptionId: null })}
          >
            Write prescription
          </button>
        </div>
      </header>

      <div className="appt-grid">
        <div className="appt-grid__col">
          {/* Told of an allergy in the consultation, the doctor records it here (also offline). */}
          <AllergyEditor
            key={`${patient.id}-${JSON.stringify(patient.allergies)}`}
            allergies={patient.allergies}
            onSave={(allergies, basedOn) => setAllergies(appointment.appointmentId, { patientId: patient.id, allergies, basedOn })}
          />
          <section className="card panel" aria-labelledby="patient-title">
            <h3 className="panel__title" id="patient-title">
              Patient
            </h3>
            <dl className="details">
              <Detail label="Phone" value={showPhone(patient.phone)} />
              <Detail label="Email" value={emailForDisplay(patient.email)} />
              <Detail label="Address" value={patient.address} />
              <Detail
                label="Emergency contact"
                value={patient.emergencyContactName ? `${patient.emergencyContactName}${patient.emergencyContactPhone ? ` · ${patient.emergencyContactPhone}` : ''}` : null}
              />
            </dl>
          </section>
          <section className="card panel" aria-labelledby="visits-title">
            <h3 className="panel__title" id="visits-title">
              Past visits <span className="panel__count">{page.pastVisits.length}</span>
            </h3>
            {page.pastVisits.length === 0 ? (
              <p className="panel__empty">No earlier visits at this clinic.</p>
            ) : (
              <table className="data-table data-table--compact" aria-label="Past visits">
                <tbody>
                  {page.pastVisits.map((visit) => (
                    <tr key={visit.appointmentId}>
                      <td className="data-table__mono">{visit.date}</td>
                      <td>
                        {visit.appointmentType}
                        <span className="past-visit__doctor">{visit.own ? 'with you' : visit.doctorName}</span>
                      </td>
                      <td className="day-list__reason">{visit.reason ?? '—'}</td>
                      <td>
                        <StatusBadge status={visit.status} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
        <div className="appt-grid__col">
          <section className="card panel" aria-labelledby="rx-title">
            <h3 className="panel__title" id="rx-title">
              Prescriptions <span className="panel__count">{page.prescriptions.length}</span>
            </h3>
            {page.prescriptions.length === 0 ? (
              <p className="panel__empty">No prescriptions yet.</p>
            ) : (
              <ul className="rx-list" aria-label="Prescriptions">
                {page.prescriptions.map((rx) => (
                  <PrescriptionItem key={rx.id} rx={rx} zone={zone} onOpen={() => show({ kind: 'prescription', appointmentId: rx.appointmentId, prescriptionId: rx.id })} />
                ))}
              </ul>
            )}
          </section>
          <section className="card panel" aria-labelledby="feedback-title">
            <h3 className="panel__title" id="feedback-title">
              Feedback about you <span className="panel__count">{page.feedback.length}</span>
            </h3>
            {page.feedback.length === 0 ? (
              <p className="panel__empty">No approved feedback yet.</p>
            ) : (
              <ul className="feedback-list">
                {page.feedback.map((entry) => (
                  <FeedbackItem key={entry.id} entry={entry} zone={zone} />
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}
