/**
 * The document-store side of feedback, on FerretDB and on a SQLite file: one feedback per
 * appointment (a unique index, whoever races) and rating summaries computed by the store that
 * equal a direct computation over a few hundred feedback documents on a generated clinic's visits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATING_NAMES, type DoctorRatingTotals, type PatientFeedbackInput } from '../../../shared/documents';
import type { DocumentStore } from '../../../electron/main/data/documents/document-store';
import { generateClinic } from '../../../electron/main/data/generator/clinic-generator';
import { SeededRandom } from '../../../electron/main/data/generator/random';
import { type AppFailure } from '../../../shared/ipc/result';
import { DOCUMENT_TARGETS, type OpenedDocumentStore } from '../documents/document-targets';

/**
 * Feedback for the completed visits of a generated clinic (the app's own clinic generator, fixed
 * seed): most visits get one, ratings random, optional ratings often left out, every moderation
 * status. Appointment ids are the generator's (assigned from 1 in insertion order).
 */
function generateFeedback(seed: number): PatientFeedbackInput[] {
  const random = new SeededRandom(seed);
  const documents: PatientFeedbackInput[] = [];
  let appointmentId = 0;
  const batches = generateClinic({ seed, doctors: 8, patients: 150, appointments: 600, today: '2026-12-07', pastDays: 45, futureDays: 5, passwordHash: 'unused' });
  for (const batch of batches) {
    if (batch.table !== 'appointments') continue;
    for (const row of batch.rows) {
      appointmentId++;
      if (row.status !== 'Completed' || !random.chance(0.75)) continue;
      const optional = (name: string) => (random.chance(0.7) ? { [name]: random.int(1, 5) } : {});
      documents.push({
        appointmentId,
        patientId: Number(row.patient_id),
        doctorId: Number(row.doctor_id),
        ratings: {
          overall: random.int(2, 10) / 2,
          ...optional('doctorProfessionalism'),
          ...optional('waitTime'),
          ...optional('facilityCleanlines'),
          ...optional('staffFriendliness'),
        },
        anonymous: random.chance(0.3),
        moderationStatus: random.weighted([
          ['Approved', 6],
          ['Pending', 2],
          ['Rejected', 1],
        ] as const),
      });
    }
  }
  return documents;
}

/** The same summary, by hand in JS. */
function directSummary(documents: readonly PatientFeedbackInput[], status: string): DoctorRatingTotals[] {
  const byDoctor = new Map<number, PatientFeedbackInput[]>();
  for (const document of documents) {
    if (document.moderationStatus !== status) continue;
    byDoctor.set(document.doctorId, [...(byDoctor.get(document.doctorId) ?? []), document]);
  }
  return [...byDoctor.entries()]
    .sort(([a], [b]) => a - b)
    .map(([doctorId, list]) => {
      const ratings = Object.fromEntries(
        RATING_NAMES.map((name) => {
          const values = list.map((d) => (d.ratings as Record<string, number | undefined>)[name]).filter((v): v is number => v !== undefined);
          return [name, { average: values.length ? values.reduce((s, v) => s + v, 0) / values.length : null, count: values.length }];
        }),
      ) as DoctorRatingTotals['ratings'];
      return { doctorId, feedbackCount: list.length, ratings };
    });
}

function expectSameSummaries(actual: DoctorRatingTotals[], expected: DoctorRatingTotals[]): void {
  expect(actual.map((s) => [s.doctorId, s.feedbackCount])).toEqual(expected.map((s) => [s.doctorId, s.feedbackCount]));
  actual.forEach((summary, index) => {
    const wanted = expected[index]!;
    for (const name of RATING_NAMES) {
      expect(summary.ratings[name].count, `doctor ${summary.doctorId} ${name} count`).toBe(wanted.ratings[name].count);
      if (wanted.ratings[name].average === null) expect(summary.ratings[name].average).toBeNull();
      else expect(summary.ratings[name].average, `doctor ${summary.doctorId} ${name} average`).toBeCloseTo(wanted.ratings[name].average!, 9);
    }
  });
}

describe.each(DOCUMENT_TARGETS)('feedback in the document store: $name', (target) => {
  let opened: OpenedDocumentStore;
  let store: DocumentStore;

  beforeAll(async () => {
    opened = await target.open();
    store = opened.store;
  });
  afterAll(async () => opened?.dispose());

  it('keeps one feedback per appointment: of two concurrent inserts exactly one wins', async () => {
    const make = (overall: number): PatientFeedbackInput => ({ appointmentId: 900_077, patientId: 5, doctorId: 900, ratings: { overall } });
    const results = await Promise.allSettled([store.patientFeedback.insert(make(4)), store.patientFeedback.insert(make(2))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused && refused.status === 'rejected' ? (refused.reason as AppFailure).code : null).toBe('DUPLICATE');
    expect(await store.patientFeedback.count({ appointmentId: 900_077 })).toBe(1);
    // a second attempt later is refused the same way
    await expect(store.patientFeedback.insert(make(5))).rejects.toMatchObject({ code: 'DUPLICATE' });
  });

  it('summarizes ratings per doctor in the store, equal to a direct computation over the feedback on a generated clinic', async () => {
    const documents = generateFeedback(20261125);
    expect(documents.length).toBeGreaterThan(250);
    for (const document of documents) await store.patientFeedback.insert(document);
    // (doctor 900 has the feedback of the race above)
    const generatedDoctors = [1, 2, 3, 4, 5, 6, 7, 8];
    for (const status of ['Approved', 'Pending', 'Rejected'] as const) {
      expectSameSummaries(await store.feedbackRatings.summarize({ moderationStatus: status, doctorIds: generatedDoctors }), directSummary(documents, status));
    }
    expectSameSummaries(await store.feedbackRatings.summarize({ moderationStatus: 'Approved' }), directSummary(documents, 'Approved'));
    const some = [2, 5, 99];
    expectSameSummaries(
      await store.feedbackRatings.summarize({ moderationStatus: 'Approved', doctorIds: some }),
      directSummary(documents.filter((d) => some.includes(d.doctorId)), 'Approved'),
    );
    expect(await store.feedbackRatings.summarize({ moderationStatus: 'Approved', doctorIds: [] })).toEqual([]);
  });
});
