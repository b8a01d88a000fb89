import type {
  DoctorRatingTotals,
  ModerationStatus,
  CommunicationLog,
  CommunicationLogInput,
  PatientFeedback,
  PatientFeedbackInput,
  Prescription,
  PrescriptionInput,
  SystemAuditLog,
  SystemAuditLogInput,
} from '../../../../shared/documents';

/**
 * The document store: the seed's four MongoDB collections behind one interface, implemented by
 * MongoDB (networked mode, via Mongoose) and by JSON tables in the local SQLite file (standalone
 * mode). Both validate with the same zod schemas from shared/documents and pass the same tests.
 */

/** Values a filter can compare: the scalar top-level fields of a document. */
export type FilterScalar = string | number | boolean | Date;

/** The top-level fields of T that hold one scalar (not arrays or nested objects). */
export type ScalarField<T> = {
  [K in keyof T]-?: NonNullable<T[K]> extends FilterScalar ? K : never;
}[keyof T] &
  string;

export interface RangeCondition<V> {
  $gt?: V;
  $gte?: V;
  $lt?: V;
  $lte?: V;
}

/**
 * A condition on one field: equality, `$in`, or (numbers and dates only) a range. Deliberately
 * small: every form translates to an indexed lookup in MongoDB and to plain SQL in SQLite.
 */
export type FieldCondition<V> = V | { $in: readonly V[] } | ([V] extends [number | Date] ? RangeCondition<V> : never);

/**
 * A filter over a stored document: all conditions must hold. `patientId` is a filterable field
 * of every collection that has one, so queries can carry it (the seed shards by patientId).
 */
export type DocumentFilter<T> = { [K in ScalarField<T>]?: FieldCondition<NonNullable<T[K]>> };

export type SortDirection = 'asc' | 'desc';

export interface FindOptions<T> {
  /** Applied in key order; ties are broken by id (creation order), so results are stable. */
  sort?: Partial<Record<ScalarField<T>, SortDirection>>;
  /** At least 1 when given. */
  limit?: number;
  skip?: number;
  /**
   * `'replica-ok'`: the read may be a moment old (the mirror pull), so MongoDB may serve it from a
   * secondary (the `staleReadPreference` setting); every other read goes to the primary.
   */
  reads?: 'replica-ok' | 'primary';
}

/**
 * Top-level fields to replace; a field set to `undefined` is removed. The document that results
 * is validated as a whole, so a patch cannot leave it in a state insert would refuse.
 */
export type DocumentPatch<Input> = { [K in keyof Input]?: Input[K] | undefined };

/** Reads and appends; for records that must never change after they are written. */
export interface AppendOnlyDocumentRepository<Input, Stored> {
  /** Validates (VALIDATION naming the field on refusal), stores, returns the stored document. */
  insert(document: Input): Promise<Stored>;
  /** null when no document has this id (including ids of the wrong shape). */
  findById(id: string): Promise<Stored | null>;
  find(filter?: DocumentFilter<Stored>, options?: FindOptions<Stored>): Promise<Stored[]>;
  count(filter?: DocumentFilter<Stored>): Promise<number>;
}

export interface DocumentRepository<Input, Stored> extends AppendOnlyDocumentRepository<Input, Stored> {
  /** Applies the patch and returns the new document; NOT_FOUND when the id is unknown. */
  update(id: string, patch: DocumentPatch<Input>): Promise<Stored>;
  /**
   * Every matching document in the order asked, `batchSize` at a time. MongoDB answers from ONE
   * query (a server cursor), where pages of find() would have the server filter and sort the
   * collection again for each: for copying a whole collection (the mirror's first pull).
   */
  findInBatches(filter: DocumentFilter<Stored> | undefined, options: Omit<FindOptions<Stored>, 'limit' | 'skip'> & { batchSize: number }): AsyncIterable<Stored[]>;
}

/**
 * Per-doctor rating summaries, computed by the store itself (an aggregation pipeline in MongoDB,
 * GROUP BY over json_extract in SQLite) rather than by reading every document into the app.
 */
export interface FeedbackRatingAggregator {
  /** One entry per doctor with matching feedback, by doctorId ascending. */
  summarize(criteria: { moderationStatus: ModerationStatus; doctorIds?: readonly number[] }): Promise<DoctorRatingTotals[]>;
}

/** The collections whose free text can be searched, and the text searched in each. */
export type SearchableCollection = 'prescriptions' | 'patient_feedback' | 'communication_logs';

export interface TextSearchRequest {
  collection: SearchableCollection;
  /** Words as a person types them; every word must occur (as a word start in FTS5 and MongoDB text search). */
  query: string;
  /** Only documents of these patients (a doctor's own patients). */
  patientIds?: readonly number[];
  limit: number;
}

/**
 * Full-text search over the documents' free text: prescriptions (diagnosis, clinical notes,
 * medication names), feedback (review, suggestions), messages (subject, content). How depends on
 * the store: SQLite FTS5, a MongoDB text index, or, on servers without `$text` (FerretDB), every
 * word as a case-insensitive regular expression over the same fields.
 */
export interface DocumentTextSearch {
  readonly method: 'sqlite-fts5' | 'mongodb-text' | 'keyword-regex';
  /** Matching document ids, best first (by relevance where the store ranks, else newest first). */
  search(request: TextSearchRequest): Promise<string[]>;
}

/** Words of a query: letters and digits, at most 8, each at least 2 characters. */
export function searchWords(query: string): string[] {
  return (query.normalize('NFC').match(/[\p{L}\p{N}]{2,}/gu) ?? []).slice(0, 8);
}

export interface DocumentStore {
  readonly kind: 'mongodb' | 'sqlite';
  readonly prescriptions: DocumentRepository<PrescriptionInput, Prescription>;
  readonly patientFeedback: DocumentRepository<PatientFeedbackInput, PatientFeedback>;
  readonly feedbackRatings: FeedbackRatingAggregator;
  readonly textSearch: DocumentTextSearch;
  readonly communicationLogs: DocumentRepository<CommunicationLogInput, CommunicationLog>;
  /** The audit trail is append-only: no update. */
  readonly systemAuditLogs: AppendOnlyDocumentRepository<SystemAuditLogInput, SystemAuditLog>;
  /** Resolves when the store answers; rejects otherwise (for health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
