import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { handlers } from './ipc/handlers';
import { AppRuntime, type RuntimeOptions } from './runtime/app-runtime';
import { systemClock } from './services/scheduling/booking';
import { WorkstationSession } from './session';

export interface Workstation {
  runtime: AppRuntime;
  session: WorkstationSession;
  dispatch: Dispatch;
}

/** Wires one workstation: runtime (stores), session and dispatcher. Used by Electron and the bridge. */
export async function startWorkstation(options: RuntimeOptions): Promise<Workstation> {
  const runtime = new AppRuntime(options);
  await runtime.start();
  const session = new WorkstationSession();
  const dispatch = createDispatcher({
    handlers,
    context: { runtime, session, clock: systemClock },
    // Only the channel and the error's name: inputs and messages can carry patient data.
    reportInternalError: (channel, error) =>
      console.error(`[clinic-desk] ${channel} failed: ${error instanceof Error ? error.name : typeof error}`),
  });
  return { runtime, session, dispatch };
}
