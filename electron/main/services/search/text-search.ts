import type { CommunicationLog, PatientFeedback, Prescription } from '../../../../shared/documents';
import { shownDoctorName, shownPatientName } from '../../../../shared/domain/integration/copied-names';
import type { FeedbackAndMessageSearchResult, NoteSearchResult } from '../../../../shared/ipc/search/types';
import type { SessionUser } from '../../../../shared/ipc/types';
import { searchWords } from '../../data/documents/document-store';
import { ownPatientIds } from '../../data/sql/search/own-patients';
import type { OpenStores } from '../../runtime/stores';
import { doctorIdOf } from '../doctor/own-records';

const LIMIT = 50;
const EXCERPT_RADIUS = 80;

/** Up to ~160 characters of the text around the first word found (case-insensitive), else its start. */
export function excerptOf(texts: readonly (string | undefined)[], query: string): string {
  const text = texts.filter(Boolean).join(' · ').replace(/\s+/g, ' ');
  const lower = text.toLocaleLowerCase();
  const at = Math.min(...searchWords(query).map((w) => lower.indexOf(w.toLocaleLowerCase())).filter((i) => i >= 0), Number.MAX_SAFE_INTEGER);
  const start = at === Number.MAX_SAFE_INTEGER ? 0 : Math.max(0, at - EXCERPT_RADIUS);
  const end = Math.min(text.length, start + 2 * EXCERPT_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** The documents of these ids, in the order given (the search's ranking). */
function inOrder<T extends { id: string }>(ids: readonly string[], docs: readonly T[]): T[] {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return ids.map((id) => byId.get(id)).filter((d): d is T => d !== undefined);
}

/** A doctor's search of their own patients' prescriptions: diagnosis, clinical notes, medication names. */
export async function searchClinicalNotes(stores: OpenStores, user: SessionUser, query: string): Promise<NoteSearchResult> {
  const doctorId = doctorIdOf(user);
  const patientIds = await ownPatientIds(stores.sql, doctorId);
  const { documents } = stores;
  const ids = await documents.textSearch.search({ collection: 'prescriptions', query, patientIds, limit: LIMIT });
  const docs: Prescription[] = ids.length ? inOrder(ids, await documents.prescriptions.find({ id: { $in: ids } })) : [];
  // The scope was given to the store; checked again here, since a leak would be a patient's notes.
  const own = new Set(patientIds);
  return {
    method: documents.textSearch.method,
    hits: docs
      .filter((d) => own.has(d.patientId))
      .map((d) => ({
        prescriptionId: d.id,
        patientId: d.patientId,
        patientName: shownPatientName(d),
        doctorName: shownDoctorName(d),
        prescriptionDate: d.prescriptionDate.toISOString(),
        diagnosis: d.diagnosis ?? null,
        excerpt: excerptOf([d.diagnosis, d.clinicalNotes, d.medications.map((m) => m.name).join(', ')], query),
      })),
  };
}

/** An admin's search of feedback (review, suggestions) and messages (subject, content). */
export async function searchFeedbackAndMessages(stores: OpenStores, query: string): Promise<FeedbackAndMessageSearchResult> {
  const { documents } = stores;
  const [feedbackIds, messageIds] = await Promise.all([
    documents.textSearch.search({ collection: 'patient_feedback', query, limit: LIMIT }),
    documents.textSearch.search({ collection: 'communication_logs', query, limit: LIMIT }),
  ]);
  const [feedback, messages]: [PatientFeedback[], CommunicationLog[]] = await Promise.all([
    feedbackIds.length ? documents.patientFeedback.find({ id: { $in: feedbackIds } }) : [],
    messageIds.length ? documents.communicationLogs.find({ id: { $in: messageIds } }) : [],
  ]);
  return {
    method: documents.textSearch.method,
    feedback: inOrder(feedbackIds, feedback).map((f) => ({
      feedbackId: f.id,
      doctorId: f.doctorId,
      patientId: f.anonymous ? null : f.patientId,
      anonymous: f.anonymous,
      moderationStatus: f.moderationStatus,
      feedbackDate: f.feedbackDate.toISOString(),
      excerpt: excerptOf([f.textReview, ...f.improvement_suggestions], query),
    })),
    messages: inOrder(messageIds, messages).map((m) => ({
      messageId: m.id,
      patientId: m.patientId,
      type: m.type,
      subject: m.subject ?? null,
      sentAt: m.sentAt ? m.sentAt.toISOString() : null,
      excerpt: excerptOf([m.subject, m.content], query),
    })),
  };
}
