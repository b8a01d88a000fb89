import type { KioskChannelName } from '../../../shared/ipc/kiosk/channel-names';
import type { HandlersOf } from './handler-types';

/** One entry per kiosk channel; each calls one service. */
export const kioskHandlers: HandlersOf<KioskChannelName> = {};
