import type { CollectionName } from './collections';

/**
 * On a cluster sharded as `npm run mongo-shard` shards it (patientId for the three patient
 * collections, eventId for the audit trail), a query that names one patient reaches one shard.
 * These are the app's queries that do not, and so reach every shard, with why that is acceptable.
 * `fields`: the filter fields the query family may use (any subset); `_id` is a lookup by id.
 * docs/running-the-clinic-server.md lists the same, and a test checks both against the filters
 * the MongoDB store really sends.
 */
export interface ScatterGatherQuery {
  collection: CollectionName;
  fields: readonly string[];
  why: string;
}

export const SHARD_KEY_FIELD: Record<CollectionName, string> = {
  prescriptions: 'patientId',
  patient_feedback: 'patientId',
  communication_logs: 'patientId',
  system_audit_logs: 'eventId',
};

export const SCATTER_GATHER_QUERIES: readonly ScatterGatherQuery[] = [
  { collection: 'prescriptions', fields: ['_id'], why: 'opening, signing or replacing one prescription by its id: one indexed lookup per shard' },
  { collection: 'prescriptions', fields: ['updatedAt'], why: 'the mirror pull: once a minute per workstation, only what changed' },
  { collection: 'prescriptions', fields: ['doctorId'], why: "a renamed doctor's copies: once per rename, a page of 500 at a time" },
  { collection: 'patient_feedback', fields: ['$text', '$and'], why: 'the full-text search of feedback: an admin screen' },
  { collection: 'communication_logs', fields: ['$text', '$and'], why: 'the full-text search of messages: an admin screen' },
  { collection: 'communication_logs', fields: ['_id'], why: 'the messages a search found, by id' },
  { collection: 'patient_feedback', fields: ['_id'], why: 'moderating one feedback by its id' },
  { collection: 'patient_feedback', fields: ['moderationStatus'], why: 'the moderation queue: an admin screen' },
  { collection: 'patient_feedback', fields: ['doctorId', 'moderationStatus'], why: "a doctor's reviews span that doctor's patients" },
  {
    collection: 'patient_feedback',
    fields: ['doctorId', 'moderationStatus', ...['overall', 'doctorProfessionalism', 'waitTime', 'facilityCleanlines', 'staffFriendliness'].map((name) => `ratings.${name}`)],
    why: 'the rating summaries (one aggregation per rating): per doctor or for the whole clinic, on the admin and doctor screens',
  },
  { collection: 'communication_logs', fields: ['type', 'deliveryStatus', 'communicationMethod', 'sentAt'], why: 'the communication log search: an admin screen' },
  { collection: 'system_audit_logs', fields: ['*'], why: 'sharded by event, not patient (its unique eventId must lead the shard key); searched by an admin, rarely' },
];

/** Whether a filter on these fields reaches one shard, or is a listed scatter-gather query. */
export function isTargetedOrListed(collection: CollectionName, fields: readonly string[]): boolean {
  if (fields.includes(SHARD_KEY_FIELD[collection])) return true;
  return SCATTER_GATHER_QUERIES.some(
    (query) => query.collection === collection && (query.fields.includes('*') || fields.every((field) => query.fields.includes(field))),
  );
}
