import { durationText, type FlowRow } from '../../../../shared/domain/calendar/flow-board';
import { STATUS_CLASS } from '../calendar/appointment-format';
import { formatInstantTime } from '../../stores/display-format';

const STEP_LABEL: Partial<Record<FlowRow['state'], string>> = {
  waiting: 'Waiting',
  'in-room': 'In room',
  'with-doctor': 'With doctor',
};

/**
 * Where a visit of today stands: the seed's status, the step of the visit with the time spent in
 * each step, and lateness put where it belongs (the patient came late, or the doctor runs behind).
 */
export function FlowProgress({ row, zone }: { row: FlowRow; zone: string }) {
  const a = row.appointment;
  const clock = (iso: string | null) => (iso ? formatInstantTime(iso, zone) : '');
  const stepLabel = STEP_LABEL[row.state];
  const times = [
    row.steps.waiting !== null ? `waited ${durationText(row.steps.waiting)}` : null,
    row.steps.inRoom !== null ? `room ${durationText(row.steps.inRoom)}` : null,
    row.steps.withDoctor !== null ? `doctor ${durationText(row.steps.withDoctor)}` : null,
  ]
    .filter((t): t is string => t !== null)
    // Each "room 5 min" stays on one line when the column wraps.
    .map((t) => t.replaceAll(' ', '\u00a0'));
  return (
    <div className="flow__arrival">
      <span className="flow__chips">
        <span className={`status-chip status-chip--${STATUS_CLASS[a.status]}`}>{a.status}</span>
        {stepLabel ? (
          <span className={`flow-badge flow-badge--${row.state}`} data-testid="flow-step">
            {stepLabel}
          </span>
        ) : null}
        {a.checkedOutAt ? (
          <span className="flow-badge flow-badge--out" data-testid="flow-step">
            Checked out {clock(a.checkedOutAt)}
          </span>
        ) : null}
        {a.walkIn ? <span className="flow-badge flow-badge--walk-in">Walk-in</span> : null}
      </span>
      {row.state === 'late' ? (
        <span className="flow-badge flow-badge--late">Patient late {durationText(row.lateMinutes)}</span>
      ) : null}
      {row.state === 'upcoming' ? <span className="flow__sub">Expected</span> : null}
      {a.checkedInAt ? (
        <span className="flow__sub" data-testid="flow-times">
          Arrived {clock(a.checkedInAt)}
          {times.length > 0 ? ` · ${times.join(' · ')}` : ''}
        </span>
      ) : null}
      {row.arrivedLateMinutes > 0 ? (
        <span className="flow__sub flow__blame" data-testid="flow-patient-late">
          Patient arrived {durationText(row.arrivedLateMinutes)} late
        </span>
      ) : null}
      {row.doctorBehindMinutes > 0 ? (
        <span className="flow__sub flow__blame" data-testid="flow-doctor-behind">
          {row.state === 'waiting' || row.state === 'in-room'
            ? `${row.doctorName} running ${durationText(row.doctorBehindMinutes)} behind`
            : `Seen ${durationText(row.doctorBehindMinutes)} after their time`}
        </span>
      ) : null}
    </div>
  );
}
