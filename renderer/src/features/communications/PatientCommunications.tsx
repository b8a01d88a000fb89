import { formatMoment } from '../../stores/display-format';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import { useCommunicationsStore } from '../../stores/communications-store';
import { METHOD_LABEL, STATUS_LABEL, statusTone, TYPE_LABEL, VIA_LABEL } from './labels';
import { ProblemBanner } from '../../components/ProblemBanner';
import { EmptyState } from '../../components/EmptyState';

/**
 * A patient's messages, newest first, with the email preference. Self-contained: the patient
 * page mounts it with the patient's id. Reading it is recorded in the audit trail (main does that).
 */
export function PatientCommunications({ patientId, zone }: { patientId: number; zone?: string }) {
  const history = useCommunicationsStore((state) => state.histories[patientId]);
  const loadHistory = useCommunicationsStore((state) => state.loadHistory);
  const setEmailOptOut = useCommunicationsStore((state) => state.setEmailOptOut);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const timeZone = zone ?? 'UTC';

  useEffect(() => {
    void loadHistory(patientId).then((result) => setError(result.ok ? null : result.error));
  }, [patientId, loadHistory]);

  async function toggleEmail(optOut: boolean) {
    setBusy(true);
    const result = await setEmailOptOut(patientId, optOut);
    setBusy(false);
    setError(result.ok ? null : result.error);
  }

  return (
    <section className="card patient-comms" aria-label="Communication history">
      <header className="patient-comms__header">
        <div>
          <h3 className="section-title">Communication history</h3>
          <p className="section-lead">{history ? history.patientName : error ? null : 'Loading…'}</p>
        </div>
        {history ? (
          <label className="patient-comms__optout">
            <input type="checkbox" checked={history.emailOptOut} disabled={busy} onChange={(event) => void toggleEmail(event.target.checked)} />
            Does not want email
          </label>
        ) : null}
      </header>
      <ProblemBanner title="The history could not be loaded" error={error} />
      {!history && !error ? (
        <EmptyState loading as="div">Loading messages…</EmptyState>
      ) : null}
      {history && history.messages.length === 0 ? <EmptyState as="div">No messages to this patient yet.</EmptyState> : null}
      {history && history.messages.length > 0 ? (
        <ol className="patient-comms__list">
          {history.messages.map((m) => (
            <li key={m.id} className="patient-comms__item">
              <button type="button" className="patient-comms__row" aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
                <span className="patient-comms__type">{TYPE_LABEL[m.type]}</span>
                <span className="patient-comms__subject">{m.subject ?? m.content.slice(0, 80)}</span>
                <span className="patient-comms__meta">
                  {METHOD_LABEL[m.method]} · {m.sentAt ? formatMoment(m.sentAt, timeZone) : 'not sent'}
                </span>
                <span className={`status-pill status-pill--${statusTone(m.deliveryStatus)}`}>{STATUS_LABEL[m.deliveryStatus]}</span>
              </button>
              {m.patientConfirmed ? (
                <p className="patient-comms__confirmed">
                  Patient confirmed{m.confirmedVia ? ` ${VIA_LABEL[m.confirmedVia as keyof typeof VIA_LABEL] ?? ''}` : ''}
                  {m.confirmedAt ? `, ${formatMoment(m.confirmedAt, timeZone)}` : ''}
                </p>
              ) : null}
              {m.reason ? <p className="patient-comms__reason">{m.reason}</p> : null}
              {open === m.id ? (
                <div className="patient-comms__content">
                  <p className="patient-comms__to">To {m.recipient}</p>
                  <pre className="message-text">{m.content}</pre>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
