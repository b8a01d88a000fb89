import { useEffect } from 'react';
import { useAppStore } from '../../stores/app-store';
import { useKioskStore } from '../../stores/kiosk-store';

/** main hears about activity this often, well inside the kiosk's shortest idle time (15 s). */
const ACTIVITY_REPORT_INTERVAL_MS = 5_000;
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/**
 * TEST HOOK, as in features/session/use-idle-lock.ts: `?kioskIdleSeconds=N` in the URL of a page
 * served by the loopback test bridge (never inside Electron) can make the idle end SOONER only.
 */
export function kioskIdleLimitMs(idleSeconds: number): number {
  const setting = idleSeconds * 1000;
  if (window.clinic) return setting;
  const raw = new URLSearchParams(window.location.search).get('kioskIdleSeconds');
  const seconds = raw === null ? Number.NaN : Number(raw);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(setting, seconds * 1000) : setting;
}

/**
 * A patient at the kiosk who stops using it is signed out after the clinic's kiosk idle time:
 * the screen returns to the welcome page and every store forgets them. Main keeps the same clock
 * and ends the session on its side too, whatever this window does.
 */
export function useKioskIdle(): void {
  const patientPresent = useAppStore((state) => Boolean(state.kiosk) && Boolean(state.user));
  const idleSeconds = useAppStore((state) => state.kiosk?.idleSeconds ?? 0);

  useEffect(() => {
    if (!patientPresent || idleSeconds <= 0) return;
    const limit = kioskIdleLimitMs(idleSeconds);
    const end = () => void useKioskStore.getState().done();
    let lastReport = Date.now();
    let timer = window.setTimeout(end, limit);
    function onActivity() {
      window.clearTimeout(timer);
      timer = window.setTimeout(end, limit);
      const now = Date.now();
      if (now - lastReport >= ACTIVITY_REPORT_INTERVAL_MS) {
        lastReport = now;
        void useAppStore.getState().reportActivity();
      }
    }
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [patientPresent, idleSeconds]);
}
