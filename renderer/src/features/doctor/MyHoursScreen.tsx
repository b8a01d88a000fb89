import { formatClockRange, formatClockTime, formatDayLong } from '../../stores/display-format';
import { useState } from 'react';
import type { AffectedAppointment, UnavailableBlockInput, WeeklyRange } from '../../../../shared/ipc/admin/availability';
import type { AppError } from '../../../../shared/ipc/result';
import { Banner } from '../../components/Banner';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { TimeInput } from '../../components/TimeInput';
import { isIsoDate } from '../../../../shared/domain/plain-date';
import { Spinner } from '../../components/Spinner';
import { BusyButton } from '../../components/BusyButton';
import { useDoctorStore } from '../../stores/doctor-store';
import { DayRanges, useWeekOrder, WEEK_ORDER, type EditableRange } from '../admin/schedule/DayRanges';
import { ProblemBanner } from '../../components/ProblemBanner';
import { FormField } from '../../components/FormField';
import { DoctorPage } from '../../components/AdminPage';
import { useLoadOnOpen } from '../../hooks/use-load-on-open';

type Week = Record<number, EditableRange[]>;
type Pending = { kind: 'weekly'; weekly: WeeklyRange[]; affected: AffectedAppointment[] } | { kind: 'block'; block: UnavailableBlockInput; affected: AffectedAppointment[] };

const toWeek = (ranges: readonly WeeklyRange[]): Week =>
  Object.fromEntries(WEEK_ORDER.map((day) => [day, ranges.filter((r) => r.dayOfWeek === day).map((r) => ({ start: r.startTime, end: r.endTime, enabled: r.isAvailable }))]));
const fromWeek = (week: Week): WeeklyRange[] =>
  WEEK_ORDER.flatMap((day) => (week[day] ?? []).map((r) => ({ dayOfWeek: day, startTime: r.start, endTime: r.end, isAvailable: r.enabled })));

/** Lists the visits a change would leave outside the doctor's hours, before anything is saved. */
function ConflictDialog({ pending, onDone, onClose }: { pending: Pending; onDone: (message: string) => void; onClose: () => void }) {
  const { saveWeekly, addBlock } = useDoctorStore();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const apply = async (conflicts: 'keep' | 'cancel') => {
    setBusy(true);
    const resolution = conflicts === 'keep' ? ({ conflicts } as const) : ({ conflicts, reason, appointmentIds: pending.affected.map((a) => a.appointmentId) } as const);
    const result = pending.kind === 'weekly' ? await saveWeekly(pending.weekly, resolution) : await addBlock(pending.block, resolution);
    setBusy(false);
    if (result.ok) onDone(conflicts === 'keep' ? 'Saved; the listed visits stay booked.' : `Saved; ${result.data.cancelled.length} visit(s) cancelled.`);
    else setError(result.error);
  };
  return (
    <Dialog title={`${pending.affected.length} booked visit${pending.affected.length === 1 ? '' : 's'} fall outside the new hours`} onClose={onClose}>
      {/* it scrolls past a handful of visits: focusable, so the keyboard can scroll it too */}
      <ul className="conflict-list" aria-label="Affected visits" tabIndex={0}>
        {pending.affected.map((a) => (
          <li key={a.appointmentId}>
            <strong>{formatDayLong(a.date)} {formatClockTime(a.time)}</strong> · {a.patient.firstName} {a.patient.lastName} · {a.appointmentType}
          </li>
        ))}
      </ul>
      <ProblemBanner title="Not saved" error={error} />
      <FormField id="cancel-reason" label="Reason told to the patients (to cancel them)">
        <input id="cancel-reason" className="field__input" value={reason} onChange={(event) => setReason(event.target.value)} />
      </FormField>
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          Back
        </button>
        <button type="button" className="button button--secondary" onClick={() => void apply('keep')} disabled={busy}>
          Keep these visits
        </button>
        <BusyButton className="button button--danger" busy={busy} onClick={() => void apply('cancel')} disabled={!reason.trim()}>
          Cancel these visits
        </BusyButton>
      </div>
    </Dialog>
  );
}

