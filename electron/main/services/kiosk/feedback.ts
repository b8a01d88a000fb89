import { RATING_NAMES, type DoctorRatingTotals, type ModerationStatus, type PatientFeedback } from '../../../../shared/documents';
import { AppFailure, isAppFailure } from '../../../../shared/ipc/result';
import type { SubmitFeedbackInput } from '../../../../shared/ipc/kiosk/schemas';
import type {
  DoctorFeedbackView,
  DoctorRatingSummary,
  FeedbackReceipt,
  ModerationItem,
  MyFeedback,
} from '../../../../shared/ipc/kiosk/types';
import type { z } from 'zod';
import type { DocumentStore } from '../../data/documents/document-store';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { doctorNames } from './patient-visits';

type Stores = { sql: SqlStore; documents: DocumentStore };
type SubmitFeedback = z.output<typeof SubmitFeedbackInput>;

const ALREADY_GIVEN = 'Feedback for this visit has already been given. Thank you!';

/**
 * Feedback from the signed-in patient for one of their completed visits. The patient and the
 * doctor come from the appointment, never from the input; `verified` is true because main has
 * checked that the author is the patient of that completed visit. One feedback per appointment:
 * looked up first for a clear answer, and a unique index on appointmentId in both document
 * stores settles a race (the second insert is DUPLICATE).
 */
export async function submitFeedback({ sql, documents }: Stores, patientId: number, input: SubmitFeedback, now: Date): Promise<FeedbackReceipt> {
  const appointment = await sql.models.Appointment.findByPk(input.appointmentId, { attributes: ['id', 'patientId', 'doctorId', 'status'] });
  if (!appointment || appointment.patientId !== patientId) throw new AppFailure('FORBIDDEN', 'This is not one of your visits.');
  if (appointment.status !== 'Completed') {
    throw new AppFailure('CONFLICT', 'Feedback can be left once the visit is completed.', { status: appointment.status });
  }
  if ((await documents.patientFeedback.count({ patientId, appointmentId: appointment.id })) > 0) {
    throw new AppFailure('DUPLICATE', ALREADY_GIVEN, { field: 'appointmentId' });
  }
  try {
    const stored = await documents.patientFeedback.insert({
      appointmentId: appointment.id,
      patientId,
      doctorId: appointment.doctorId,
      ratings: input.ratings,
      ...(input.textReview ? { textReview: input.textReview } : {}),
      ...(input.recommendToFriend === undefined ? {} : { recommendToFriend: input.recommendToFriend }),
      ...(input.wouldReturnToDoctor === undefined ? {} : { wouldReturnToDoctor: input.wouldReturnToDoctor }),
      anonymous: input.anonymous,
      feedbackDate: now,
      tags: input.tags,
      improvement_suggestions: input.improvement_suggestions,
      verified: true,
      moderationStatus: 'Pending',
    });
    return { id: stored.id, appointmentId: stored.appointmentId, patientId, moderationStatus: stored.moderationStatus, verified: stored.verified };
  } catch (error) {
    if (isAppFailure(error) && error.code === 'DUPLICATE') throw new AppFailure('DUPLICATE', ALREADY_GIVEN, { field: 'appointmentId' });
    throw error;
  }
}

function body(feedback: PatientFeedback) {
  return {
    id: feedback.id,
    appointmentId: feedback.appointmentId,
    doctorId: feedback.doctorId,
    ratings: feedback.ratings,
    textReview: feedback.textReview ?? null,
    recommendToFriend: feedback.recommendToFriend ?? null,
    wouldReturnToDoctor: feedback.wouldReturnToDoctor ?? null,
    tags: feedback.tags,
    improvement_suggestions: feedback.improvement_suggestions,
    feedbackDate: feedback.feedbackDate.toISOString(),
    verified: feedback.verified,
    anonymous: feedback.anonymous,
  };
}

async function patientNames(sql: SqlStore, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.models.Patient.findAll({ where: { id: [...new Set(ids)] }, attributes: ['id', 'firstName', 'lastName'] });
  return new Map(rows.map((row) => [row.id, `${row.firstName} ${row.lastName}`]));
}

/**
 * THE one way feedback leaves main for a doctor or a doctor's page. Anonymous feedback carries
 * no patient id and no name: the patient is looked up only for feedback that is not anonymous,
 * so nothing identifying is even loaded for the rest.
 */
export async function doctorFacingFeedback(sql: SqlStore, rows: readonly PatientFeedback[]): Promise<DoctorFeedbackView[]> {
  const named = await patientNames(sql, rows.filter((row) => !row.anonymous).map((row) => row.patientId));
  return rows.map((row) => ({
    ...body(row),
    patient: row.anonymous ? null : { id: row.patientId, name: named.get(row.patientId) ?? 'A patient' },
  }));
}

