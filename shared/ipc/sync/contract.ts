import { channel, NoInput, type ChannelSpec } from '../channel-spec';
import type { SyncChannelName } from './channel-names';
import type { SyncStatus } from './types';

export const syncContract = {
  'sync.status': channel<SyncStatus>()({ input: NoInput, permission: 'session.own' }),
} as const satisfies Record<SyncChannelName, ChannelSpec>;
