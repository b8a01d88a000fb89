import { useEffect, useState } from 'react';
import { usePhoneFormat } from '../../hooks/use-clinic-phones';
import { formatClockTime, formatDayLong, formatDayLongNoYear } from '../../stores/display-format';
import { Dialog } from '../../components/Dialog';
import type { AppError, Result } from '../../../../shared/ipc/result';
import { useCalendarStore } from '../../stores/calendar-store';
import { CancelForm } from '../calendar/CancelForm';
import { CancellationFollowUp, type CancelledSlot } from '../calendar/CancellationFollowUp';
import { CalendarNoticeBar } from '../calendar/CalendarNoticeBar';
import { timeRange, TYPE_MARK } from '../calendar/appointment-format';
import { todayIn } from '../calendar/calendar-day';
import { useMinuteClock } from '../calendar/use-clinic-clock';
import { useLiveUpdates } from '../calendar/use-live-updates';
import { WalkInAside } from './WalkInAside';
import { FlowProgress } from './FlowProgress';
import { StaleStage } from '../calendar/StaleStage';
import type { Freshness } from '../../../../shared/domain/calendar/view-freshness';
import { RecordConfirmationButton } from '../communications/RecordConfirmationButton';
import { PendingTag } from '../../components/PendingTag';
import {
  countByState,
  flowRows,
  matchesFilter,
  type FlowFilter,
  type FlowRow,
} from '../../../../shared/domain/calendar/flow-board';
import { TableHead } from '../../components/TableHead';

const FILTERS: { filter: FlowFilter; label: string }[] = [
  { filter: 'all', label: 'All' },
  { filter: 'expected', label: 'Expected' },
  { filter: 'waiting', label: 'Waiting' },
  { filter: 'in-visit', label: 'In visit' },
  { filter: 'late', label: 'Late' },
  { filter: 'closed', label: 'Done & cancelled' },
];

