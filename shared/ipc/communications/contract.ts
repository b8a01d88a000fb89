import type { ChannelSpec } from '../channel-spec';
import type { CommunicationChannelName } from './channel-names';

/** The communications channels: input schema, output type, permission and audit spec of each. */
export const communicationContract = {} as const satisfies Record<CommunicationChannelName, ChannelSpec>;
