import type { ChannelSpec } from '../channel-spec';
import type { AdminChannelName } from './channel-names';

/** The admin channels: input schema, output type, permission and audit spec of each. */
export const adminContract = {} as const satisfies Record<AdminChannelName, ChannelSpec>;
