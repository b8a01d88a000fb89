import type { z } from 'zod';
import {
  CommunicationLogSchema,
  PatientFeedbackSchema,
  PrescriptionSchema,
  SystemAuditLogSchema,
  type StoredIdentity,
  type StoredTimestamps,
} from '../../../../shared/documents';

/** The seed's collection names, used as such in MongoDB and (prefixed) as SQLite table names. */
export type CollectionName = 'prescriptions' | 'patient_feedback' | 'communication_logs' | 'system_audit_logs';

/** The stored form of a collection's documents: validated fields plus what the store adds. */
export type StoredOf<Fields, Timestamped extends boolean> = Fields &
  StoredIdentity &
  (Timestamped extends true ? StoredTimestamps : unknown);

/**
 * Everything an adapter needs to know about a collection besides its storage layout: the one
 * generic repository of each adapter is parameterized by this.
 */
export interface DocumentCollection<Input, Fields, Timestamped extends boolean> {
  name: CollectionName;
  /** For messages: "No prescription has id ...". */
  label: string;
  schema: z.ZodType<Fields, Input>;
  /** The schema's top-level fields: the only names a filter or sort may use (besides id). */
  fieldNames: readonly string[];
  /** Whether the store keeps createdAt/updatedAt (the seed has them on prescriptions only). */
  timestamped: Timestamped;
}

export type InputOf<C> = C extends DocumentCollection<infer Input, unknown, boolean> ? Input : never;
export type StoredDocumentOf<C> =
  C extends DocumentCollection<unknown, infer Fields, infer Timestamped> ? StoredOf<Fields, Timestamped> : never;

function collection<Input, Fields, Timestamped extends boolean>(
  name: CollectionName,
  label: string,
  schema: z.ZodObject & z.ZodType<Fields, Input>,
  timestamped: Timestamped,
): DocumentCollection<Input, Fields, Timestamped> {
  return { name, label, schema, fieldNames: Object.keys(schema.shape), timestamped };
}

export const prescriptionsCollection = collection('prescriptions', 'prescription', PrescriptionSchema, true);
export const patientFeedbackCollection = collection('patient_feedback', 'feedback entry', PatientFeedbackSchema, false);
export const communicationLogsCollection = collection(
  'communication_logs',
  'communication log',
  CommunicationLogSchema,
  false,
);
export const systemAuditLogsCollection = collection('system_audit_logs', 'audit record', SystemAuditLogSchema, false);

/** Names a stored document has besides its schema fields. */
export function storeManagedFields(timestamped: boolean): readonly string[] {
  return timestamped ? ['id', 'createdAt', 'updatedAt'] : ['id'];
}
