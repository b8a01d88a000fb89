import { startServerJobTimer, type JobRuntime, type ServerJobTimer } from '../server-job-timer';
import { runCopySyncPass } from './copy-sync';

/** How often each workstation looks for changes made elsewhere. */
export const COPY_SYNC_INTERVAL_MS = 5 * 60_000;

/** The scheduled copy sync on this workstation; the copies that matter are the clinic server's. */
export function startCopySyncTimer(runtime: JobRuntime, workstation: string, firstDelayMs = 30_000): ServerJobTimer {
  return startServerJobTimer(runtime, {
    name: 'copy sync pass',
    firstDelayMs,
    defaultIntervalMs: COPY_SYNC_INTERVAL_MS,
    run: async () => {
      const { sql, documents } = runtime.stores();
      await runCopySyncPass({ sql, documents, workstation });
    },
  });
}
