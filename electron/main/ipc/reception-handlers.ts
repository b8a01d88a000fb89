import type { ReceptionChannelName } from '../../../shared/ipc/reception/channel-names';
import type { HandlersOf } from './handler-types';

/** One entry per reception channel; each calls one service. */
export const receptionHandlers: HandlersOf<ReceptionChannelName> = {};
