import { formatDuration, formatInstantTime } from '../../stores/display-format';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { WalkInQueueRow } from '../../../../shared/ipc/reception/types';
import { newIdempotencyKey, useReceptionStore } from '../../stores/reception-store';
import { describeWish } from './wish';
import { ProblemBanner } from '../../components/ProblemBanner';
import { EmptyState } from '../../components/EmptyState';

const clockTime = (iso: string, zone: string) => formatInstantTime(iso, zone);

export interface WalkInQueuePanelProps {
  /** The clinic's time zone, for arrival times. */
  zone: string;
  /** How often the estimates are refreshed (the doctors' delays move). */
  refreshSeconds?: number;
  /** Title shown above the list. */
  title?: string;
}

/**
 * Walk-ins waiting for the soonest slot, in arrival order, each with how long they have waited,
 * the slot they would probably get and the estimated wait including the doctor's running delay.
 * "Book" books that slot in one step; "Remove" takes them off the queue. Self-contained: loads
 * and refreshes itself through the reception store.
 */
export function WalkInQueuePanel({ zone, refreshSeconds = 30, title = 'Walk-in queue' }: WalkInQueuePanelProps) {
  const { queue, loadQueue, bookWalkIn, removeFromQueue } = useReceptionStore();
  const [busy, setBusy] = useState<number | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // one key per walk-in and slot: a retry after a lost answer cannot book twice
  const keys = useRef(new Map<string, string>());

  useEffect(() => {
    void loadQueue();
    const timer = setInterval(() => void loadQueue(), refreshSeconds * 1000);
    return () => clearInterval(timer);
  }, [loadQueue, refreshSeconds]);

  async function book(row: WalkInQueueRow) {
    const slot = row.expectedSlot;
    if (!slot) return;
    const keyName = `${row.id}|${slot.doctorId}|${slot.date}|${slot.time}`;
    const idempotencyKey = keys.current.get(keyName) ?? newIdempotencyKey();
    keys.current.set(keyName, idempotencyKey);
    setBusy(row.id);
    setProblem(null);
    const result = await bookWalkIn({
      entryId: row.id,
      doctorId: slot.doctorId,
      date: slot.date,
      time: slot.time,
      idempotencyKey,
    });
    setBusy(null);
    if (result.ok) setNotice(`${row.patientName} is booked at ${slot.time} with ${slot.doctorName}.`);
    else setProblem(result.error);
  }

  async function remove(row: WalkInQueueRow) {
    setBusy(row.id);
    const result = await removeFromQueue(row.id);
    setBusy(null);
    if (!result.ok) setProblem(result.error);
  }

  const rows = queue?.rows ?? [];
  return (
    <section className="card queue-panel" aria-labelledby="walk-in-queue-title">
      <header className="queue-panel__header">
        <h3 className="card__title" id="walk-in-queue-title">
          {title} <span className="card__count">{rows.length}</span>
        </h3>
        {queue && queue.delays.length > 0 ? (
          <p className="queue-panel__delays">
            Running late: {queue.delays.map((d) => `${d.doctorName} ${formatDuration(d.minutes)}`).join(' · ')}
          </p>
        ) : null}
      </header>
      <ProblemBanner title="Not done" error={problem} />
      {notice ? (
        <p className="queue-panel__notice" role="status">
          {notice}
        </p>
      ) : null}
      {queue === null ? <EmptyState>Loading the queue…</EmptyState> : null}
      {queue && rows.length === 0 ? <EmptyState>Nobody is waiting.</EmptyState> : null}
      <ol className="queue-list" aria-label="Waiting walk-ins">
        {rows.map((row, index) => (
          <li key={row.id} className="queue-item">
            <span className="queue-item__position" aria-hidden="true">
              {index + 1}
            </span>
            <div className="queue-item__main">
              <span className="queue-item__name">{row.patientName}</span>
              <span className="queue-item__meta">
                Arrived {clockTime(row.arrivedAt, zone)} · waited {formatDuration(row.waitedMinutes)} ·{' '}
                {describeWish(row)}
              </span>
              <span className="queue-item__estimate">
                {row.expectedSlot ? (
                  <>
                    Est. wait <strong>{formatDuration(row.estimatedWaitMinutes ?? 0)}</strong> · {row.expectedSlot.time}{' '}
                    {row.expectedSlot.doctorName}
                    {row.runningDelayMinutes > 0 ? (
                      <span className="tag tag--warning">+{row.runningDelayMinutes} min late</span>
                    ) : null}
                  </>
                ) : (
                  'No free slot left today'
                )}
              </span>
            </div>
            <div className="queue-item__actions">
              {row.expectedSlot ? (
                <button
                  type="button"
                  className="button button--primary button--small"
                  disabled={busy === row.id}
                  onClick={() => void book(row)}
                  aria-label={`Book ${row.expectedSlot.time} for ${row.patientName}`}
                >
                  Book {row.expectedSlot.time}
                </button>
              ) : null}
              <button
                type="button"
                className="button button--ghost button--small"
                disabled={busy === row.id}
                onClick={() => void remove(row)}
                aria-label={`Remove ${row.patientName} from the queue`}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
