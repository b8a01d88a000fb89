import type { AdminChannelName } from '../../../../shared/ipc/admin/channel-names';
import type { FeatureSamples } from './types';

/** Sample calls of the admin channels. */
export const ADMIN_SAMPLES: FeatureSamples<AdminChannelName> = { samples: {} };
