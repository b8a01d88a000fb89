import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';
import { startServerJobTimer, type JobRuntime, type ServerJobTimer } from '../server-job-timer';
import { runNightlyIntegrityCheck } from './integrity-check';

const LOOK_EVERY_MS = 15 * 60_000;

/**
 * Looks every 15 minutes whether tonight's integrity check is due (setting integrity_check_hour);
 * the date's claim makes one workstation of the clinic run it. A failed run keeps its claim, so it
 * is not retried the same night.
 */
export function startIntegrityTimer(runtime: JobRuntime, workstation: string, clock: EpochMinuteClock, firstDelayMs = 60_000): ServerJobTimer {
  return startServerJobTimer(runtime, {
    name: 'integrity check',
    firstDelayMs,
    defaultIntervalMs: LOOK_EVERY_MS,
    run: async () => {
      const { sql, documents } = runtime.stores();
      const settings = await loadClinicSettings(sql.models);
      await runNightlyIntegrityCheck({ sql, documents, workstation, clock, timezone: settings.timezone, hour: settings.integrityCheckHour });
    },
  });
}
