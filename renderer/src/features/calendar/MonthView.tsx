import type { CSSProperties } from 'react';
import type { CalendarMonth } from '../../../../shared/ipc/calendar/types';
import { addDays, monthDates, monthOf, weekStartOf } from '../../../../shared/domain/plain-date';
import { formatDayLong, useDisplayLocale, weekdayShortName, weekdaysFrom } from '../../stores/display-format';

/** The month overview: per day, the booked appointments (and cancellations, no-shows); a click opens the day. */
export function MonthView({
  month,
  date,
  today,
  onOpenDay,
}: {
  month: CalendarMonth | null;
  date: string;
  today: string;
  onOpenDay(date: string): void;
}) {
  const dates = monthDates(monthOf(date));
  const { weekStart } = useDisplayLocale();
  const first = weekStartOf(dates[0] as string, weekStart);
  const cells: string[] = [];
  for (
    let d = first;
    cells.length < 42 && (d <= (dates.at(-1) as string) || cells.length % 7 !== 0);
    d = addDays(d, 1)
  )
    cells.push(d);
  const byDate = new Map((month?.days ?? []).map((day) => [day.date, day]));
  const busiest = Math.max(1, ...(month?.days ?? []).map((d) => d.booked));
  return (
    <div className="month" role="grid" aria-label="Month overview" aria-busy={month === null}>
      <div className="month__row month__row--head" role="row">
        {weekdaysFrom(weekStart).map((isoDay) => (
          <div key={isoDay} className="month__weekday" role="columnheader">
            {weekdayShortName(isoDay)}
          </div>
        ))}
      </div>
      {Array.from({ length: cells.length / 7 }, (_, week) => (
        <div key={week} className="month__row" role="row">
          {cells.slice(week * 7, week * 7 + 7).map((cell) => {
            const inMonth = cell.startsWith(monthOf(date));
            const day = byDate.get(cell);
            const load = day ? day.booked / busiest : 0;
            const cancelled = day?.byStatus.Cancelled ?? 0;
            const noShows = day?.byStatus['No-Show'] ?? 0;
            return (
              <button
                key={cell}
                type="button"
                role="gridcell"
                className={`month__day${inMonth ? '' : ' month__day--outside'}${cell === today ? ' month__day--today' : ''}${cell === date ? ' month__day--chosen' : ''}`}
                style={{ '--load': load.toFixed(2) } as CSSProperties}
                onClick={() => onOpenDay(cell)}
                data-testid={inMonth ? 'month-day' : undefined}
              >
                {/* The name is the cell's own text (what is seen is what is said), the full date read out before the day number. */}
                <span className="visually-hidden">{formatDayLong(cell)}: </span>
                <span className="month__date" aria-hidden="true">
                  {Number(cell.slice(8, 10))}
                </span>
                {inMonth && day ? null : <span className="visually-hidden">{`${day?.booked ?? 0} booked`}</span>}
                {inMonth && day ? (
                  <span className="month__counts">
                    <span className="month__booked">{day.booked}</span>
                    <span className="month__booked-label">booked</span>
                    {cancelled || noShows ? (
                      <span className="month__minor">
                        {cancelled ? `${cancelled} cancelled` : ''}
                        {cancelled && noShows ? ' · ' : ''}
                        {noShows ? `${noShows} no-show` : ''}
                      </span>
                    ) : null}
                  </span>
                ) : null}
                {inMonth ? <span className="month__bar" aria-hidden="true" /> : null}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
