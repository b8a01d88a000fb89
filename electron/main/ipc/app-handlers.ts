import type { AppChannelName } from '../../../shared/ipc/app/channel-names';
import { appStatus } from '../services/app-status';
import { startSession } from '../services/auth/workstation-sign-in';
import { completeSetup } from '../services/setup';
import type { HandlersOf } from './handler-types';

/** The workstation's own channels: status, reopening its stores, the first-run setup. */
export const appHandlers: HandlersOf<AppChannelName> = {
  'app.status': async (_input, { runtime }) => appStatus(runtime),
  'app.retryStores': async (_input, { runtime }) => {
    // Only a workstation whose stores are down may reopen them; a healthy one keeps its connections.
    if (!runtime.state.ready) await runtime.restart();
    return appStatus(runtime);
  },
  'setup.complete': async (input, { runtime, session }) => {
    const { sql } = runtime.stores();
    const result = await completeSetup(sql, input, runtime.passwordCost);
    await startSession(session, sql, result.user);
    return result;
  },
};
