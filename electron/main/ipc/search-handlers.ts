import type { SearchChannelName } from '../../../shared/ipc/search/channel-names';
import { searchClinicalNotes, searchFeedbackAndMessages } from '../services/search/text-search';
import { signedInUser, type HandlersOf } from './handler-types';

/** One entry per search channel; each calls one service. */
export const searchHandlers: HandlersOf<SearchChannelName> = {
  'search.clinicalNotes': async (input, ctx) => searchClinicalNotes(ctx.runtime.stores(), signedInUser(ctx), input.query),
  'search.feedbackAndMessages': async (input, { runtime }) => searchFeedbackAndMessages(runtime.stores(), input.query),
};
