import { Schema, type Connection, type Model, type SchemaDefinition } from 'mongoose';
import {
  AUDIT_USER_TYPES,
  COMMUNICATION_METHODS,
  COMMUNICATION_TYPES,
  DELIVERY_STATUSES,
  MODERATION_STATUSES,
  PRESCRIPTION_STATUSES,
  READ_STATUSES,
} from '../../../../../shared/documents';
import type { CollectionName } from '../collections';

/**
 * Mongoose schemas mirroring the seed's four collections. The zod schemas in shared/documents are
 * the first check on every write; these repeat the essentials (required, ranges, enums) so that
 * a write through the models can never store what the seed's shape forbids, whoever calls them.
 */

/** A document as Mongoose hands it back from `.lean()` or `toObject()`. */
export type MongoDocument = Record<string, unknown>;
export type DocumentModel = Model<MongoDocument>;

const wholeNumber = { validator: Number.isInteger, message: '{PATH} must be a whole number' };
const halfStep = { validator: (value: number) => Number.isInteger(value * 2), message: '{PATH} must be in half steps' };

const recordId = (required: boolean) => ({ type: Number, required, min: 1, validate: wholeNumber });
const count = (required: boolean) => ({ type: Number, required, min: 0, validate: wholeNumber });
const stars = { type: Number, min: 1, max: 5, validate: wholeNumber };
const oneOf = (values: readonly string[], required: boolean) => ({ type: String, enum: [...values], required });

/**
 * Shared options. versionKey off: updates are field-level $set, the documents carry no __v in the
 * seed. minimize off: an empty `metadata: {}` is kept, as the SQLite store keeps it.
 */
function documentSchema(definition: SchemaDefinition, timestamps: boolean): Schema<MongoDocument> {
  return new Schema<MongoDocument>(definition, { versionKey: false, minimize: false, strict: true, timestamps });
}

/** Embedded objects: no _id of their own (the seed's have none). */
function embedded(definition: SchemaDefinition): Schema {
  return new Schema(definition, { _id: false, minimize: false, strict: true });
}

const MedicationSchema = embedded({
  name: { type: String, required: true },
  dosage: { type: String, required: true },
  frequency: { type: String, required: true },
  duration: { type: String, required: true },
  instructions: String,
  quantity: count(true),
  refillsAllowed: count(true),
});

const PharmacySchema = embedded({
  name: { type: String, required: true },
  address: String,
  phone: String,
  faxNumber: String,
});

const AllergyAcknowledgementSchema = embedded({
  medication: { type: String, required: true },
  substance: { type: String, required: true },
  acknowledgedAt: { type: Date, required: true },
});

const prescriptionSchema = documentSchema(
  {
    appointmentId: recordId(true),
    patientId: recordId(true),
    doctorId: recordId(true),
    patientName: { type: String, required: true },
    doctorName: { type: String, required: true },
    prescriptionDate: { type: Date, required: true },
    medications: {
      type: [MedicationSchema],
      default: undefined,
      required: true,
      validate: {
        validator: (list: unknown[]) => list.length > 0,
        message: 'A prescription needs at least one medication',
      },
    },
    clinicalNotes: String,
    diagnosis: String,
    followUpRequired: { type: Boolean, required: true },
    followUpDays: { type: Number, min: 1, max: 365, validate: wholeNumber },
    pharmacy: PharmacySchema,
    digitalSignature: String,
    status: oneOf(PRESCRIPTION_STATUSES, true),
    // versioning of signed prescriptions (docs/architecture.md, doctor workstation)
    version: { type: Number, min: 1, validate: wholeNumber },
    previousVersionId: String,
    supersededById: String,
    // display copies of renamed people beside a signed prescription's signed names
    currentPatientName: String,
    currentDoctorName: String,
    // allergy warnings the prescriber signed through
    allergyAcknowledgements: { type: [AllergyAcknowledgementSchema], default: undefined },
  },
  true,
);
prescriptionSchema.index({ patientId: 1 });
prescriptionSchema.index({ doctorId: 1 });
prescriptionSchema.index({ appointmentId: 1 });
prescriptionSchema.index({ prescriptionDate: -1 });
prescriptionSchema.index({ patientId: 1, prescriptionDate: -1 });
// The workstations' mirror reads what changed since its cursor, in (updatedAt, _id) order.
prescriptionSchema.index({ updatedAt: 1, _id: 1 });

const RatingsSchema = embedded({
  overall: { type: Number, required: true, min: 1, max: 5, validate: halfStep },
  doctorProfessionalism: stars,
  waitTime: stars,
  facilityCleanlines: stars, // sic: the seed's spelling
  staffFriendliness: stars,
});

