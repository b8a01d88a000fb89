import type { CommunicationChannelName } from '../../../../shared/ipc/communications/channel-names';
import type { FeatureSamples } from './types';

/** Sample calls of the communications channels. */
export const COMMUNICATION_SAMPLES: FeatureSamples<CommunicationChannelName> = { samples: {} };
