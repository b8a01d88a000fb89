import type { SyncChannelName } from '../../../shared/ipc/sync/channel-names';
import { syncStatus } from '../services/sync/sync-status';
import type { HandlersOf } from './handler-types';

export const syncHandlers: HandlersOf<SyncChannelName> = {
  'sync.status': async (_input, { runtime, sync }) => syncStatus(runtime, sync),
};
