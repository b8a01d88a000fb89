import type { MessageRunSummary } from '../../../../shared/ipc/communications/types';
import type { AppRuntime } from '../../runtime/app-runtime';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { loadClinicSettings } from '../scheduling/rules';
import { runMessageJob } from './message-job';
import { SmtpPasswordKeeper } from './smtp-password';
import { startServerJobTimer, type ServerJobTimer } from '../server-job-timer';

/** The stores the message job works on, this workstation's options, and when a server job may run. */
export type MessageRuntime = Pick<AppRuntime, 'options' | 'servingMirror' | 'state' | 'stores'>;

/** This workstation's SMTP password keeper (its own store, its own safeStorage). */
export function passwordKeeper(runtime: MessageRuntime): SmtpPasswordKeeper {
  return new SmtpPasswordKeeper(runtime.stores().local, runtime.options.secretBox, runtime.options.dataDir);
}

/** One pass of the job on this workstation's stores (the admin's "send due messages now", the timer). */
export async function runMessagesNow(runtime: MessageRuntime, workstation: string, clock: EpochMinuteClock): Promise<MessageRunSummary> {
  const { sql, documents } = runtime.stores();
  return runMessageJob({ sql, documents, keeper: passwordKeeper(runtime), clock, workstation });
}

/**
 * Runs the job on the interval the clinic set (read again after every run), starting a little
 * after start-up so the window opens first; not from the mirror: messages are claimed and logged
 * on the clinic server, exactly once.
 */
export function startMessageTimer(runtime: MessageRuntime, workstation: string, clock: EpochMinuteClock, firstDelayMs = 20_000): ServerJobTimer {
  return startServerJobTimer(runtime, {
    name: 'message job',
    firstDelayMs,
    defaultIntervalMs: 5 * 60_000,
    run: async () => {
      const { messageJobIntervalMinutes } = await loadClinicSettings(runtime.stores().sql.models);
      await runMessagesNow(runtime, workstation, clock);
      return messageJobIntervalMinutes * 60_000;
    },
  });
}
