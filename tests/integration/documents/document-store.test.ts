import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CommunicationLogSchema,
  PatientFeedbackSchema,
  PrescriptionSchema,
  SystemAuditLogSchema,
  type PrescriptionInput,
} from '../../../shared/documents';
import type { DocumentStore } from '../../../electron/main/data/documents/document-store';
import { DOCUMENT_TARGETS, type OpenedDocumentStore } from './document-targets';
import { seedAuditLog, seedCommunicationLog, seedFeedback, seedPrescription } from './seed-examples';

const HEX_ID = /^[0-9a-f]{24}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Patient ids no other test in the file uses, so each test counts only its own documents. */
let nextPatientId = 10_000 + Math.floor(Math.random() * 1_000) * 100;
const freshPatientId = () => ++nextPatientId;

function prescriptionFor(
  patientId: number,
  prescriptionDate: string,
  overrides: Partial<PrescriptionInput> = {},
): PrescriptionInput {
  return { ...seedPrescription, patientId, prescriptionDate, ...overrides };
}

/** The rejection an AppFailure carries, for toMatchObject. */
const refusal = (code: string, field?: string) =>
  field === undefined
    ? { code }
    : { code, details: { fields: expect.arrayContaining([expect.objectContaining({ field })]) as unknown } };

describe.each(DOCUMENT_TARGETS)('document store on $name', (target) => {
  let opened: OpenedDocumentStore;
  let store: DocumentStore;

  beforeAll(async () => {
    opened = await target.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  describe('the seed examples round-trip', () => {
    it('prescription: dates become Dates, the store adds id and timestamps', async () => {
      const before = await opened.storeNowMs();
      const stored = await store.prescriptions.insert(seedPrescription);
      expect(stored).toEqual({
        ...PrescriptionSchema.parse(seedPrescription),
        id: expect.stringMatching(HEX_ID) as unknown,
        createdAt: expect.any(Date) as unknown,
        updatedAt: expect.any(Date) as unknown,
      });
      expect(stored.prescriptionDate).toEqual(new Date('2024-03-15T10:30:00Z'));
      expect(stored.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(stored.updatedAt).toEqual(stored.createdAt);
      expect(stored.medications.map((m) => [m.name, m.quantity, m.refillsAllowed])).toEqual([
        ['Amoxicillin', 21, 0],
        ['Ibuprofen', 20, 1],
      ]);

      const found = await store.prescriptions.findById(stored.id);
      expect(found).toEqual(stored);
      expect(found?.prescriptionDate).toBeInstanceOf(Date);
      expect(found?.createdAt).toBeInstanceOf(Date);
    });

    it('patient feedback: the seed spellings facilityCleanlines and improvement_suggestions survive', async () => {
      const stored = await store.patientFeedback.insert(seedFeedback);
      expect(stored).toEqual({
        ...PatientFeedbackSchema.parse(seedFeedback),
        id: expect.stringMatching(HEX_ID) as unknown,
      });
      const found = await store.patientFeedback.findById(stored.id);
      expect(found).toEqual(stored);
      expect(found?.ratings).toEqual({
        overall: 4.5,
        doctorProfessionalism: 5,
        waitTime: 4,
        facilityCleanlines: 5,
        staffFriendliness: 4,
      });
      expect(found?.improvement_suggestions).toEqual([
        'Could use more parking spaces',
        'Online check-in would be helpful',
      ]);
      expect(found?.feedbackDate).toEqual(new Date('2024-03-15T14:30:00Z'));
    });

    it('communication log: nested dates come back as Dates too', async () => {
      const stored = await store.communicationLogs.insert(seedCommunicationLog);
      expect(stored).toEqual({
        ...CommunicationLogSchema.parse(seedCommunicationLog),
        id: expect.stringMatching(HEX_ID) as unknown,
      });
      const found = await store.communicationLogs.findById(stored.id);
      expect(found).toEqual(stored);
      expect(found?.sentAt).toEqual(new Date('2024-03-14T18:00:00Z'));
      expect(found?.responseTracking?.confirmedAt).toEqual(new Date('2024-03-14T19:15:00Z'));
      expect(found?.metadata?.campaignId).toBe('appointment_reminders_march_2024');
    });

    it('audit record: the store-side additions (eventId, patientId, workstation) come along', async () => {
      const stored = await store.systemAuditLogs.insert(seedAuditLog);
      expect(stored).toEqual({
        ...SystemAuditLogSchema.parse(seedAuditLog),
        eventId: expect.stringMatching(UUID) as unknown, // generated when the caller gives none
        id: expect.stringMatching(HEX_ID) as unknown,
      });
      const found = await store.systemAuditLogs.findById(stored.id);
      expect(found).toEqual(stored);
      expect(found?.timestamp).toEqual(new Date('2024-03-15T10:25:30Z'));
      expect(found?.details?.recordsAccessed).toEqual(['medical_history', 'prescriptions', 'appointments']);

      const eventId = crypto.randomUUID();
      const withAdditions = await store.systemAuditLogs.insert({
        ...seedAuditLog,
        eventId,
        patientId: 45,
        workstation: 'FRONT-DESK-2',
        details: { ...seedAuditLog.details, outcome: 'allowed', nested: { list: [1, 'two', null, true] } },
      });
      await expect(store.systemAuditLogs.findById(withAdditions.id)).resolves.toEqual(withAdditions);
      expect(withAdditions).toMatchObject({ eventId, patientId: 45, workstation: 'FRONT-DESK-2' });
      expect(withAdditions.details?.nested).toEqual({ list: [1, 'two', null, true] });
    });

    it('refuses a second audit record with the same eventId as DUPLICATE', async () => {
      const eventId = crypto.randomUUID();
      await store.systemAuditLogs.insert({ ...seedAuditLog, eventId });
      await expect(
        store.systemAuditLogs.insert({ ...seedAuditLog, eventId, action: 'other_action' }),
      ).rejects.toMatchObject(refusal('DUPLICATE', 'eventId'));
      expect(await store.systemAuditLogs.count({ eventId })).toBe(1);
      const [kept] = await store.systemAuditLogs.find({ eventId });
      expect(kept?.action).toBe('view_patient_record');
    });

    it('gives every document its own id, and unknown or malformed ids find nothing', async () => {
      const first = await store.prescriptions.insert(seedPrescription);
      const second = await store.prescriptions.insert(seedPrescription);
      expect(first.id).not.toBe(second.id);
      await expect(store.prescriptions.findById('ffffffffffffffffffffffff')).resolves.toBeNull();
      await expect(store.prescriptions.findById('not-an-id')).resolves.toBeNull();
      // An id of another collection names nothing here.
      await expect(store.patientFeedback.findById(first.id)).resolves.toBeNull();
    });
  });

  describe('find and count', () => {
    const patientId = freshPatientId();
    const otherPatientId = freshPatientId();
    const dates = [
      '2024-01-10T09:00:00Z',
      '2024-03-05T09:00:00Z',
      '2024-02-20T09:00:00Z',
      '2024-04-01T09:00:00Z',
      '2024-02-01T09:00:00Z',
    ];

    beforeAll(async () => {
      for (const [i, date] of dates.entries()) {
        await store.prescriptions.insert(
          prescriptionFor(patientId, date, {
            status: i % 2 === 0 ? 'Active' : 'Completed',
            diagnosis: i === 3 ? 'Migraine' : 'Acute pharyngitis',
            followUpRequired: i === 1,
            doctorId: 20 + (i % 2),
          }),
        );
      }
      await store.prescriptions.insert(prescriptionFor(otherPatientId, '2024-03-01T09:00:00Z'));
      await store.prescriptions.insert(prescriptionFor(otherPatientId, '2024-05-01T09:00:00Z'));
    });

    it("finds a patient's prescriptions newest first, with limit and skip", async () => {
      const newest = await store.prescriptions.find({ patientId }, { sort: { prescriptionDate: 'desc' }, limit: 3 });
      expect(newest.map((p) => p.prescriptionDate.toISOString())).toEqual([
        '2024-04-01T09:00:00.000Z',
        '2024-03-05T09:00:00.000Z',
        '2024-02-20T09:00:00.000Z',
      ]);
      expect(newest.every((p) => p.patientId === patientId)).toBe(true);

      const rest = await store.prescriptions.find({ patientId }, { sort: { prescriptionDate: 'desc' }, skip: 3 });
      expect(rest.map((p) => p.prescriptionDate.toISOString())).toEqual([
        '2024-02-01T09:00:00.000Z',
        '2024-01-10T09:00:00.000Z',
      ]);

      const oldest = await store.prescriptions.find({ patientId }, { sort: { prescriptionDate: 'asc' }, limit: 1 });
      expect(oldest.map((p) => p.prescriptionDate.toISOString())).toEqual(['2024-01-10T09:00:00.000Z']);

      expect(await store.prescriptions.count({ patientId })).toBe(5);
      expect(await store.prescriptions.count({ patientId: otherPatientId })).toBe(2);
    });

    it('sorts by several keys, ties in creation order', async () => {
      const byStatus = await store.prescriptions.find(
        { patientId },
        { sort: { status: 'asc', prescriptionDate: 'asc' } },
      );
      expect(byStatus.map((p) => `${p.status} ${p.prescriptionDate.toISOString().slice(0, 10)}`)).toEqual([
        'Active 2024-01-10',
        'Active 2024-02-01',
        'Active 2024-02-20',
        'Completed 2024-03-05',
        'Completed 2024-04-01',
      ]);
      const unsorted = await store.prescriptions.find({ patientId });
      expect(unsorted.map((p) => p.prescriptionDate.toISOString().slice(0, 10))).toEqual(
        dates.map((d) => d.slice(0, 10)),
      );
    });

    it('filters with $in and date ranges', async () => {
      const range = await store.prescriptions.find(
        {
          patientId,
          prescriptionDate: { $gte: new Date('2024-02-01T09:00:00Z'), $lt: new Date('2024-03-05T09:00:00Z') },
        },
        { sort: { prescriptionDate: 'asc' } },
      );
      expect(range.map((p) => p.prescriptionDate.toISOString().slice(0, 10))).toEqual(['2024-02-01', '2024-02-20']);

      expect(await store.prescriptions.count({ patientId: { $in: [patientId, otherPatientId] } })).toBe(7);
      expect(await store.prescriptions.count({ patientId, status: { $in: ['Completed', 'Cancelled'] } })).toBe(2);
      expect(await store.prescriptions.count({ patientId, doctorId: { $gt: 20 } })).toBe(2);
      expect(await store.prescriptions.count({ patientId, doctorId: { $lte: 20 } })).toBe(3);
      expect(await store.prescriptions.count({ patientId: { $in: [] } })).toBe(0);
    });

    it('filters on fields without a column of their own (strings, booleans)', async () => {
      const migraine = await store.prescriptions.find({ patientId, diagnosis: 'Migraine' });
      expect(migraine.map((p) => p.prescriptionDate.toISOString().slice(0, 10))).toEqual(['2024-04-01']);
      expect(await store.prescriptions.count({ patientId, followUpRequired: true })).toBe(1);
      expect(await store.prescriptions.count({ patientId, followUpRequired: false })).toBe(4);
    });

    it('filters by id', async () => {
      const [first, second] = await store.prescriptions.find({ patientId }, { limit: 2 });
      expect(first && second).toBeTruthy();
      const byIds = await store.prescriptions.find({ id: { $in: [first!.id, second!.id, 'not-an-id'] } });
      expect(byIds.map((p) => p.id).sort()).toEqual([first!.id, second!.id].sort());
      expect(await store.prescriptions.count({ id: second!.id })).toBe(1);
    });

    it('refuses unknown fields, operators and paging values', async () => {
      const untyped = store.prescriptions as unknown as {
        find(filter: unknown, options?: unknown): Promise<unknown>;
        count(filter: unknown): Promise<number>;
      };
      await expect(untyped.find({ patientName_typo: 'x' })).rejects.toMatchObject(
        refusal('VALIDATION', 'filter.patientName_typo'),
      );
      await expect(untyped.count({ patientId: { $where: 'sleep(1000)' } })).rejects.toMatchObject(
        refusal('VALIDATION', 'filter.patientId'),
      );
      await expect(untyped.find({ 'ratings.overall': 5 })).rejects.toMatchObject(refusal('VALIDATION'));
      await expect(untyped.find({ patientId }, { sort: { "body'); DROP TABLE x; --": 'asc' } })).rejects.toMatchObject(
        refusal('VALIDATION'),
      );
      await expect(untyped.find({ patientId }, { limit: 0 })).rejects.toMatchObject(refusal('VALIDATION', 'limit'));
      await expect(untyped.find({ patientId }, { skip: -1 })).rejects.toMatchObject(refusal('VALIDATION', 'skip'));
    });
  });

  describe('update', () => {
    it('replaces the patched fields, keeps the rest, moves updatedAt', async () => {
      const patientId = freshPatientId();
      const created = await store.prescriptions.insert(prescriptionFor(patientId, '2024-06-01T08:00:00Z'));
      await new Promise((done) => setTimeout(done, 15));

      const updated = await store.prescriptions.update(created.id, {
        status: 'Completed',
        diagnosis: undefined,
        followUpDays: 14,
      });
      expect(updated).toMatchObject({ id: created.id, status: 'Completed', followUpDays: 14, patientId });
      expect(updated).not.toHaveProperty('diagnosis');
      expect(updated.medications).toEqual(created.medications);
      expect(updated.createdAt).toEqual(created.createdAt);
      expect(updated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());

      const found = await store.prescriptions.findById(created.id);
      expect(found).toEqual(updated);
      expect(await store.prescriptions.count({ patientId, status: 'Completed' })).toBe(1);
    });

    it('updates an indexed field so that filters see the new value', async () => {
      const patientId = freshPatientId();
      const movedTo = freshPatientId();
      const created = await store.communicationLogs.insert({ ...seedCommunicationLog, patientId });
      await store.communicationLogs.update(created.id, {
        patientId: movedTo,
        sentAt: '2025-01-02T03:04:05Z',
        deliveryStatus: 'bounced',
      });
      expect(await store.communicationLogs.count({ patientId })).toBe(0);
      const [moved] = await store.communicationLogs.find({
        patientId: movedTo,
        sentAt: { $gte: new Date('2025-01-01T00:00:00Z') },
      });
      expect(moved).toMatchObject({
        id: created.id,
        deliveryStatus: 'bounced',
        sentAt: new Date('2025-01-02T03:04:05Z'),
      });
    });

    it('refuses a patch that makes the document invalid, and changes nothing', async () => {
      // a visit of its own: one feedback per appointment
      const created = await store.patientFeedback.insert({ ...seedFeedback, appointmentId: 125_000 + freshPatientId(), patientId: freshPatientId() });
      await expect(
        store.patientFeedback.update(created.id, { ratings: { overall: 7 }, moderationStatus: 'Rejected' }),
      ).rejects.toMatchObject(refusal('VALIDATION', 'ratings.overall'));
      await expect(store.patientFeedback.update(created.id, { patientId: undefined })).rejects.toMatchObject(
        refusal('VALIDATION', 'patientId'),
      );
      await expect(store.patientFeedback.findById(created.id)).resolves.toEqual(created);
    });

    it('answers NOT_FOUND for an unknown id', async () => {
      await expect(
        store.prescriptions.update('ffffffffffffffffffffffff', { status: 'Cancelled' }),
      ).rejects.toMatchObject(refusal('NOT_FOUND'));
      await expect(store.prescriptions.update('nope', { status: 'Cancelled' })).rejects.toMatchObject(
        refusal('NOT_FOUND'),
      );
    });

    it('keeps the audit trail append-only', () => {
      expect('update' in store.systemAuditLogs).toBe(false);
    });
  });

  describe('invalid documents are refused with VALIDATION and nothing is stored', () => {
    const cases: {
      name: string;
      field: string;
      attempt: (s: DocumentStore) => Promise<unknown>;
      count: (s: DocumentStore) => Promise<number>;
    }[] = [
      {
        name: 'a rating of 7',
        field: 'ratings.overall',
        attempt: (s) => s.patientFeedback.insert({ ...seedFeedback, ratings: { ...seedFeedback.ratings, overall: 7 } }),
        count: (s) => s.patientFeedback.count(),
      },
      {
        name: 'a sub-rating of 0',
        field: 'ratings.facilityCleanlines',
        attempt: (s) =>
          s.patientFeedback.insert({ ...seedFeedback, ratings: { ...seedFeedback.ratings, facilityCleanlines: 0 } }),
        count: (s) => s.patientFeedback.count(),
      },
      {
        name: 'a negative quantity',
        field: 'medications.1.quantity',
        attempt: (s) =>
          s.prescriptions.insert({
            ...seedPrescription,
            medications: seedPrescription.medications.map((medication, i) =>
              i === 1 ? { ...medication, quantity: -20 } : medication,
            ),
          }),
        count: (s) => s.prescriptions.count(),
      },
      {
        name: 'a missing patientId',
        field: 'patientId',
        attempt: (s) => {
          const { patientId: _dropped, ...withoutPatient } = seedCommunicationLog;
          return s.communicationLogs.insert(withoutPatient as typeof seedCommunicationLog);
        },
        count: (s) => s.communicationLogs.count(),
      },
      {
        name: 'an unknown prescription status',
        field: 'status',
        attempt: (s) => s.prescriptions.insert({ ...seedPrescription, status: 'Expired' as 'Active' }),
        count: (s) => s.prescriptions.count(),
      },
      {
        name: 'an unknown user type',
        field: 'userType',
        attempt: (s) => s.systemAuditLogs.insert({ ...seedAuditLog, userType: 'janitor' as 'doctor' }),
        count: (s) => s.systemAuditLogs.count(),
      },
      {
        name: 'an unknown delivery status',
        field: 'deliveryStatus',
        attempt: (s) => s.communicationLogs.insert({ ...seedCommunicationLog, deliveryStatus: 'lost' as 'sent' }),
        count: (s) => s.communicationLogs.count(),
      },
      {
        name: 'no medications',
        field: 'medications',
        attempt: (s) => s.prescriptions.insert({ ...seedPrescription, medications: [] }),
        count: (s) => s.prescriptions.count(),
      },
      {
        name: 'a date without a time zone',
        field: 'prescriptionDate',
        attempt: (s) => s.prescriptions.insert({ ...seedPrescription, prescriptionDate: '2024-03-15 10:30' }),
        count: (s) => s.prescriptions.count(),
      },
      {
        name: 'a field the seed does not have (a corrected spelling)',
        field: 'ratings.facilityCleanliness',
        attempt: (s) =>
          s.patientFeedback.insert({
            ...seedFeedback,
            ratings: { ...seedFeedback.ratings, facilityCleanliness: 5 } as typeof seedFeedback.ratings,
          }),
        count: (s) => s.patientFeedback.count(),
      },
    ];

    it.each(cases)('$name', async ({ field, attempt, count }) => {
      const before = await count(store);
      const failure: unknown = await attempt(store).then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject(refusal('VALIDATION', field));
      expect((failure as Error).message).toContain(field);
      expect(await count(store)).toBe(before);
    });
  });

  it('opens again over existing data without losing or duplicating anything', async () => {
    const patientId = freshPatientId();
    const stored = await store.prescriptions.insert(prescriptionFor(patientId, '2024-07-01T08:00:00Z'));
    const again = await opened.openAgain();
    try {
      await expect(again.prescriptions.findById(stored.id)).resolves.toEqual(stored);
      expect(await again.prescriptions.count({ patientId })).toBe(1);
    } finally {
      await again.close();
    }
    await expect(store.ping()).resolves.toBeUndefined();
  });
});
