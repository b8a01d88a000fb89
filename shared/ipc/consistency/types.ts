/** What the integrity check finds (the Data health screen, `npm run integrity`). */

export const INTEGRITY_KINDS = [
  'missing_patient',
  'missing_doctor',
  'missing_appointment',
  'appointment_mismatch',
  'stale_copy',
  'claim_without_log',
  'feedback_not_completed',
] as const;
export type IntegrityKind = (typeof INTEGRITY_KINDS)[number];

export const INTEGRITY_KIND_LABELS: Record<IntegrityKind, string> = {
  missing_patient: 'Documents naming a patient who no longer exists',
  missing_doctor: 'Documents naming a doctor who no longer exists',
  missing_appointment: 'Documents naming an appointment that no longer exists',
  appointment_mismatch: 'Prescriptions whose appointment belongs to another patient or doctor',
  stale_copy: 'Prescriptions with out-of-date names',
  claim_without_log: 'Messages sent without an entry in the communication log',
  feedback_not_completed: 'Feedback for a visit that is not Completed',
};

export type IntegrityCollection = 'prescriptions' | 'patient_feedback' | 'communication_logs' | 'system_audit_logs' | 'message_claims';

/** One safe step: re-sync a copy, write the missing log entry from the claim, or flag for review. */
export type IntegrityRepair = 'resync_copy' | 'write_missing_log' | 'flag_for_review';

export interface IntegrityItem {
  kind: IntegrityKind;
  collection: IntegrityCollection;
  /** The document's id; for a message claim, the claim's id. */
  documentId: string;
  /** Ids only: the screen shows no names, and an orphan has nobody to name. */
  patientId: number | null;
  detail: string;
  repair: IntegrityRepair | null;
  /** An admin has flagged it for review already. */
  flagged: boolean;
}

export interface IntegrityKindReport {
  kind: IntegrityKind;
  label: string;
  count: number;
  /** The first ones found (at most 100). */
  items: IntegrityItem[];
}

export interface IntegrityReport {
  /** ISO instant */
  checkedAt: string;
  tookMs: number;
  scanned: Record<Exclude<IntegrityCollection, 'message_claims'>, number>;
  kinds: IntegrityKindReport[];
  /** The newest nightly run (the setting integrity_check_hour), as it found things then. */
  lastScheduled: ScheduledIntegrityRun | null;
}

/** What a nightly run keeps: counts only, no lists. */
export interface ScheduledIntegrityRun {
  /** The clinic date of the night, YYYY-MM-DD. */
  runDate: string;
  workstation: string | null;
  tookMs: number;
  counts: Record<IntegrityKind, number>;
}

export interface IntegrityRepairResult {
  repaired: boolean;
  /** What was done, in words. */
  summary: string;
}
