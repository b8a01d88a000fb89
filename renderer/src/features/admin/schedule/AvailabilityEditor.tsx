import { useMemo, useState } from 'react';
import { weeklyRangeProblems, type AffectedAppointment, type WeeklyRange } from '../../../../../shared/ipc/admin/availability';
import { formatClockTime } from '../../../stores/display-format';
import { Spinner } from '../../../components/Spinner';
import { ConflictResolver } from './ConflictResolver';
import { DayRanges, useWeekOrder, WEEK_ORDER, type EditableRange } from './DayRanges';
import { SaveProblem } from './SaveProblem';

type Week = Record<number, EditableRange[]>;

function toWeek(value: readonly WeeklyRange[]): Week {
  const week: Week = Object.fromEntries(WEEK_ORDER.map((d) => [d, [] as EditableRange[]]));
  for (const r of [...value].sort((a, b) => a.startTime.localeCompare(b.startTime))) week[r.dayOfWeek]!.push({ start: r.startTime, end: r.endTime, enabled: r.isAvailable });
  return week;
}

function fromWeek(week: Week): WeeklyRange[] {
  return WEEK_ORDER.flatMap((day) => (week[day] ?? []).map((r) => ({ dayOfWeek: day, startTime: r.start, endTime: r.end, isAvailable: r.enabled })));
}

export interface AvailabilityEditorProps {
  /** The saved weekly hours. */
  value: readonly WeeklyRange[];
  /** Called with the edited week once it is valid; the owner previews and saves it. */
  onSave(weekly: WeeklyRange[]): void;
  /** Appointments the owner's preview found the new week would strand; null or empty: none. */
  conflicts?: AffectedAppointment[] | null;
  /** The admin's answer to the conflicts: cancel them all with a reason, or keep them. */
  onResolve?(choice: { conflicts: 'cancel'; reason: string } | { conflicts: 'keep' }): void;
  onDismissConflicts?(): void;
  busy?: boolean;
  error?: string | null;
}

/**
 * A doctor's weekly hours: several ranges a day, each can be switched off; overlaps and
 * backwards ranges are shown under their day and block saving. Driven by props only, so any
 * screen (an admin's, a doctor's own) supplies the data and the saving.
 */
export function AvailabilityEditor({ value, onSave, conflicts, onResolve, onDismissConflicts, busy = false, error }: AvailabilityEditorProps) {
  const [week, setWeek] = useState<Week>(() => toWeek(value));
  const [tried, setTried] = useState(false);
  const order = useWeekOrder();
  const edited = useMemo(() => fromWeek(week), [week]);
  const problems = useMemo(() => weeklyRangeProblems(edited, formatClockTime), [edited]);
  const problemOfDay = (day: number) => {
    const problem = problems.find((p) => edited[p.index]?.dayOfWeek === day);
    return problem ? problem.message : null;
  };
  const unchanged = JSON.stringify(edited) === JSON.stringify(fromWeek(toWeek(value)));
  const hours = edited.filter((r) => r.isAvailable && !problems.some((p) => edited[p.index] === r));
  const total = hours.reduce((sum, r) => sum + minutes(r.endTime) - minutes(r.startTime), 0);

  return (
    <div className="availability-editor">
      <div className="week-editor" aria-label="Weekly hours" role="group">
        {order.map((day) => (
          <DayRanges
            key={day}
            day={day}
            ranges={week[day] ?? []}
            withToggle
            problem={tried || problems.length > 0 ? problemOfDay(day) : null}
            onChange={(ranges) => setWeek({ ...week, [day]: ranges })}
          />
        ))}
      </div>
      <SaveProblem message={error} />
      {conflicts && conflicts.length > 0 && onResolve ? (
        <ConflictResolver
          appointments={conflicts}
          what="The new hours"
          busy={busy}
          onCancelAll={(reason) => onResolve({ conflicts: 'cancel', reason })}
          onKeep={() => onResolve({ conflicts: 'keep' })}
          onBack={() => onDismissConflicts?.()}
        />
      ) : (
        <div className="availability-editor__footer">
          <span className="availability-editor__total">{formatTotal(total)} a week</span>
          <button type="button" className="button button--secondary" onClick={() => setWeek(toWeek(value))} disabled={busy || unchanged}>
            Undo changes
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={busy || unchanged}
            onClick={() => {
              setTried(true);
              if (problems.length === 0) onSave(edited);
            }}
          >
            {busy ? <Spinner /> : null}
            Save weekly hours
          </button>
        </div>
      )}
    </div>
  );
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function formatTotal(total: number): string {
  const h = Math.floor(total / 60);
  const m = total % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