/** The doctor's own weekly hours and days off (schedule.own). */
export function MyHoursScreen() {
  const { schedule, scheduleError, loadSchedule, previewWeekly, saveWeekly, previewBlock, addBlock, removeBlock } = useDoctorStore();
  const [edited, setWeek] = useState<Week | null>(null);
  // the stored hours until the doctor changes something
  const week = edited ?? (schedule ? toWeek(schedule.weekly) : null);
  const [pending, setPending] = useState<Pending | null>(null);
  const weekOrder = useWeekOrder();
  const [notice, setNotice] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const [block, setBlock] = useState<{ date: string; wholeDay: boolean; start: string; end: string; reason: string }>({ date: '', wholeDay: true, start: '09:00', end: '12:00', reason: '' });

  useLoadOnOpen(loadSchedule);

  const saveHours = async () => {
    if (!week) return;
    const weekly = fromWeek(week);
    const preview = await previewWeekly(weekly);
    if (!preview.ok) return setNotice({ tone: 'error', text: preview.error.message });
    if (preview.data.length > 0) return setPending({ kind: 'weekly', weekly, affected: preview.data });
    const saved = await saveWeekly(weekly, { conflicts: 'refuse' });
    setNotice(saved.ok ? { tone: 'info', text: 'Your weekly hours are saved.' } : { tone: 'error', text: saved.error.message });
  };

  const addDayOff = async () => {
    const input: UnavailableBlockInput = { date: block.date, startTime: block.wholeDay ? null : block.start, endTime: block.wholeDay ? null : block.end, reason: block.reason };
    const preview = await previewBlock(input);
    if (!preview.ok) return setNotice({ tone: 'error', text: preview.error.message });
    if (preview.data.length > 0) return setPending({ kind: 'block', block: input, affected: preview.data });
    const saved = await addBlock(input, { conflicts: 'refuse' });
    setNotice(saved.ok ? { tone: 'info', text: 'Day off added.' } : { tone: 'error', text: saved.error.message });
  };

  return (
    <DoctorPage
      titleId="my-hours-title"
      title="My hours"
      lead="Your weekly hours and days off. Booked visits a change would leave outside them are listed before anything is saved."
    >
      <ProblemBanner title="Your hours could not be loaded" error={scheduleError} />
      {notice ? <Banner tone={notice.tone} title={notice.text} key={notice.text} /> : null}
      <section className="card panel" aria-labelledby="weekly-title">
        <h3 className="panel__title" id="weekly-title">
          Weekly hours
        </h3>
        {week ? (
          <div className="week-editor">
            {weekOrder.map((day) => (
              <DayRanges key={day} day={day} ranges={week[day] ?? []} withToggle onChange={(ranges) => setWeek({ ...week, [day]: ranges })} />
            ))}
          </div>
        ) : (
          <Spinner />
        )}
        <div>
          <button type="button" className="button button--primary" onClick={() => void saveHours()} disabled={!week}>
            Save weekly hours
          </button>
        </div>
      </section>
      <section className="card panel" aria-labelledby="days-off-title">
        <h3 className="panel__title" id="days-off-title">
          Days off
        </h3>
        {schedule && schedule.blocks.length === 0 ? <p className="panel__empty">No days off ahead.</p> : null}
        <ul className="rx-list" aria-label="Days off">
          {schedule?.blocks.map((b) => (
            <li key={b.id} className="rx-item">
              <span>
                <strong>{formatDayLong(b.date)}</strong> · {b.startTime && b.endTime ? formatClockRange(b.startTime, b.endTime) : 'whole day'} · {b.reason ?? ''}
              </span>
              <button type="button" className="button button--secondary button--small" onClick={() => void removeBlock(b.id)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
        <div className="rx-pharmacy">
          <DateField label="Date" id="off-date" value={block.date} onChange={(date) => setBlock({ ...block, date })} />
          <div className="field">
            <label className="field__label" htmlFor="off-reason">Reason</label>
            <input id="off-reason" className="field__input" value={block.reason} onChange={(e) => setBlock({ ...block, reason: e.target.value })} />
          </div>
          <label className="checkbox">
            <input type="checkbox" checked={block.wholeDay} onChange={(e) => setBlock({ ...block, wholeDay: e.target.checked })} />
            Whole day
          </label>
          {!block.wholeDay ? (
            <div className="form-row">
              <TimeInput ariaLabel="Day off from" value={block.start} onChange={(start) => setBlock({ ...block, start })} />
              <TimeInput ariaLabel="Day off until" value={block.end} onChange={(end) => setBlock({ ...block, end })} />
            </div>
          ) : null}
        </div>
        <div>
          <button type="button" className="button button--secondary" onClick={() => void addDayOff()} disabled={!isIsoDate(block.date) || !block.reason.trim()}>
            Add day off
          </button>
        </div>
      </section>
      {pending ? (
        <ConflictDialog
          pending={pending}
          onClose={() => setPending(null)}
          onDone={(text) => {
            setPending(null);
            setNotice({ tone: 'info', text });
          }}
        />
      ) : null}
    </DoctorPage>
  );
}
