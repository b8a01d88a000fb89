import type { SyncChannelName } from '../../../../shared/ipc/sync/channel-names';
import type { FeatureSamples } from './types';

export const SYNC_SAMPLES: FeatureSamples<SyncChannelName> = {
  samples: { 'sync.status': { input: () => ({}) } },
};