/** Today's flow: every appointment of the day in time order, with one-click actions. */
export function FlowBoard({ zone }: { zone: string }) {
  const now = useMinuteClock();
  const showPhone = usePhoneFormat();
  const today = todayIn(zone, now);
  const board = useCalendarStore((state) => state.board);
  const pending = useCalendarStore((state) => state.pending);
  const error = useCalendarStore((state) => state.error);
  const loadBoard = useCalendarStore((state) => state.loadBoard);
  const [filter, setFilter] = useState<FlowFilter>('all');
  const [cancelling, setCancelling] = useState<FlowRow | null>(null);
  const [followUp, setFollowUp] = useState<CancelledSlot | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<number, AppError>>({});
  const liveHint = useLiveUpdates(today);

  useEffect(() => {
    void loadBoard(today);
  }, [today, loadBoard]);

  const local = now.setZone(zone);
  const clock = { minutes: local.hour * 60 + local.minute, instant: now.toMillis() };
  const freshness: Freshness = !board
    ? { state: 'loading' }
    : board.date === today
      ? { state: 'fresh' }
      : { state: 'stale', showing: board.date };
  const fresh = freshness.state === 'fresh';
  const rows = board && fresh ? flowRows(board, clock) : [];
  /** A count before the answer is in would read as "nobody is coming". */
  const count = (n: number) => (fresh ? n : '–');
  const counts = countByState(rows);
  const shown = rows.filter((row) => matchesFilter(row, filter));

  async function act(row: FlowRow, work: () => Promise<Result<unknown>>) {
    const result = await work();
    setRowErrors((errors) => {
      const next = { ...errors };
      if (result.ok) delete next[row.appointment.id];
      else next[row.appointment.id] = result.error;
      return next;
    });
  }

  const store = useCalendarStore.getState;
  return (
    <div className="flow-layout">
      <section className="flow" aria-label="Today's flow">
        <header className="flow__header">
          <div>
            <h2 className="flow__title">Today</h2>
            <p className="flow__date">
              {formatDayLong(today)} · {formatClockTime(local.toFormat('HH:mm'))}
              {liveHint && fresh ? (
                <span className="day-toolbar__live flow__live" role="status">
                  {liveHint}
                </span>
              ) : null}
            </p>
          </div>
          <dl className="flow__stats">
            <div className="flow__stat">
              <dt>Expected</dt>
              <dd>{count(counts.upcoming + counts.late)}</dd>
            </div>
            <div className="flow__stat flow__stat--waiting">
              <dt>Waiting</dt>
              <dd>{count(counts.waiting)}</dd>
            </div>
            <div className="flow__stat">
              <dt>In visit</dt>
              <dd>{count(counts['in-room'] + counts['with-doctor'])}</dd>
            </div>
            <div className="flow__stat flow__stat--late">
              <dt>Late</dt>
              <dd>{count(counts.late)}</dd>
            </div>
            <div className="flow__stat">
              <dt>Seen</dt>
              <dd>{count(counts.done)}</dd>
            </div>
            <div className="flow__stat">
              <dt>No-show</dt>
              <dd>{count(counts['no-show'])}</dd>
            </div>
          </dl>
        </header>
        <div className="flow__filters view-switch" role="tablist" aria-label="Show">
          {FILTERS.map((option) => (
            <button
              key={option.filter}
              type="button"
              role="tab"
              aria-selected={filter === option.filter}
              className={`view-switch__tab${filter === option.filter ? ' view-switch__tab--active' : ''}`}
              onClick={() => setFilter(option.filter)}
            >
              {option.label}
            </button>
          ))}
        </div>
        <CalendarNoticeBar />
        {error ? (
          <p className="calendar__error" role="alert">
            {error.message}
          </p>
        ) : null}
        <StaleStage
          freshness={freshness}
          loadingText="today's appointments"
          describeShowing={(date) => formatDayLongNoYear(date)}
        >
        <div className="flow__table-wrap">
          <table className="data-table flow__table" aria-label="Today's appointments">
            <TableHead columns={['Time', 'Patient', 'Doctor', 'Status', { label: 'Actions', className: 'flow__actions-head' }]} />
            <tbody>
              {shown.map((row) => {
                const a = row.appointment;
                const busy = pending.includes(a.id);
                const live = a.status === 'Scheduled' || a.status === 'Confirmed';
                const rowError = rowErrors[a.id];
                return (
                  <tr
                    key={a.id}
                    className={`flow__row flow__row--${row.state}`}
                    data-testid="flow-row"
                    data-appointment-id={a.id}
                  >
                    <td className="flow__time">
                      <span className="flow__start">{formatClockTime(a.time)}</span>
                      <span className="flow__end">{timeRange(a.time, a.durationMinutes).split(' – ')[1]}</span>
                    </td>
                    <td>
                      <span className="flow__patient">
                        <span
                          className={`flow__type flow__type--${TYPE_MARK[a.appointmentType].toLowerCase()}`}
                          title={a.appointmentType}
                          aria-hidden="true"
                        >
                          {TYPE_MARK[a.appointmentType]}
                        </span>
                        <span>
                          <span className="data-table__strong">
                            {a.patientFirstName} {a.patientLastName}
                          </span>{' '}
                          <PendingTag id={a.id} kind="appointment" />
                          <span className="flow__sub">{showPhone(a.patientPhone)}</span>
                        </span>
                      </span>
                    </td>
                    <td>
                      <span className="flow__doctor">{row.doctorName}</span>
                      <span className="flow__sub">{row.specialization}</span>
                    </td>
                    <td>
                      <FlowProgress row={row} zone={zone} />
                      {rowError ? (
                        <span className="flow__row-error" role="alert">
                          {rowError.message}
                        </span>
                      ) : null}
                    </td>
                    <td className="flow__actions">
                      {live && !a.checkedInAt ? (
                        <>
                          {a.status === 'Scheduled' ? (
                            // How the patient confirmed (phone, reply, at the desk) is kept with the message they answered.
                            <RecordConfirmationButton appointment={a} label="Confirm…" onConfirmed={() => store().refreshAfterOwnChange()} />
                          ) : null}
                          <button
                            type="button"
                            className="button button--primary button--small"
                            disabled={busy}
                            onClick={() => act(row, () => store().recordArrival(a.id))}
                          >
                            Arrived
                          </button>
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            disabled={busy}
                            onClick={() => act(row, () => store().setStatus(a.id, 'No-Show'))}
                          >
                            No-show
                          </button>
                        </>
                      ) : null}
                      {row.state === 'waiting' ? (
                        <button
                          type="button"
                          className="button button--primary button--small"
                          disabled={busy}
                          onClick={() => act(row, () => store().recordVisitStep(a.id, 'in-room'))}
                        >
                          In room
                        </button>
                      ) : null}
                      {row.state === 'waiting' || row.state === 'in-room' ? (
                        <button
                          type="button"
                          className={`button button--small ${row.state === 'in-room' ? 'button--primary' : 'button--ghost'}`}
                          disabled={busy}
                          onClick={() => act(row, () => store().recordVisitStep(a.id, 'with-doctor'))}
                        >
                          With doctor
                        </button>
                      ) : null}
                      {a.checkedInAt && !a.checkedOutAt && (row.state === 'with-doctor' || a.status === 'Completed') ? (
                        <button
                          type="button"
                          className="button button--primary button--small"
                          disabled={busy}
                          onClick={() => act(row, () => store().recordVisitStep(a.id, 'checked-out'))}
                        >
                          Check out
                        </button>
                      ) : null}
                      {live && !a.checkedOutAt && row.state !== 'with-doctor' ? (
                        <button
                          type="button"
                          className="button button--ghost button--small flow__cancel"
                          disabled={busy}
                          onClick={() => setCancelling(row)}
                        >
                          Cancel…
                        </button>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {board && shown.length === 0 ? (
            <p className="table-card__empty flow__empty">
              {rows.length === 0 ? 'No appointments today.' : 'Nothing here right now.'}
            </p>
          ) : null}
        </div>
        </StaleStage>
      </section>
      <WalkInAside zone={zone} />
      {cancelling ? (
        <Dialog
          title={`Cancel ${cancelling.appointment.patientFirstName} ${cancelling.appointment.patientLastName}, ${formatClockTime(cancelling.appointment.time)}`}
          onClose={() => setCancelling(null)}
        >
          <CancelForm
            onKeep={() => setCancelling(null)}
            onCancel={async (reason) => {
              const row = cancelling;
              const result = await store().cancel(row.appointment.id, reason);
              if (!result.ok) return result.error;
              setCancelling(null);
              setFollowUp({
                appointmentId: row.appointment.id,
                doctorId: row.doctorId,
                doctorName: row.doctorName,
                date: today,
                time: row.appointment.time,
                durationMinutes: row.appointment.durationMinutes,
              });
              return null;
            }}
          />
        </Dialog>
      ) : null}
      {followUp ? (
        <CancellationFollowUp
          key={followUp.appointmentId}
          slot={followUp}
          onClose={() => setFollowUp(null)}
          onBooked={() => store().refreshAfterOwnChange()}
        />
      ) : null}
    </div>
  );
}
