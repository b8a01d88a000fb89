import type { SearchChannelName } from '../../../../shared/ipc/search/channel-names';
import type { FeatureSamples } from './types';

/** Sample calls of the search channels; what they find is tested in search/text-search.test.ts. */
export const SEARCH_SAMPLES: FeatureSamples<SearchChannelName> = {
  samples: {
    'search.clinicalNotes': { input: () => ({ query: 'sinusitis' }) },
    'search.feedbackAndMessages': { input: () => ({ query: 'parking' }) },
  },
};
