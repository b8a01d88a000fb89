import type { ChannelSpec } from '../channel-spec';
import type { KioskChannelName } from './channel-names';

/** The kiosk channels: input schema, output type, permission and audit spec of each. */
export const kioskContract = {} as const satisfies Record<KioskChannelName, ChannelSpec>;
