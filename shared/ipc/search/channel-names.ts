/** Full-text search of documents. Names only (no zod), for the preload; see ../channels.ts. */
export const SEARCH_CHANNEL_NAMES = ['search.clinicalNotes', 'search.feedbackAndMessages'] as const;
export type SearchChannelName = (typeof SEARCH_CHANNEL_NAMES)[number];
