import type { AppRuntime } from '../runtime/app-runtime';

/** When a server job may run (stores ready, not from the mirror) and the stores it works on. */
export type JobRuntime = Pick<AppRuntime, 'servingMirror' | 'state' | 'stores'>;

export interface ServerJobTimer {
  stop(): void;
}

export interface ServerJob {
  /** Named in the error line; only the error's class follows it (messages may hold patient data). */
  name: string;
  firstDelayMs: number;
  /** Used when a pass did not run (not ready, on the mirror) or failed. */
  defaultIntervalMs: number;
  /** One pass on the clinic server's stores; returns the delay before the next, or nothing for the default. */
  run(): Promise<number | void>;
}

/**
 * A background job of this workstation that works on the clinic server's data: passes never
 * overlap here (workstations overlapping each other is what the jobs' claims are for), none runs
 * while the screens are on the mirror, and a failed pass is reported by error class only and tried
 * again at the next turn. The timer does not keep the process alive.
 */
export function startServerJobTimer(runtime: JobRuntime, job: ServerJob): ServerJobTimer {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), ms);
    timer.unref();
  };
  const tick = async () => {
    let nextMs = job.defaultIntervalMs;
    try {
      if (runtime.state.ready && !runtime.servingMirror) nextMs = (await job.run()) ?? job.defaultIntervalMs;
    } catch (error) {
      console.error(`[clinic-desk] ${job.name} failed: ${error instanceof Error ? error.name : typeof error}`);
    }
    schedule(nextMs);
  };
  schedule(job.firstDelayMs);
  return {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
