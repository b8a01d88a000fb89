import type { AppRuntime } from '../../runtime/app-runtime';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';
import { runNightlyIntegrityCheck } from './integrity-check';

export interface IntegrityTimer {
  stop(): void;
}

const LOOK_EVERY_MS = 15 * 60_000;

/**
 * Looks every 15 minutes whether tonight's integrity check is due (setting integrity_check_hour);
 * the date's claim makes one workstation of the clinic run it. Not from the mirror. A failed run
 * is reported by error class only; its claim stays, so it is not retried the same night.
 */
export function startIntegrityTimer(runtime: AppRuntime, workstation: string, clock: EpochMinuteClock, firstDelayMs = 60_000): IntegrityTimer {
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
        const settings = await loadClinicSettings(sql.models);
        await runNightlyIntegrityCheck({ sql, documents, workstation, clock, timezone: settings.timezone, hour: settings.integrityCheckHour });
      }
    } catch (error) {
      console.error(`[clinic-desk] integrity check failed: ${error instanceof Error ? error.name : typeof error}`);
    }
    schedule(LOOK_EVERY_MS);
  };
  schedule(firstDelayMs);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
