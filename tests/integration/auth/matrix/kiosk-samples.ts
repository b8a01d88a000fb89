import type { KioskChannelName } from '../../../../shared/ipc/kiosk/channel-names';
import type { FeatureSamples } from './types';

/** Sample calls of the kiosk channels. */
export const KIOSK_SAMPLES: FeatureSamples<KioskChannelName> = { samples: {} };
