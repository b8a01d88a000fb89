import type { ReceptionChannelName } from '../../../../shared/ipc/reception/channel-names';
import type { FeatureSamples } from './types';

/** Sample calls of the reception channels. */
export const RECEPTION_SAMPLES: FeatureSamples<ReceptionChannelName> = { samples: {} };
