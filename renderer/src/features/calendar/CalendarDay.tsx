import { useEffect, useState } from 'react';
import { clockTime, nowFraction, shiftDate, todayIn, type IsoDate } from './calendar-day';
import { DayGrid } from './DayGrid';
import { DayToolbar } from './DayToolbar';
import { NoDoctorsYet } from './NoDoctorsYet';
import { useMinuteClock } from './use-clinic-clock';

/** The calendar's day view, in the clinic's time zone. */
export function CalendarDay({ zone }: { zone: string }) {
  const now = useMinuteClock();
  const today = todayIn(zone, now);
  const [date, setDate] = useState<IsoDate>(today);
  const showsToday = date === today;

  // Alt+Left / Alt+Right move a day from anywhere in the view, as in common calendar apps.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
        event.preventDefault();
        setDate((current) => shiftDate(current, event.key === 'ArrowLeft' ? -1 : 1));
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <section className="calendar" aria-label="Calendar">
      <DayToolbar
        date={date}
        today={today}
        zone={zone}
        onChange={setDate}
        onPrevious={() => setDate((current) => shiftDate(current, -1))}
        onNext={() => setDate((current) => shiftDate(current, 1))}
      />
      <DayGrid
        nowAt={showsToday ? nowFraction(zone, now) : null}
        nowLabel={clockTime(zone, now)}
        emptyState={<NoDoctorsYet />}
      />
    </section>
  );
}
