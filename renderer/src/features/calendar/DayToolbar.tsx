import { dayTitle, relativeDayLabel, type IsoDate } from './calendar-day';

export interface DayToolbarProps {
  date: IsoDate;
  today: IsoDate;
  zone: string;
  onChange(date: IsoDate): void;
  onPrevious(): void;
  onNext(): void;
}

/** The day view's header: which day is shown and the buttons to move between days. */
export function DayToolbar({ date, today, zone, onChange, onPrevious, onNext }: DayToolbarProps) {
  const title = dayTitle(date, zone);
  const relative = relativeDayLabel(date, today);
  return (
    <div className="day-toolbar">
      <div className="day-toolbar__nav" role="group" aria-label="Change day">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => onChange(today)}
          disabled={date === today}
        >
          Today
        </button>
        <div className="segmented">
          <button
            type="button"
            className="icon-button"
            onClick={onPrevious}
            aria-label="Previous day"
            title="Previous day (Alt+←)"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M10 3.5L5.5 8l4.5 4.5" />
            </svg>
          </button>
          <button type="button" className="icon-button" onClick={onNext} aria-label="Next day" title="Next day (Alt+→)">
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M6 3.5L10.5 8 6 12.5" />
            </svg>
          </button>
        </div>
      </div>
      <div className="day-toolbar__heading">
        <div className="day-toolbar__title-row" aria-live="polite">
          <h2 className="day-toolbar__title">
            {title.weekday}, {title.date}
          </h2>
          {relative ? <span className="day-toolbar__relative">{relative}</span> : null}
        </div>
        <p className="day-toolbar__zone">Times in {zone.replaceAll('_', ' ')}</p>
      </div>
    </div>
  );
}
