import type { CommunicationType } from '../../../../shared/documents';
import { COMMUNICATION_TYPES } from '../../../../shared/documents';
import { copiesPatch, doctorDisplayName, patientDisplayName } from '../../../../shared/domain/integration/copied-names';
import type { IntegrityCollection, IntegrityKind, IntegrityRepair, IntegrityRepairResult } from '../../../../shared/ipc/consistency/types';
import { AppFailure } from '../../../../shared/ipc/result';
import type { DocumentStore } from '../../data/documents/document-store';
import { CopySyncStore } from '../../data/sql/consistency/copy-sync-store';
import { IntegrityStore } from '../../data/sql/consistency/integrity-store';
import type { SqlStore } from '../../data/sql/open-sql-store';

export interface RepairRequest {
  kind: IntegrityKind;
  collection: IntegrityCollection;
  documentId: string;
  repair: IntegrityRepair;
}

/** The one safe repair of each kind; an orphan or a mismatch has none beyond a flag for a person to look at. */
const REPAIR_OF: Record<IntegrityKind, IntegrityRepair> = {
  missing_patient: 'flag_for_review',
  missing_doctor: 'flag_for_review',
  missing_appointment: 'flag_for_review',
  appointment_mismatch: 'flag_for_review',
  feedback_not_completed: 'flag_for_review',
  stale_copy: 'resync_copy',
  claim_without_log: 'write_missing_log',
};

/** Said in the log entry a repair writes: the text that was sent is not kept anywhere else. */
export const RECONSTRUCTED_CONTENT = 'Content not kept: this entry was written from the send record by a data health repair.';

/**
 * One repair of one item the integrity check listed. Each is checked again first (the item may
 * have been repaired from another workstation meanwhile) and changes nothing when it no longer
 * applies. The dispatcher writes the audit record of every call.
 */
export async function repairIntegrityItem(sql: SqlStore, documents: DocumentStore, request: RepairRequest, actorId: number | null): Promise<IntegrityRepairResult> {
  if (REPAIR_OF[request.kind] !== request.repair) {
    throw new AppFailure('VALIDATION', `repair: ${request.kind} is repaired by ${REPAIR_OF[request.kind]}`, {
      fields: [{ field: 'repair', message: `Use ${REPAIR_OF[request.kind]}` }],
    });
  }
  switch (request.repair) {
    case 'resync_copy':
      return resyncCopy(sql, documents, request.documentId);
    case 'write_missing_log':
      return writeMissingLog(sql, documents, request.documentId);
    case 'flag_for_review': {
      const added = await new IntegrityStore(sql).flag({ collectionName: request.collection, documentId: request.documentId, kind: request.kind }, actorId);
      return { repaired: added, summary: added ? 'Flagged for review.' : 'Already flagged for review.' };
    }
  }
}

async function resyncCopy(sql: SqlStore, documents: DocumentStore, prescriptionId: string): Promise<IntegrityRepairResult> {
  const doc = await documents.prescriptions.findById(prescriptionId);
  if (!doc) throw new AppFailure('NOT_FOUND', 'That prescription does not exist.');
  const people = new CopySyncStore(sql);
  const [[patient], [doctor]] = await Promise.all([people.people('patient', [doc.patientId]), people.people('doctor', [doc.doctorId])]);
  const patch = copiesPatch(doc, { ...(patient ? { patientName: patientDisplayName(patient) } : {}), ...(doctor ? { doctorName: doctorDisplayName(doctor) } : {}) });
  if (!patch) return { repaired: false, summary: 'The names were already current.' };
  await documents.prescriptions.update(doc.id, patch);
  return { repaired: true, summary: `Names brought up to date on prescription ${doc.id}.` };
}

const isCommunicationType = (kind: string): kind is CommunicationType => (COMMUNICATION_TYPES as readonly string[]).includes(kind);

async function writeMissingLog(sql: SqlStore, documents: DocumentStore, claimIdText: string): Promise<IntegrityRepairResult> {
  const store = new IntegrityStore(sql);
  const claimId = Number(claimIdText);
  const claim = Number.isInteger(claimId) ? await store.sentClaimWithoutLog(claimId) : null;
  if (!claim) return { repaired: false, summary: 'That message already has its log entry.' };
  const appointment = claim.appointmentId === null ? undefined : (await store.appointments([claim.appointmentId])).get(claim.appointmentId);
  const contact = appointment ? await store.patientContact(appointment.patientId) : null;
  if (!appointment || !contact || !isCommunicationType(claim.kind)) {
    throw new AppFailure('CONFLICT', 'The appointment or the patient of this message no longer exists: flag it for review instead.');
  }
  const log = await documents.communicationLogs.insert({
    type: claim.kind,
    patientId: appointment.patientId,
    doctorId: appointment.doctorId,
    appointmentId: appointment.id,
    communicationMethod: claim.method,
    ...(claim.method === 'email' ? { recipientEmail: contact.email } : { recipientPhone: contact.phone }),
    content: RECONSTRUCTED_CONTENT,
    sentAt: claim.updatedAt,
    deliveryStatus: 'sent',
    readStatus: 'unknown',
    metadata: { ...(claim.messageId ? { messageId: claim.messageId } : {}), workstation: claim.claimedBy ?? 'unknown', reconstructedFromClaim: claim.id },
  });
  const linked = await store.linkClaimToLog(claim.id, log.id);
  return linked
    ? { repaired: true, summary: 'Wrote the missing log entry from the send record.' }
    : { repaired: false, summary: 'Another workstation wrote the log entry first.' };
}
