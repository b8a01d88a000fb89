import { useId } from 'react';
import { TimeInput } from '../../../components/TimeInput';
import type { WeekStart } from '../../../../../shared/domain/display-format';
import { useDisplayLocale, weekdaysFrom } from '../../../stores/display-format';
import { SaveProblem } from './SaveProblem';

/** One range of a day being edited: 'HH:MM' once a typed time reads as one, else the text typed. */
export interface EditableRange {
  start: string;
  end: string;
  /** Weekly availability can keep a range switched off (is_available = false); opening hours cannot. */
  enabled: boolean;
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
/** Monday first: the order the week's ranges are kept and sent in. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** The weekdays (0 = Sunday) in the order the clinic's week runs (its week_start), for showing a week. */
export function weekOrderFrom(weekStart: WeekStart): number[] {
  return weekdaysFrom(weekStart).map((isoDay) => isoDay % 7);
}

/** The week's days as the clinic's calendar shows them. */
export function useWeekOrder(): number[] {
  return weekOrderFrom(useDisplayLocale().weekStart);
}

/**
 * The ranges of one weekday: add, change, remove, and (for availability) switch one off.
 * Driven entirely by props, so the opening-hours editor and the availability editor share it.
 */
export function DayRanges({
  day,
  ranges,
  onChange,
  withToggle,
  problem,
  newRange = { start: '09:00', end: '17:00' },
}: {
  day: number;
  ranges: EditableRange[];
  onChange(next: EditableRange[]): void;
  withToggle: boolean;
  problem?: string | null | undefined;
  newRange?: { start: string; end: string };
}) {
  const id = useId();
  const dayName = WEEKDAY_NAMES[day] ?? `Day ${day}`;
  const update = (index: number, patch: Partial<EditableRange>) => onChange(ranges.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const add = () => {
    const last = ranges[ranges.length - 1];
    // after the last range, when there is room: the common split day is a morning and an afternoon
    const start = last && last.end < '23:00' ? last.end : newRange.start;
    const end = last && last.end < '23:00' ? (last.end < '14:00' ? '18:00' : '23:59') : newRange.end;
    onChange([...ranges, { start: last ? bump(start) : start, end, enabled: true }]);
  };
  return (
    <div className={`day-ranges${problem ? ' day-ranges--invalid' : ''}`} role="group" aria-labelledby={`${id}-day`}>
      <div className="day-ranges__day" id={`${id}-day`}>
        {dayName}
      </div>
      <div className="day-ranges__body">
        {ranges.length === 0 ? <p className="day-ranges__closed">Closed</p> : null}
        {ranges.map((range, index) => (
          <div className={`day-ranges__range${range.enabled ? '' : ' day-ranges__range--off'}`} key={index}>
            <TimeInput
              className="day-ranges__time"
              ariaLabel={`${dayName} range ${index + 1} from`}
              value={range.start}
              onChange={(start) => update(index, { start })}
            />
            <span className="day-ranges__dash" aria-hidden="true">
              –
            </span>
            <TimeInput
              className="day-ranges__time"
              ariaLabel={`${dayName} range ${index + 1} until`}
              value={range.end}
              onChange={(end) => update(index, { end })}
            />
            {withToggle ? (
              <label className="day-ranges__toggle">
                <input type="checkbox" checked={range.enabled} onChange={(event) => update(index, { enabled: event.target.checked })} />
                Available
              </label>
            ) : null}
            <button
              type="button"
              className="button button--ghost button--small"
              aria-label={`Remove ${dayName} range ${index + 1}`}
              onClick={() => onChange(ranges.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </div>
        ))}
        <SaveProblem message={problem} />
        <button type="button" className="button button--ghost button--small day-ranges__add" onClick={add} aria-label={`Add a range on ${dayName}`}>
          + Add a range
        </button>
      </div>
    </div>
  );
}

/** An hour after a HH:MM (a gap for lunch), capped at 23:00. */
function bump(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const next = Math.min(h * 60 + m + 60, 23 * 60);
  return `${String(Math.floor(next / 60)).padStart(2, '0')}:${String(next % 60).padStart(2, '0')}`;
}
