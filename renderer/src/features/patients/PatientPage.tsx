import { formatBirthDate } from '../../stores/display-format';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { PatientDetails } from '../../../../shared/ipc/reception/types';
import { Banner } from '../../components/Banner';
import { Spinner } from '../../components/Spinner';
import { useReceptionStore } from '../../stores/reception-store';
import { BookingDialog } from '../booking/BookingDialog';
import { AppointmentList } from './AppointmentList';
import { PatientCommunications } from '../communications/PatientCommunications';
import { useAppStore } from '../../stores/app-store';
import { PatientForm } from './PatientForm';
import { AllergyEditor } from '../../components/AllergyEditor';
import { RecordAccessPanel } from './RecordAccessPanel';
import { roleMay } from '../../../../shared/ipc/permissions';
import { ActiveStatusDialog } from '../../components/ActiveStatusDialog';
import { PendingTag } from '../../components/PendingTag';
import { isLocalId } from '../../../../shared/domain/sync/local-ids';
import { usePhoneFormat } from '../../hooks/use-clinic-phones';
import { emailForDisplay } from '../../../../shared/domain/reception/no-email';

function ageOn(birth: string, today: Date): number {
  const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age -= 1;
  return age;
}

function StatusDialog({ patient, onClose }: { patient: PatientDetails; onClose: () => void }) {
  const setPatientActive = useReceptionStore((state) => state.setPatientActive);
  return (
    <ActiveStatusDialog
      name={`${patient.firstName} ${patient.lastName}`}
      isActive={patient.isActive}
      whenReactivated="They appear in searches again and can be booked."
      whenDeactivated="They no longer appear in searches and cannot be booked. Nothing is deleted: their appointments and records stay, and you can reactivate them later."
      onConfirm={(activate) => setPatientActive(patient.id, activate)}
      onClose={onClose}
    />
  );
}

/** One patient at the front desk: details, upcoming and past appointments; edit, book, deactivate. */
export function PatientPage({
  patientId,
  onBack,
  notice: firstNotice = null,
}: {
  patientId: number;
  onBack: () => void;
  notice?: string | null;
}) {
  const { record, recordLoading, loadRecord, setAllergies } = useReceptionStore();
  const clinicZone = useAppStore((state) => state.status?.timezone ?? undefined);
  const showPhone = usePhoneFormat();
  const mayReadAccess = useAppStore((state) => roleMay(state.user?.role ?? null, 'audit.patient'));
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const [booking, setBooking] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(firstNotice);

  useEffect(() => {
    void loadRecord(patientId).then((result) => setError(result.ok ? null : result.error));
  }, [patientId, loadRecord]);

  const shown = record?.patient.id === patientId ? record : null;
  if (error) {
    return (
      <Banner
        tone="error"
        title="This patient could not be opened"
        action={
          <button type="button" className="button button--secondary" onClick={onBack}>
            Back to patients
          </button>
        }
      >
        <p>{error.message}</p>
      </Banner>
    );
  }
  if (!shown) {
    return (
      <p className="table-card__empty">
        <Spinner /> Opening the patient…
      </p>
    );
  }
  const { patient, today, upcoming, past } = shown;
  return (
    <div className="patient-page">
      <button type="button" className="button button--ghost patient-page__back" onClick={onBack}>
        ← All patients
      </button>
      <header className="patient-page__header">
        <div>
          <h2 className="admin-page__title">
            {patient.firstName} {patient.lastName}
            {patient.isActive ? null : <span className="tag tag--muted patient-page__tag">Inactive</span>}{' '}
            <PendingTag id={patient.id} kind="patient" />
          </h2>
          <p className="admin-page__lead">
            {/* A made-up offline id means nothing at the desk; the server's number comes with the replay. */}
            Born {formatBirthDate(patient.dateOfBirth)} ({ageOn(patient.dateOfBirth, new Date())}) · {patient.gender} ·{' '}
            {isLocalId(patient.id) ? 'No patient number yet' : `Patient #${patient.id}`}
          </p>
        </div>
        <div className="patient-page__actions">
          {patient.isActive ? (
            <button type="button" className="button button--primary" onClick={() => setBooking(true)}>
              Book appointment
            </button>
          ) : null}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setEditing(true)}
            disabled={editing}
          >
            Edit details
          </button>
          <button
            type="button"
            className={`button ${patient.isActive ? 'button--ghost' : 'button--secondary'}`}
            onClick={() => setChangingStatus(true)}
          >
            {patient.isActive ? 'Deactivate' : 'Reactivate'}
          </button>
        </div>
      </header>
      {notice ? <Banner tone="info" title={notice} /> : null}
      {editing ? (
        <PatientForm
          patient={patient}
          onSaved={() => {
            setEditing(false);
            setNotice('The changes were saved.');
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <section className="card patient-details" aria-label="Patient details">
          <dl className="detail-grid">
            <div>
              <dt>Phone</dt>
              <dd>{showPhone(patient.phone)}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{emailForDisplay(patient.email)}</dd>
            </div>
            <div>
              <dt>Address</dt>
              <dd>{patient.address || '—'}</dd>
            </div>
            <div>
              <dt>Emergency contact</dt>
              <dd>
                {patient.emergencyContactName
                  ? `${patient.emergencyContactName} · ${showPhone(patient.emergencyContactPhone)}`
                  : '—'}
              </dd>
            </div>
          </dl>
        </section>
      )}
      <AllergyEditor
        key={`${patient.id}-${patient.updatedAt}`}
        allergies={patient.allergies}
        onSave={(allergies, basedOn) => setAllergies({ patientId: patient.id, allergies, basedOn })}
      />
      {today.length > 0 ? (
        <section className="card table-card" aria-labelledby="today-title">
          <h3 className="card__title" id="today-title">
            Today <span className="card__count">{today.length}</span>
          </h3>
          <AppointmentList label="Today's appointments" appointments={today} empty="No appointments today." />
        </section>
      ) : null}
      <section className="card table-card" aria-labelledby="upcoming-title">
        <h3 className="card__title" id="upcoming-title">
          Upcoming <span className="card__count">{upcoming.length}</span>
        </h3>
        <AppointmentList label="Upcoming appointments" appointments={upcoming} empty="No upcoming appointments." />
      </section>
      <section className="card table-card" aria-labelledby="past-title">
        <h3 className="card__title" id="past-title">
          Past <span className="card__count">{past.length}</span>
        </h3>
        <AppointmentList label="Past appointments" appointments={past} empty="No past appointments." />
      </section>
      <PatientCommunications patientId={patient.id} zone={clinicZone} />
      {mayReadAccess && clinicZone && !isLocalId(patient.id) ? <RecordAccessPanel patientId={patient.id} zone={clinicZone} /> : null}
      {recordLoading ? <span className="visually-hidden">Refreshing</span> : null}
      {changingStatus ? <StatusDialog patient={patient} onClose={() => setChangingStatus(false)} /> : null}
      {booking ? (
        <BookingDialog
          patient={patient}
          onClose={() => setBooking(false)}
          onBooked={() => {
            setBooking(false);
            setNotice('The appointment was booked.');
            void loadRecord(patient.id);
          }}
        />
      ) : null}
    </div>
  );
}
