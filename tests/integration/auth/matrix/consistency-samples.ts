import type { ConsistencyChannelName } from '../../../../shared/ipc/consistency/channel-names';
import type { FeatureSamples } from './types';

/** Sample calls of the data health channels; the checks and repairs themselves are in consistency/integrity.test.ts. */
export const CONSISTENCY_SAMPLES: FeatureSamples<ConsistencyChannelName> = {
  samples: {
    'dataHealth.check': { input: () => ({}) },
    // No such prescription: every role allowed to repair gets NOT_FOUND, the others FORBIDDEN.
    'dataHealth.repair': {
      input: () => ({ kind: 'stale_copy', collection: 'prescriptions', documentId: 'ffffffffffffffffffffffff', repair: 'resync_copy' }),
      allowedOutcome: { all: 'NOT_FOUND' },
    },
  },
};
