import { z } from 'zod';
import { text } from '../../domain/text';
import { channel, type ChannelSpec } from '../channel-spec';
import type { SearchChannelName } from './channel-names';
import type { FeedbackAndMessageSearchResult, NoteSearchResult } from './types';

export const TextSearchInput = z
  .object({ query: text().trim().min(2, 'Type at least 2 characters').max(200) })
  .strict();

/**
 * Doctors search their own patients' prescriptions (clinical text: every search is on the audit
 * trail); admins search feedback and messages. The query itself is not recorded: it may hold
 * what a patient said.
 */
export const searchContract = {
  // Offline 'read': the mirror holds the prescriptions (with their search index); feedback and messages only the server.
  'search.clinicalNotes': channel<NoteSearchResult>()({
    input: TextSearchInput,
    permission: 'clinical.own',
    offline: 'read',
    audit: { action: 'search_clinical_notes', resourceType: 'prescription' },
  }),
  'search.feedbackAndMessages': channel<FeedbackAndMessageSearchResult>()({
    input: TextSearchInput,
    permission: 'feedback.moderate',
    offline: 'server',
    audit: { action: 'search_feedback_and_messages', resourceType: 'feedback' },
  }),
} as const satisfies Record<SearchChannelName, ChannelSpec>;
