import { channel, NoInput, type ChannelSpec } from '../channel-spec';
import { SetupInput, StoreRetryInput } from '../schemas';
import type { AppStatus, SetupResult } from '../types';
import type { AppChannelName } from './channel-names';

/** The app channels: input schema, output type, permission, audit and offline spec of each. */
export const appContract = {
  'app.status': channel<AppStatus>()({ input: NoInput, permission: 'anyone', offline: 'anywhere' }),
  'app.retryStores': channel<AppStatus>()({ input: StoreRetryInput, permission: 'anyone', offline: 'anywhere' }),
  'setup.complete': channel<SetupResult>()({ input: SetupInput, permission: 'anyone', offline: 'server' }),
} as const satisfies Record<AppChannelName, ChannelSpec>;
