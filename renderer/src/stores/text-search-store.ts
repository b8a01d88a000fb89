import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError } from '../../../shared/ipc/result';
import type { FeedbackAndMessageSearchResult, NoteSearchResult } from '../../../shared/ipc/search/types';
import { onSessionReset, noted } from './app-store';

export interface TextSearchState {
  notes: NoteSearchResult | null;
  feedbackAndMessages: FeedbackAndMessageSearchResult | null;
  searching: boolean;
  error: AppError | null;
  searchNotes(query: string): Promise<void>;
  searchFeedbackAndMessages(query: string): Promise<void>;
}

const EMPTY = { notes: null, feedbackAndMessages: null, searching: false, error: null } satisfies Partial<TextSearchState>;

/** The Search section: a doctor's own patients' notes, or (admins) feedback and messages. */
export const useTextSearchStore = create<TextSearchState>()((set) => ({
  ...EMPTY,
  searchNotes: async (query) => {
    set({ searching: true });
    const result = noted(await clinicApi()['search.clinicalNotes']({ query }));
    set(result.ok ? { notes: result.data, error: null, searching: false } : { error: result.error, searching: false });
  },
  searchFeedbackAndMessages: async (query) => {
    set({ searching: true });
    const result = noted(await clinicApi()['search.feedbackAndMessages']({ query }));
    set(result.ok ? { feedbackAndMessages: result.data, error: null, searching: false } : { error: result.error, searching: false });
  },
}));

onSessionReset(() => useTextSearchStore.setState(EMPTY));
