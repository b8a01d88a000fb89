import type { ChannelSpec } from '../channel-spec';
import type { ReceptionChannelName } from './channel-names';

/** The reception channels: input schema, output type, permission and audit spec of each. */
export const receptionContract = {} as const satisfies Record<ReceptionChannelName, ChannelSpec>;
