import type { SyncChannelName } from '../../../../shared/ipc/sync/channel-names';
import type { FeatureSamples } from './types';

export const SYNC_SAMPLES: FeatureSamples<SyncChannelName> = {
  samples: {
    'sync.status': { input: () => ({}) },
    'sync.conflicts.list': { input: () => ({}) },
    // No conflict 1 exists: every role allowed to ask gets NOT_FOUND, the others FORBIDDEN.
    'sync.conflicts.resolve': { input: () => ({ conflictId: 1, resolution: 'keep-theirs' }), allowedOutcome: { all: 'NOT_FOUND' } },
  },
};
