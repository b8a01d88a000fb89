import type { CommunicationChannelName } from '../../../shared/ipc/communications/channel-names';
import type { HandlersOf } from './handler-types';

/** One entry per communications channel; each calls one service. */
export const communicationHandlers: HandlersOf<CommunicationChannelName> = {};
