import type { BackupChannelName } from '../../../shared/ipc/backups/channel-names';
import type { HandlersOf } from './handler-types';

/** One entry per backup channel; each calls one service. */
export const backupHandlers: HandlersOf<BackupChannelName> = {
  'backups.list': async (_input, { backups }) => backups.list(),
  'backups.create': async (_input, { backups }) => backups.create('manual'),
  'backups.restore': async (input, { backups, session }) => {
    const result = await backups.restore(input.name);
    // The restored clinic may not know this account as it is now: sign in again.
    session.signOut();
    return result;
  },
};
