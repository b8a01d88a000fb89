import { useEffect, useState } from 'react';
import { POLL_INTERVAL_MS, useCalendarStore } from '../../stores/calendar-store';

/** How long the "updated" hint stays after a change from another workstation arrived. */
const HINT_MS = 5_000;

/**
 * While the screen is mounted and the window visible, asks the change feed every few seconds
 * whether another workstation changed the shown dates (and today's board), and merges the new
 * data into the store. The grid stays mounted: scroll, selection and open forms are kept.
 * Returns a short hint to show after a change arrived.
 */
export function useLiveUpdates(boardToday: string | null): string | null {
  const lastLiveUpdate = useCalendarStore((state) => state.lastLiveUpdate);
  /** The update whose hint has run its time. */
  const [expired, setExpired] = useState<number | null>(null);

  useEffect(() => {
    let running = false;
    const tick = async () => {
      if (running || document.visibilityState !== 'visible') return;
      running = true;
      try {
        await useCalendarStore.getState().poll(boardToday);
      } finally {
        running = false;
      }
    };
    const timer = window.setInterval(() => void tick(), POLL_INTERVAL_MS);
    const onVisible = () => void tick();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [boardToday]);

  useEffect(() => {
    if (lastLiveUpdate === null) return;
    const timer = window.setTimeout(() => setExpired(lastLiveUpdate), HINT_MS);
    return () => window.clearTimeout(timer);
  }, [lastLiveUpdate]);

  return lastLiveUpdate !== null && expired !== lastLiveUpdate ? 'Updated just now' : null;
}
