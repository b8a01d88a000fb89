import type { CSSProperties, ReactNode } from 'react';
import { gridHours, GRID_END_HOUR } from './calendar-day';

export interface DayGridProps {
  /** Where to draw the current-time line (fraction of the grid's height), or null for none. */
  nowAt: number | null;
  nowLabel: string;
  /** Shown over the empty grid, e.g. when there are no doctors yet. */
  emptyState?: ReactNode;
}

/** The hour grid of one day. Doctor columns and appointments come with the doctors feature. */
export function DayGrid({ nowAt, nowLabel, emptyState }: DayGridProps) {
  const hours = gridHours();
  const endLabel = `${String(GRID_END_HOUR).padStart(2, '0')}:00`;
  return (
    <div className="day-grid" style={{ '--hour-count': hours.length } as CSSProperties}>
      <div className="day-grid__body">
        {hours.map((hour) => (
          // Empty hours say nothing to a screen reader; the empty state and the now-line do.
          <div key={hour} className="day-grid__row" aria-hidden="true">
            <div className="day-grid__time">{hour}</div>
            <div className="day-grid__slot" />
          </div>
        ))}
        <div className="day-grid__end" aria-hidden="true">
          <span className="day-grid__time">{endLabel}</span>
        </div>
        {nowAt !== null ? (
          // The line's position changes every minute; a style property (CSSOM) is allowed by the CSP.
          <div
            className="day-grid__now"
            style={{ '--now-at': nowAt } as CSSProperties}
            aria-label={`Now, ${nowLabel}`}
            role="img"
          >
            <span className="day-grid__now-label">{nowLabel}</span>
          </div>
        ) : null}
        {emptyState ? <div className="day-grid__overlay">{emptyState}</div> : null}
      </div>
    </div>
  );
}
