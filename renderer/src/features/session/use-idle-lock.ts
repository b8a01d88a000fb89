import { useEffect } from 'react';
import { useAppStore } from '../../stores/app-store';

/** main hears about activity at most this often: enough to keep its own idle clock right. */
const ACTIVITY_REPORT_INTERVAL_MS = 30_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * TEST HOOK: `?idleSeconds=N` in the page URL shortens the idle time, so an end-to-end test need
 * not wait the clinic's minimum of one minute. It is read only when the page is served by the
 * loopback test bridge (no `window.clinic`, i.e. never inside the Electron app), and it can only
 * make the lock come SOONER than the clinic's setting, never later.
 */
function testIdleLimitMs(): number | null {
  if (window.clinic) return null;
  const raw = new URLSearchParams(window.location.search).get('idleSeconds');
  const seconds = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

export function idleLimitMs(idleLockMinutes: number): number {
  const setting = idleLockMinutes * 60_000;
  const test = testIdleLimitMs();
  return test === null ? setting : Math.min(setting, test);
}

/**
 * The automatic lock: keyboard, pointer and wheel use count as activity (reported to main at most
 * every 30 s); after the clinic's inactivity time without any, the screen locks and main is told.
 * Main keeps its own clock too and refuses data once idle, whatever this window does.
 */
export function useIdleLock(): void {
  // A kiosk has its own, shorter idle end for patients (features/kiosk/use-kiosk-idle.ts).
  const active = useAppStore((state) => Boolean(state.user) && !state.locked && !state.kiosk);
  const idleLockMinutes = useAppStore((state) => state.idleLockMinutes);

  useEffect(() => {
    if (!active) return;
    const { lock, reportActivity } = useAppStore.getState();
    const limit = idleLimitMs(idleLockMinutes);
    // Signing in or unlocking counts as activity in main, so the first report can wait.
    let lastReport = Date.now();
    let timer = window.setTimeout(() => void lock(), limit);

    function onActivity() {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void lock(), limit);
      const now = Date.now();
      if (now - lastReport >= ACTIVITY_REPORT_INTERVAL_MS) {
        lastReport = now;
        void reportActivity();
      }
    }

    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [active, idleLockMinutes]);
}
