import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { defineDocumentModels } from '../../../electron/main/data/documents/mongo/mongoose-schemas';
import {
  CommunicationLogSchema,
  PatientFeedbackSchema,
  PrescriptionSchema,
  SystemAuditLogSchema,
} from '../../../shared/documents';
import {
  seedAuditLog,
  seedCommunicationLog,
  seedFeedback,
  seedPrescription,
} from '../../integration/documents/seed-examples';

/**
 * The Mongoose models are the second line behind zod: written to directly (bypassing the zod
 * schemas), they still refuse what the seed's shape forbids. No server needed: validateSync.
 */
const connection = mongoose.createConnection();
const models = defineDocumentModels(connection);
afterAll(() => connection.close());

function invalidPaths(model: (typeof models)[keyof typeof models], document: Record<string, unknown>): string[] {
  const error = new model(document).validateSync();
  return error ? Object.keys(error.errors).sort() : [];
}

const prescription = () => PrescriptionSchema.parse(seedPrescription) as Record<string, unknown>;
const feedback = () => PatientFeedbackSchema.parse(seedFeedback) as Record<string, unknown>;

describe('Mongoose models of the four collections', () => {
  it('accept the seed examples once zod has filled in the defaults', () => {
    expect(invalidPaths(models.prescriptions, prescription())).toEqual([]);
    expect(invalidPaths(models.patient_feedback, feedback())).toEqual([]);
    expect(invalidPaths(models.communication_logs, CommunicationLogSchema.parse(seedCommunicationLog))).toEqual([]);
    expect(invalidPaths(models.system_audit_logs, SystemAuditLogSchema.parse(seedAuditLog))).toEqual([]);
  });

  it('are bound to the seed collection names', () => {
    expect(
      Object.values(models)
        .map((model) => model.collection.collectionName)
        .sort(),
    ).toEqual(['communication_logs', 'patient_feedback', 'prescriptions', 'system_audit_logs']);
  });

  it.each([7, 0, 4.3])('refuse an overall rating of %s', (overall) => {
    const document = feedback();
    expect(invalidPaths(models.patient_feedback, { ...document, ratings: { overall } })).toEqual(['ratings.overall']);
  });

  it('refuse a negative or fractional quantity and an empty medication list', () => {
    const document = prescription();
    const [first] = seedPrescription.medications;
    expect(invalidPaths(models.prescriptions, { ...document, medications: [{ ...first, quantity: -1 }] })).toEqual([
      'medications.0.quantity',
    ]);
    expect(
      invalidPaths(models.prescriptions, { ...document, medications: [{ ...first, refillsAllowed: 1.5 }] }),
    ).toEqual(['medications.0.refillsAllowed']);
    expect(invalidPaths(models.prescriptions, { ...document, medications: [] })).toEqual(['medications']);
  });

  it('refuse a missing reference and a non-positive one', () => {
    const { patientId: _dropped, ...withoutPatient } = prescription();
    expect(invalidPaths(models.prescriptions, withoutPatient)).toEqual(['patientId']);
    expect(invalidPaths(models.patient_feedback, { ...feedback(), doctorId: 0 })).toEqual(['doctorId']);
  });

  it('refuse values outside the enums', () => {
    expect(invalidPaths(models.prescriptions, { ...prescription(), status: 'Expired' })).toEqual(['status']);
    expect(invalidPaths(models.patient_feedback, { ...feedback(), moderationStatus: 'Maybe' })).toEqual([
      'moderationStatus',
    ]);
    expect(
      invalidPaths(models.communication_logs, {
        ...CommunicationLogSchema.parse(seedCommunicationLog),
        communicationMethod: 'fax',
      }),
    ).toEqual(['communicationMethod']);
    expect(
      invalidPaths(models.system_audit_logs, { ...SystemAuditLogSchema.parse(seedAuditLog), userType: 'janitor' }),
    ).toEqual(['userType']);
  });

  it('keep createdAt/updatedAt only where the seed has them', () => {
    expect(models.prescriptions.schema.get('timestamps')).toBeTruthy();
    for (const name of ['patient_feedback', 'communication_logs', 'system_audit_logs'] as const) {
      expect(models[name].schema.get('timestamps')).toBeFalsy();
    }
  });

  it('index patientId with the time field of every patient collection', () => {
    const indexKeys = (name: keyof typeof models) => models[name].schema.indexes().map(([keys]) => keys);
    expect(indexKeys('prescriptions')).toContainEqual({ patientId: 1, prescriptionDate: -1 });
    expect(indexKeys('patient_feedback')).toContainEqual({ patientId: 1, feedbackDate: -1 });
    expect(indexKeys('communication_logs')).toContainEqual({ patientId: 1, sentAt: -1 });
    expect(indexKeys('system_audit_logs')).toContainEqual({ patientId: 1, timestamp: -1 });
  });
});
