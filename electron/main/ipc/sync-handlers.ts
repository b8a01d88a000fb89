import type { SyncChannelName } from '../../../shared/ipc/sync/channel-names';
import { AppFailure } from '../../../shared/ipc/result';
import { syncStatus } from '../services/sync/sync-status';
import type { HandlersOf } from './handler-types';

export const syncHandlers: HandlersOf<SyncChannelName> = {
  'sync.status': async (_input, { runtime, sync }) => syncStatus(runtime, sync),
  // TEMPORARY while the outbox lands (lead replaces these before anything lands)
  'sync.conflicts.list': async () => [],
  'sync.conflicts.resolve': async () => {
    throw new AppFailure('NOT_FOUND', 'No such conflict.');
  },
};
