import type { MessageRunSummary } from '../../../../shared/ipc/communications/types';
import type { AppRuntime } from '../../runtime/app-runtime';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';
import { runMessageJob } from './message-job';
import { SmtpPasswordKeeper } from './smtp-password';

/** This workstation's SMTP password keeper (its own store, its own safeStorage). */
export function passwordKeeper(runtime: AppRuntime): SmtpPasswordKeeper {
  return new SmtpPasswordKeeper(runtime.stores().local, runtime.options.secretBox, runtime.options.dataDir);
}

/** One pass of the job on this workstation's stores (the admin's "send due messages now", the timer). */
export async function runMessagesNow(runtime: AppRuntime, workstation: string, clock: EpochMinuteClock): Promise<MessageRunSummary> {
  const { sql, documents } = runtime.stores();
  return runMessageJob({ sql, documents, keeper: passwordKeeper(runtime), clock, workstation });
}

export interface MessageTimer {
  stop(): void;
}

/**
 * Runs the job on the interval the clinic set (read again after every run), starting a little
 * after start-up so the window opens first. Runs never overlap on one workstation; workstations
 * overlapping each other is what the claims are for. A failed run (server away) is reported by
 * error class only and tried again next time.
 */
export function startMessageTimer(runtime: AppRuntime, workstation: string, clock: EpochMinuteClock, firstDelayMs = 20_000): MessageTimer {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };
  const tick = async () => {
    let intervalMinutes = 5;
    try {
      // Not from the mirror: messages are claimed and logged on the clinic server, exactly once.
      if (runtime.state.ready && !runtime.servingMirror) {
        intervalMinutes = (await loadClinicSettings(runtime.stores().sql.models)).messageJobIntervalMinutes;
        await runMessagesNow(runtime, workstation, clock);
      }
    } catch (error) {
      console.error(`[clinic-desk] message job failed: ${error instanceof Error ? error.name : typeof error}`);
    }
    schedule(intervalMinutes * 60_000);
  };
  schedule(firstDelayMs);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