const feedbackSchema = documentSchema(
  {
    appointmentId: recordId(true),
    patientId: recordId(true),
    doctorId: recordId(true),
    ratings: { type: RatingsSchema, required: true },
    textReview: String,
    recommendToFriend: Boolean,
    anonymous: { type: Boolean, required: true },
    feedbackDate: { type: Date, required: true },
    tags: { type: [String], default: undefined },
    improvement_suggestions: { type: [String], default: undefined },
    wouldReturnToDoctor: Boolean,
    verified: { type: Boolean, required: true },
    moderationStatus: oneOf(MODERATION_STATUSES, true),
    moderatedBy: recordId(false),
    moderatedAt: Date,
  },
  false,
);
feedbackSchema.index({ patientId: 1 });
feedbackSchema.index({ doctorId: 1 });
// One feedback per appointment: the store refuses a second one (DUPLICATE), whoever races.
feedbackSchema.index({ appointmentId: 1 }, { unique: true });
feedbackSchema.index({ feedbackDate: -1 });
feedbackSchema.index({ patientId: 1, feedbackDate: -1 });
feedbackSchema.index({ doctorId: 1, feedbackDate: -1 }); // a doctor's reviews, newest first

const ResponseTrackingSchema = embedded({
  confirmationRequested: { type: Boolean, required: true },
  patientConfirmed: Boolean,
  confirmedAt: Date,
});

const communicationSchema = documentSchema(
  {
    type: oneOf(COMMUNICATION_TYPES, true),
    patientId: recordId(true),
    doctorId: recordId(true),
    appointmentId: recordId(false),
    communicationMethod: oneOf(COMMUNICATION_METHODS, true),
    recipientEmail: String,
    recipientPhone: String,
    subject: String,
    content: { type: String, required: true },
    sentAt: Date,
    deliveryStatus: oneOf(DELIVERY_STATUSES, true),
    readStatus: oneOf(READ_STATUSES, false),
    responseTracking: ResponseTrackingSchema,
    metadata: Schema.Types.Mixed, // provider-specific; checked by the zod schema
  },
  false,
);
communicationSchema.index({ patientId: 1 });
communicationSchema.index({ doctorId: 1 });
communicationSchema.index({ appointmentId: 1 });
communicationSchema.index({ sentAt: -1 });
communicationSchema.index({ patientId: 1, sentAt: -1 });

const auditSchema = documentSchema(
  {
    eventId: { type: String, required: true },
    timestamp: { type: Date, required: true },
    userId: recordId(false),
    userType: oneOf(AUDIT_USER_TYPES, true),
    action: { type: String, required: true },
    resourceType: { type: String, required: true },
    patientId: recordId(false),
    resourceId: Schema.Types.Mixed, // a relational id (number) or a document id (hex string)
    workstation: String,
    ipAddress: String,
    userAgent: String,
    sessionId: String,
    details: Schema.Types.Mixed,
    complianceFlags: embedded({
      hipaaCompliant: { type: Boolean, required: true },
      auditRequired: { type: Boolean, required: true },
      sensitiveDataAccessed: { type: Boolean, required: true },
    }),
    geolocation: embedded({ country: String, state: String, city: String }),
  },
  false,
);
// eventId is always set (the zod schema generates one), so a plain unique index works: FerretDB
// 1.24 has no partial indexes and ignores `sparse`, so documents without it could not be exempted.
auditSchema.index({ eventId: 1 }, { unique: true });
auditSchema.index({ timestamp: -1 });
// patientId is optional here, so only the compound index: its prefix serves patientId alone.
auditSchema.index({ patientId: 1, timestamp: -1 });
auditSchema.index({ userId: 1, timestamp: -1 });
auditSchema.index({ resourceType: 1, resourceId: 1, timestamp: -1 });

const SCHEMAS: Record<CollectionName, Schema<MongoDocument>> = {
  prescriptions: prescriptionSchema,
  patient_feedback: feedbackSchema,
  communication_logs: communicationSchema,
  system_audit_logs: auditSchema,
};

export type DocumentModels = Record<CollectionName, DocumentModel>;

/** The four models on one connection, each bound to the seed's collection name. */
export function defineDocumentModels(connection: Connection): DocumentModels {
  const entries = (Object.keys(SCHEMAS) as CollectionName[]).map((name) => {
    const existing = connection.models[name] as DocumentModel | undefined;
    return [name, existing ?? connection.model<MongoDocument>(name, SCHEMAS[name], name)] as const;
  });
  return Object.fromEntries(entries) as DocumentModels;
}
