import type { AppRuntime } from '../../runtime/app-runtime';
import { runCopySyncPass } from './copy-sync';

export interface CopySyncTimer {
  stop(): void;
}

/** How often each workstation looks for changes made elsewhere. */
export const COPY_SYNC_INTERVAL_MS = 5 * 60_000;

/**
 * The scheduled copy sync on this workstation: runs never overlap here, and workstations
 * overlapping each other is what the claims are for. Not while the screens are on the mirror: the
 * copies that matter are the clinic server's. A failed pass is reported by error class only.
 */
export function startCopySyncTimer(runtime: AppRuntime, workstation: string, firstDelayMs = 30_000): CopySyncTimer {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };
  const tick = async () => {
    try {
      if (runtime.state.ready && !runtime.servingMirror) {
        const { sql, documents } = runtime.stores();
        await runCopySyncPass({ sql, documents, workstation, nowMs: Date.now });
      }
    } catch (error) {
      console.error(`[clinic-desk] copy sync pass failed: ${error instanceof Error ? error.name : typeof error}`);
    }
    schedule(COPY_SYNC_INTERVAL_MS);
  };
  schedule(firstDelayMs);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
