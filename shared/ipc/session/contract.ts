import { channel, NoInput, type ChannelSpec } from '../channel-spec';
import { SignInInput, UnlockInput } from '../auth-schemas';
import type { SessionInfo } from '../types';
import type { SessionChannelName } from './channel-names';

/** The session channels: input schema, output type, permission, audit and offline spec of each. */
export const sessionContract = {
  'session.current': channel<SessionInfo>()({ input: NoInput, permission: 'anyone', offline: 'anywhere' }),
  'session.signIn': channel<SessionInfo>()({ input: SignInInput, permission: 'anyone', offline: 'anywhere' }),
  'session.signOut': channel<SessionInfo>()({ input: NoInput, permission: 'session.own', offline: 'anywhere' }),
  'session.lock': channel<SessionInfo>()({ input: NoInput, permission: 'session.own', offline: 'anywhere' }),
  'session.unlock': channel<SessionInfo>()({ input: UnlockInput, permission: 'session.own', offline: 'anywhere' }),
  'session.activity': channel<SessionInfo>()({ input: NoInput, permission: 'session.own', offline: 'anywhere' }),
} as const satisfies Record<SessionChannelName, ChannelSpec>;