async function staffNames(sql: SqlStore, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql.models.Admin.findAll({ where: { id: [...new Set(ids)] }, attributes: ['id', 'firstName', 'lastName'] });
  return new Map(rows.map((row) => [row.id, `${row.firstName} ${row.lastName}`]));
}

async function moderationItems(sql: SqlStore, rows: readonly PatientFeedback[]): Promise<ModerationItem[]> {
  const [patients, doctors, moderators] = await Promise.all([
    patientNames(sql, rows.map((row) => row.patientId)),
    doctorNames(sql, rows.map((row) => row.doctorId)),
    staffNames(sql, rows.flatMap((row) => (row.moderatedBy ? [row.moderatedBy] : []))),
  ]);
  return rows.map((row) => ({
    ...body(row),
    patientId: row.patientId,
    patientName: patients.get(row.patientId) ?? 'Unknown patient',
    doctorName: doctors.get(row.doctorId)?.name ?? 'Unknown doctor',
    moderationStatus: row.moderationStatus,
    moderatedBy: row.moderatedBy ?? null,
    moderatedByName: row.moderatedBy ? (moderators.get(row.moderatedBy) ?? null) : null,
    moderatedAt: row.moderatedAt ? row.moderatedAt.toISOString() : null,
  }));
}

/** The moderation queue: Pending oldest first (fair order), decided ones newest first. */
export async function feedbackQueue({ sql, documents }: Stores, status: ModerationStatus, limit: number): Promise<ModerationItem[]> {
  const rows = await documents.patientFeedback.find(
    { moderationStatus: status },
    { sort: { feedbackDate: status === 'Pending' ? 'asc' : 'desc' }, limit },
  );
  return moderationItems(sql, rows);
}

/** Pending → Approved or Rejected, once, with who and when. */
export async function moderateFeedback({ sql, documents }: Stores, moderatorId: number, feedbackId: string, decision: 'Approved' | 'Rejected', now: Date): Promise<ModerationItem> {
  const current = await documents.patientFeedback.findById(feedbackId);
  if (!current) throw new AppFailure('NOT_FOUND', 'That feedback does not exist.');
  if (current.moderationStatus !== 'Pending') {
    throw new AppFailure('CONFLICT', `This feedback was already ${current.moderationStatus.toLowerCase()}.`, { moderationStatus: current.moderationStatus });
  }
  const updated = await documents.patientFeedback.update(feedbackId, { moderationStatus: decision, moderatedBy: moderatorId, moderatedAt: now });
  const [item] = await moderationItems(sql, [updated]);
  if (!item) throw new Error('moderation item vanished');
  return item;
}

function emptyTotals(doctorId: number): DoctorRatingTotals {
  const ratings = Object.fromEntries(RATING_NAMES.map((name) => [name, { average: null, count: 0 }])) as DoctorRatingTotals['ratings'];
  return { doctorId, feedbackCount: 0, ratings };
}

/**
 * Rating summaries of approved feedback, computed in the document store. With a doctorId: that
 * doctor (zero counts when nothing approved yet); without: every doctor with approved feedback.
 */
export async function ratingSummaries({ sql, documents }: Stores, doctorId?: number): Promise<DoctorRatingSummary[]> {
  const totals = await documents.feedbackRatings.summarize({ moderationStatus: 'Approved', ...(doctorId ? { doctorIds: [doctorId] } : {}) });
  const list = doctorId && totals.length === 0 ? [emptyTotals(doctorId)] : totals;
  const names = await doctorNames(sql, list.map((entry) => entry.doctorId));
  if (doctorId && !names.has(doctorId)) throw new AppFailure('NOT_FOUND', 'That doctor does not exist.');
  return list.map((entry) => ({
    ...entry,
    doctorName: names.get(entry.doctorId)?.name ?? 'Unknown doctor',
    specialization: names.get(entry.doctorId)?.specialization ?? '',
  }));
}

/** A doctor's approved feedback, newest first, doctor-facing (anonymity enforced). */
export async function approvedFeedbackOf({ sql, documents }: Stores, doctorId: number, limit: number): Promise<DoctorFeedbackView[]> {
  const rows = await documents.patientFeedback.find({ doctorId, moderationStatus: 'Approved' }, { sort: { feedbackDate: 'desc' }, limit });
  return doctorFacingFeedback(sql, rows);
}

/** The signed-in doctor's own approved feedback and summary. */
export async function myFeedback(stores: Stores, doctorId: number): Promise<MyFeedback> {
  const [[summary], feedback] = await Promise.all([ratingSummaries(stores, doctorId), approvedFeedbackOf(stores, doctorId, 100)]);
  if (!summary) throw new AppFailure('NOT_FOUND', 'That doctor does not exist.');
  return { summary, feedback };
}

