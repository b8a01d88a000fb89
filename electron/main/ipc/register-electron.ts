import { ipcMain } from 'electron';
import { CHANNEL_NAMES, IPC_PREFIX } from '../../../shared/ipc/channels';
import { fail } from '../../../shared/ipc/result';
import { isTrustedSender } from '../window';
import type { Dispatch } from './dispatcher';

export function registerIpc(dispatch: Dispatch, appUrl: () => string): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(IPC_PREFIX + name, async (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, appUrl())) return fail('FORBIDDEN', 'Calls are accepted from the app window only.');
      return dispatch(name, input);
    });
  }
}
