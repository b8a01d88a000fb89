import type { AdminChannelName } from '../../../shared/ipc/admin/channel-names';
import type { HandlersOf } from './handler-types';

/** One entry per admin channel; each calls one service. */
export const adminHandlers: HandlersOf<AdminChannelName> = {};
