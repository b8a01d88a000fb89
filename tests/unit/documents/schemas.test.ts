import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
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

/** The paths of the problems a schema reports for a candidate; [] when it is accepted. */
function problems(schema: z.ZodType, candidate: unknown): string[] {
  const result = schema.safeParse(candidate);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

function messageAt(schema: z.ZodType, candidate: unknown, path: string): string | undefined {
  const result = schema.safeParse(candidate);
  return result.success ? undefined : result.error.issues.find((issue) => issue.path.join('.') === path)?.message;
}

describe('the seed examples', () => {
  it.each([
    ['prescriptions', PrescriptionSchema, seedPrescription],
    ['patient_feedback', PatientFeedbackSchema, seedFeedback],
    ['communication_logs', CommunicationLogSchema, seedCommunicationLog],
    ['system_audit_logs', SystemAuditLogSchema, seedAuditLog],
  ] as const)('%s is valid as the seed wrote it', (_name, schema, example) => {
    expect(problems(schema, example)).toEqual([]);
  });

  it('turns the ISO strings into Dates, nested ones included', () => {
    const prescription = PrescriptionSchema.parse(seedPrescription);
    expect(prescription.prescriptionDate).toEqual(new Date(Date.UTC(2024, 2, 15, 10, 30)));
    const log = CommunicationLogSchema.parse(seedCommunicationLog);
    expect(log.sentAt).toEqual(new Date(Date.UTC(2024, 2, 14, 18, 0)));
    expect(log.responseTracking?.confirmedAt).toEqual(new Date(Date.UTC(2024, 2, 14, 19, 15)));
  });

  it('keeps the seed spellings and refuses the "corrected" ones', () => {
    const feedback = PatientFeedbackSchema.parse(seedFeedback);
    expect(feedback.ratings.facilityCleanlines).toBe(5);
    expect(feedback.improvement_suggestions).toHaveLength(2);
    expect(
      problems(PatientFeedbackSchema, { ...seedFeedback, ratings: { overall: 4, facilityCleanliness: 5 } }),
    ).toEqual(['ratings']);
    expect(problems(PatientFeedbackSchema, { ...seedFeedback, improvementSuggestions: [] })).toEqual(['']);
  });
});

describe('defaults', () => {
  const minimalPrescription = {
    appointmentId: 1,
    patientId: 2,
    doctorId: 3,
    patientName: 'Ada Example',
    doctorName: 'Dr. Bo Example',
    prescriptionDate: new Date('2024-05-01T08:00:00Z'),
    medications: [{ name: 'Paracetamol', dosage: '500mg', frequency: 'twice daily', duration: '3 days', quantity: 6 }],
  };

  it('a new prescription is Active, needs no follow-up, allows no refills', () => {
    const parsed = PrescriptionSchema.parse(minimalPrescription);
    expect(parsed).toMatchObject({ status: 'Active', followUpRequired: false });
    expect(parsed.medications[0]?.refillsAllowed).toBe(0);
  });

  it('new feedback waits for moderation, unverified, dated now', () => {
    const before = Date.now();
    const parsed = PatientFeedbackSchema.parse({
      appointmentId: 1,
      patientId: 2,
      doctorId: 3,
      ratings: { overall: 3 },
    });
    expect(parsed).toMatchObject({
      moderationStatus: 'Pending',
      verified: false,
      anonymous: false,
      tags: [],
      improvement_suggestions: [],
    });
    expect(parsed.feedbackDate.getTime()).toBeGreaterThanOrEqual(before);
    expect(parsed.feedbackDate.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('a message is queued until it is sent', () => {
    const parsed = CommunicationLogSchema.parse({
      type: 'appointment_reminder',
      patientId: 2,
      doctorId: 3,
      communicationMethod: 'sms',
      recipientPhone: '+1 555 0100',
      content: 'See you tomorrow at 10:30',
    });
    expect(parsed.deliveryStatus).toBe('queued');
    expect(parsed.sentAt).toBeUndefined();
  });

  it('an audit record gets its own eventId and the current time', () => {
    const first = SystemAuditLogSchema.parse({
      userType: 'system',
      action: 'nightly_backup',
      resourceType: 'database',
    });
    const second = SystemAuditLogSchema.parse({
      userType: 'system',
      action: 'nightly_backup',
      resourceType: 'database',
    });
    expect(first.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.eventId).not.toBe(second.eventId);
    expect(Date.now() - first.timestamp.getTime()).toBeLessThan(5_000);
  });
});

describe('ratings', () => {
  const withOverall = (overall: unknown) => ({ ...seedFeedback, ratings: { ...seedFeedback.ratings, overall } });
  const withCleanliness = (value: unknown) => ({
    ...seedFeedback,
    ratings: { ...seedFeedback.ratings, facilityCleanlines: value },
  });

  it.each([1, 1.5, 3, 4.5, 5])('overall %s is accepted', (overall) => {
    expect(problems(PatientFeedbackSchema, withOverall(overall))).toEqual([]);
  });

  it.each([0, 0.5, 4.3, 5.5, 7, -1, '4', null])('overall %s is refused', (overall) => {
    expect(problems(PatientFeedbackSchema, withOverall(overall))).toEqual(['ratings.overall']);
  });

  it('the overall rating is required, the others are not', () => {
    expect(problems(PatientFeedbackSchema, { ...seedFeedback, ratings: { waitTime: 3 } })).toEqual(['ratings.overall']);
    expect(messageAt(PatientFeedbackSchema, { ...seedFeedback, ratings: {} }, 'ratings.overall')).toBe(
      'Overall rating is required',
    );
    expect(problems(PatientFeedbackSchema, { ...seedFeedback, ratings: { overall: 2 } })).toEqual([]);
  });

  it.each([0, 6, 4.5, 7])('a sub-rating of %s is refused (whole stars 1..5)', (value) => {
    expect(problems(PatientFeedbackSchema, withCleanliness(value))).toEqual(['ratings.facilityCleanlines']);
  });
});

describe('prescriptions', () => {
  const withMedication = (change: Record<string, unknown>) => ({
    ...seedPrescription,
    medications: [{ ...seedPrescription.medications[0], ...change }],
  });

  it.each([
    [{ quantity: -1 }, 'medications.0.quantity'],
    [{ quantity: 2.5 }, 'medications.0.quantity'],
    [{ quantity: undefined }, 'medications.0.quantity'],
    [{ refillsAllowed: -1 }, 'medications.0.refillsAllowed'],
    [{ refillsAllowed: 0.5 }, 'medications.0.refillsAllowed'],
    [{ name: '   ' }, 'medications.0.name'],
    [{ dosage: undefined }, 'medications.0.dosage'],
  ])('refuses medication %o', (change, path) => {
    expect(problems(PrescriptionSchema, withMedication(change))).toEqual([path]);
  });

  it('accepts a quantity of 0 and whole refills', () => {
    expect(problems(PrescriptionSchema, withMedication({ quantity: 0, refillsAllowed: 3 }))).toEqual([]);
  });

  it('needs at least one medication', () => {
    expect(problems(PrescriptionSchema, { ...seedPrescription, medications: [] })).toEqual(['medications']);
    expect(messageAt(PrescriptionSchema, { ...seedPrescription, medications: [] }, 'medications')).toMatch(
      /at least one medication/,
    );
    const { medications: _none, ...without } = seedPrescription;
    expect(messageAt(PrescriptionSchema, without, 'medications')).toBe('Medications is required');
  });

  it.each(['Active', 'Completed', 'Cancelled', 'Superseded'])('status %s is accepted', (status) => {
    expect(problems(PrescriptionSchema, { ...seedPrescription, status })).toEqual([]);
  });

  it.each(['active', 'Expired', ''])('status %j is refused', (status) => {
    expect(problems(PrescriptionSchema, { ...seedPrescription, status })).toEqual(['status']);
  });
});

describe('references', () => {
  it.each(['patientId', 'doctorId', 'appointmentId'])('%s is required on prescriptions and feedback', (field) => {
    for (const [schema, example] of [
      [PrescriptionSchema, seedPrescription],
      [PatientFeedbackSchema, seedFeedback],
    ] as const) {
      const { [field as keyof typeof example]: _dropped, ...without } = example;
      expect(problems(schema, without)).toEqual([field]);
    }
  });

  it.each([0, -3, 1.5, '45', null])('an id of %j is refused', (id) => {
    expect(problems(PrescriptionSchema, { ...seedPrescription, patientId: id })).toEqual(['patientId']);
  });

  it('names the missing reference in words', () => {
    const { patientId: _dropped, ...without } = seedCommunicationLog;
    expect(messageAt(CommunicationLogSchema, without, 'patientId')).toBe('Patient is required');
  });

  it('a message need not be about one appointment', () => {
    const { appointmentId: _dropped, ...without } = seedCommunicationLog;
    expect(problems(CommunicationLogSchema, without)).toEqual([]);
  });
});

describe('dates', () => {
  const at = (prescriptionDate: unknown) => PrescriptionSchema.safeParse({ ...seedPrescription, prescriptionDate });

  it('accepts Dates and ISO date-times with a zone, as the same instant', () => {
    expect(at(new Date('2024-03-15T10:30:00Z')).data?.prescriptionDate).toEqual(new Date('2024-03-15T10:30:00Z'));
    expect(at('2024-03-15T12:30:00+02:00').data?.prescriptionDate).toEqual(new Date('2024-03-15T10:30:00Z'));
    expect(at('2024-03-15T10:30:00.123Z').data?.prescriptionDate.getUTCMilliseconds()).toBe(123);
  });

  it.each([
    '2024-03-15 10:30',
    '2024-03-15T10:30:00',
    '2024-03-15',
    'yesterday',
    1710498600000,
    new Date('nope'),
    null,
  ])('refuses %j', (value) => {
    expect(at(value).success).toBe(false);
  });
});

describe('communication logs', () => {
  it.each(['email', 'sms', 'phone'])('method %s is known', (communicationMethod) => {
    const candidate = { ...seedCommunicationLog, communicationMethod, recipientPhone: '+1-555-0100' };
    expect(problems(CommunicationLogSchema, candidate)).toEqual([]);
  });

  it.each([
    ['communicationMethod', 'fax'],
    ['deliveryStatus', 'lost'],
    ['readStatus', 'skimmed'],
    ['type', 'spam'],
  ])('%s %j is refused', (field, value) => {
    expect(problems(CommunicationLogSchema, { ...seedCommunicationLog, [field]: value })).toEqual([field]);
  });

  it.each(['queued', 'sent', 'delivered', 'failed', 'bounced', 'not_sent'])(
    'delivery status %s is known',
    (deliveryStatus) => {
      expect(problems(CommunicationLogSchema, { ...seedCommunicationLog, deliveryStatus })).toEqual([]);
    },
  );

  it('an email needs an address, an SMS or a call a phone number', () => {
    const { recipientEmail: _dropped, ...withoutEmail } = seedCommunicationLog;
    expect(problems(CommunicationLogSchema, withoutEmail)).toEqual(['recipientEmail']);
    expect(problems(CommunicationLogSchema, { ...seedCommunicationLog, communicationMethod: 'sms' })).toEqual([
      'recipientPhone',
    ]);
    expect(problems(CommunicationLogSchema, { ...seedCommunicationLog, recipientEmail: 'not-an-address' })).toEqual([
      'recipientEmail',
    ]);
  });

  it('a message that went out has a sentAt; a queued one need not', () => {
    const { sentAt: _dropped, ...unsent } = seedCommunicationLog;
    expect(problems(CommunicationLogSchema, unsent)).toEqual(['sentAt']);
    expect(problems(CommunicationLogSchema, { ...unsent, deliveryStatus: 'queued', readStatus: undefined })).toEqual(
      [],
    );
  });

  it('keeps provider metadata it does not know, as plain JSON only', () => {
    const extra = {
      ...seedCommunicationLog,
      metadata: { ...seedCommunicationLog.metadata, smsSegments: 2, provider: { region: 'eu' } },
    };
    expect(CommunicationLogSchema.parse(extra).metadata).toMatchObject({ smsSegments: 2, provider: { region: 'eu' } });
    const withDate = { ...seedCommunicationLog, metadata: { queuedAt: new Date() } };
    expect(problems(CommunicationLogSchema, withDate)).toEqual(['metadata.queuedAt']);
  });
});

describe('audit records', () => {
  it.each(['patient', 'doctor', 'front_desk', 'admin', 'super_admin', 'system'])(
    'user type %s is known',
    (userType) => {
      expect(problems(SystemAuditLogSchema, { ...seedAuditLog, userType })).toEqual([]);
    },
  );

  it('refuses an unknown user type', () => {
    expect(problems(SystemAuditLogSchema, { ...seedAuditLog, userType: 'janitor' })).toEqual(['userType']);
  });

  it('a person acting needs a user id; the system does not', () => {
    const { userId: _dropped, ...anonymous } = seedAuditLog;
    expect(problems(SystemAuditLogSchema, anonymous)).toEqual(['userId']);
    expect(problems(SystemAuditLogSchema, { ...anonymous, userType: 'system' })).toEqual([]);
  });

  it('names a relational row by number and a document by its id', () => {
    expect(problems(SystemAuditLogSchema, { ...seedAuditLog, resourceId: 45 })).toEqual([]);
    expect(
      problems(SystemAuditLogSchema, {
        ...seedAuditLog,
        resourceType: 'prescription',
        resourceId: '650abc123456789012345678',
      }),
    ).toEqual([]);
    expect(problems(SystemAuditLogSchema, { ...seedAuditLog, resourceId: 0 })).toEqual(['resourceId']);
  });

  it('actions are snake_case names', () => {
    expect(problems(SystemAuditLogSchema, { ...seedAuditLog, action: 'View patient record' })).toEqual(['action']);
  });

  it('an eventId must be a UUID', () => {
    expect(problems(SystemAuditLogSchema, { ...seedAuditLog, eventId: 'event-1' })).toEqual(['eventId']);
    expect(
      problems(SystemAuditLogSchema, { ...seedAuditLog, eventId: '3b241101-e2bb-4255-8caf-4136c566a962' }),
    ).toEqual([]);
  });
});
