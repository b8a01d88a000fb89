import { z } from 'zod';
import {
  count,
  flag,
  instant,
  missingOr,
  oneOf,
  recordId,
  text,
  type StoredIdentity,
  type StoredTimestamps,
} from './fields';

/** Collection `prescriptions` of the seed. */

export const PRESCRIPTION_STATUSES = ['Active', 'Completed', 'Cancelled', 'Superseded'] as const;
export type PrescriptionStatus = (typeof PRESCRIPTION_STATUSES)[number];

export const MedicationSchema = z.strictObject({
  name: text('Medication name', 200),
  dosage: text('Dosage', 100),
  frequency: text('Frequency', 200),
  duration: text('Duration', 100),
  instructions: text('Instructions', 1000).optional(),
  quantity: count('Quantity'),
  refillsAllowed: count('Refills allowed').max(12, 'Refills allowed must be at most 12').default(0),
});
export type MedicationInput = z.input<typeof MedicationSchema>;
export type Medication = z.output<typeof MedicationSchema>;

export const PharmacySchema = z.strictObject({
  name: text('Pharmacy name', 200),
  address: text('Pharmacy address', 500).optional(),
  phone: text('Pharmacy phone', 30).optional(),
  faxNumber: text('Pharmacy fax number', 30).optional(),
});
export type Pharmacy = z.output<typeof PharmacySchema>;

/**
 * A warning the prescriber saw and signed through: this medication matches this recorded
 * allergy. Kept on the prescription (and covered by its signature) so the decision stays with it.
 */
export const AllergyAcknowledgementSchema = z.strictObject({
  medication: text('Medication name', 200),
  substance: text('Allergy', 100),
  acknowledgedAt: instant('Acknowledged at'),
});
export type AllergyAcknowledgement = z.output<typeof AllergyAcknowledgementSchema>;

/** What a caller supplies; the store adds `id`, `createdAt` and `updatedAt`. */
export const PrescriptionSchema = z.strictObject({
  appointmentId: recordId('Appointment'),
  patientId: recordId('Patient'),
  doctorId: recordId('Doctor'),
  // Denormalized for display and for the printed prescription, as in the seed.
  patientName: text('Patient name', 200),
  doctorName: text('Doctor name', 200),
  prescriptionDate: instant('Prescription date'),
  medications: z
    .array(MedicationSchema, { error: missingOr('Medications', 'Medications must be a list') })
    .min(1, 'A prescription needs at least one medication')
    .max(50, 'A prescription may list at most 50 medications'),
  clinicalNotes: text('Clinical notes', 10_000).optional(),
  diagnosis: text('Diagnosis', 500).optional(),
  followUpRequired: flag('Follow-up required').default(false),
  followUpDays: count('Follow-up days').min(1, 'Follow-up days must be at least 1').max(365).optional(),
  pharmacy: PharmacySchema.optional(),
  digitalSignature: text('Digital signature', 10_000).optional(),
  status: oneOf('Status', PRESCRIPTION_STATUSES).default('Active'),
  // Added for signed prescriptions (not in the seed): a signed prescription is never edited in
  // place; a change makes version n+1 pointing back at n, and n is marked Superseded with a link
  // forward.
  version: count('Version').min(1, 'Version must be at least 1').optional(),
  previousVersionId: text('Previous version id', 24).optional(),
  supersededById: text('Superseded by id', 24).optional(),
  // Added for renamed people (not in the seed): a signed prescription keeps the names it was signed
  // with in patientName/doctorName (the signature covers them); the names the people have now, when
  // they differ, are kept beside them for display. Unsigned prescriptions carry no such copy: their
  // patientName/doctorName follow the relational rows.
  currentPatientName: text('Current patient name', 200).optional(),
  currentDoctorName: text('Current doctor name', 200).optional(),
  // Added for safe prescribing (not in the seed): the allergy warnings signed through.
  allergyAcknowledgements: z.array(AllergyAcknowledgementSchema).max(2500).optional(),
});
export type PrescriptionInput = z.input<typeof PrescriptionSchema>;
export type PrescriptionFields = z.output<typeof PrescriptionSchema>;
export type Prescription = PrescriptionFields & StoredIdentity & StoredTimestamps;
