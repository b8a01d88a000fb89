import { useId, useState } from 'react';
import { formatClockTime, formatDayShortWithYear } from '../../../stores/display-format';
import type { AffectedAppointment } from '../../../../../shared/ipc/admin/availability';
import { Spinner } from '../../../components/Spinner';
import { FieldError } from '../../../components/TextField';
import { usePhoneFormat } from '../../../hooks/use-clinic-phones';
import { emailForDisplay } from '../../../../../shared/domain/reception/no-email';
import { TableHead } from '../../../components/TableHead';

/**
 * The booked appointments a schedule change would strand, before anything is saved: cancel them
 * all with one reason (each patient is then listed to be told), keep them, or go back.
 */
export function ConflictResolver({
  appointments,
  what,
  busy,
  onCancelAll,
  onKeep,
  onBack,
}: {
  appointments: AffectedAppointment[];
  /** "This day off", "The new hours" … */
  what: string;
  busy: boolean;
  onCancelAll(reason: string): void;
  onKeep(): void;
  onBack(): void;
}) {
  const id = useId();
  const showPhone = usePhoneFormat();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const count = appointments.length;
  return (
    <div className="card conflict-card" role="region" aria-label="Booked appointments affected">
      <div className="conflict-card__header">
        <h3 className="section-title">
          {what} collide{what.endsWith('s') ? '' : 's'} with {count} booked appointment{count === 1 ? '' : 's'}
        </h3>
        <p className="section-lead">Nothing is saved yet. Cancel them in one step (each patient is listed to be told), or keep them as they are.</p>
      </div>
      <table className="data-table" aria-label="Affected appointments">
        <TableHead columns={['When', 'Patient']} />
        <tbody>
          {appointments.map((a) => (
            <tr key={a.appointmentId}>
              <td className="data-table__nowrap">
                <div>{formatDayShortWithYear(a.date)}</div>
                <div className="data-table__muted">
                  {formatClockTime(a.time)} · {a.durationMinutes} min
                </div>
                <div className="data-table__muted">
                  {a.appointmentType}, {a.status.toLowerCase()}
                </div>
              </td>
              <td>
                <div className="data-table__strong">
                  {a.patient.firstName} {a.patient.lastName}
                </div>
                <div className="data-table__muted">{showPhone(a.patient.phone)}</div>
                <div className="data-table__muted">{emailForDisplay(a.patient.email)}</div>
              </td>

            </tr>
          ))}
        </tbody>
      </table>
      <div className="conflict-card__actions">
        <div className={`field conflict-card__reason${problem ? ' field--invalid' : ''}`}>
          <label className="field__label" htmlFor={id}>
            Reason for the patients
          </label>
          <input
            id={id}
            className="field__input"
            value={reason}
            placeholder="e.g. The doctor is away at a conference"
            onChange={(event) => {
              setReason(event.target.value);
              if (problem && event.target.value.trim() !== '') setProblem(null);
            }}
            aria-invalid={problem ? true : undefined}
          />
          {problem ? <FieldError id={`${id}-error`} message={problem} /> : null}
        </div>
        <div className="conflict-card__buttons">
          <button type="button" className="button button--secondary" onClick={onBack} disabled={busy}>
            Back
          </button>
          <button type="button" className="button button--secondary" onClick={onKeep} disabled={busy}>
            Keep them and save
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => {
              if (reason.trim() === '') {
                setProblem('Give the reason the patients will be told');
                return;
              }
              setProblem(null);
              onCancelAll(reason.trim());
            }}
          >
            {busy ? <Spinner /> : null}
            Cancel {count === 1 ? 'it' : `all ${count}`} and save
          </button>
        </div>
      </div>
    </div>
  );
}

/** After a one-step cancellation: whom to tell, and how to reach them. */
export function PatientsToNotify({ notify, onDismiss }: { notify: { appointmentId: number; firstName: string; lastName: string; phone: string; email: string; date: string; time: string }[]; onDismiss(): void }) {
  const showPhone = usePhoneFormat();
  return (
    <div className="card notify-card" role="region" aria-label="Patients to notify">
      <div className="conflict-card__header">
        <h3 className="section-title">
          {notify.length} appointment{notify.length === 1 ? ' was' : 's were'} cancelled: patients to notify
        </h3>
        <p className="section-lead">Each cancellation is on the audit trail. Tell these patients and offer them a new time.</p>
      </div>
      <table className="data-table" aria-label="Patients to notify">
        <TableHead columns={['Patient', 'Phone', 'Email', 'Cancelled appointment']} />
        <tbody>
          {notify.map((n) => (
            <tr key={n.appointmentId}>
              <td className="data-table__strong">
                {n.firstName} {n.lastName}
              </td>
              <td className="data-table__nowrap">{showPhone(n.phone)}</td>
              <td>{emailForDisplay(n.email)}</td>
              <td className="data-table__nowrap">
                {formatDayShortWithYear(n.date)} · {formatClockTime(n.time)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="table-card__footer">
        <button type="button" className="button button--secondary" onClick={onDismiss}>
          Done
        </button>
      </div>
    </div>
  );
}
