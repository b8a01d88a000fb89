import { useEffect, useState } from 'react';
import { DateTime } from 'luxon';

/** The current instant, refreshed every minute so "today" and the now-line stay true all day. */
export function useMinuteClock(): DateTime {
  const [now, setNow] = useState(() => DateTime.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(DateTime.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
