import { formatClockTime, formatDayShort } from '../../stores/display-format';
import type { SlotSelection } from '../../stores/calendar-store';
import { parseTime } from '../../../../shared/domain/plain-date';

/** The free range picked on the grid, with the way on to booking it. */
export function SelectionBar({
  selection,
  doctorName,
  onBook,
  onClear,
}: {
  selection: SlotSelection;
  doctorName: string;
  onBook(): void;
  onClear(): void;
}) {
  const minutes = parseTime(selection.end) - parseTime(selection.start);
  return (
    <div className="selection-bar" role="region" aria-label="Selected time">
      <span className="selection-bar__what">
        <strong>
          {formatClockTime(selection.start)} – {formatClockTime(selection.end)}
        </strong>{' '}
        ({minutes} min) · {formatDayShort(selection.date)} · {doctorName}
      </span>
      <span className="selection-bar__actions">
        <button type="button" className="button button--ghost button--small" onClick={onClear}>
          Clear
        </button>
        <button type="button" className="button button--primary button--small" onClick={onBook}>
          Book this time…
        </button>
      </span>
    </div>
  );
}
