import { describe, expect, it } from 'vitest';
import { normalizeFilter, normalizePaging, normalizeSort } from '../../../electron/main/data/documents/query';
import { applyPatch, validateDocument } from '../../../electron/main/data/documents/validation';
import { newObjectIdHex } from '../../../electron/main/data/documents/sqlite/object-id';
import { PatientFeedbackSchema } from '../../../shared/documents';
import { seedFeedback } from '../../integration/documents/seed-examples';

const FIELDS = new Set(['id', 'patientId', 'status', 'prescriptionDate', 'followUpRequired']);

/** The AppFailure a call throws, as plain data. */
function failureOf(run: () => unknown): { code: string; message: string; details: unknown } | null {
  try {
    run();
    return null;
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details: unknown };
    return { code, message, details };
  }
}

describe('filters', () => {
  it('turn into one comparison per condition', () => {
    const from = new Date('2024-01-01T00:00:00Z');
    const to = new Date('2024-02-01T00:00:00Z');
    expect(
      normalizeFilter(
        {
          patientId: 45,
          status: { $in: ['Active', 'Completed'] },
          prescriptionDate: { $gte: from, $lt: to },
          followUpRequired: false,
        },
        FIELDS,
      ),
    ).toEqual([
      { field: 'patientId', operator: 'eq', value: 45 },
      { field: 'status', operator: 'in', values: ['Active', 'Completed'] },
      { field: 'prescriptionDate', operator: 'gte', value: from },
      { field: 'prescriptionDate', operator: 'lt', value: to },
      { field: 'followUpRequired', operator: 'eq', value: false },
    ]);
  });

  it('skip criteria left undefined, so callers can spread optional ones', () => {
    expect(
      normalizeFilter({ patientId: undefined, status: 'Active', prescriptionDate: { $gte: undefined } }, FIELDS),
    ).toEqual([{ field: 'status', operator: 'eq', value: 'Active' }]);
    expect(normalizeFilter(undefined, FIELDS)).toEqual([]);
  });

  it.each([
    [{ patientName: 'x' }, 'filter.patientName'],
    [{ 'ratings.overall': 5 }, 'filter.ratings.overall'],
    [{ patientId: { $ne: 4 } }, 'filter.patientId'],
    [{ patientId: { $where: 'true' } }, 'filter.patientId'],
    [{ patientId: { $in: 'x' } }, 'filter.patientId'],
    [{ patientId: { $in: [{ $gt: 1 }] } }, 'filter.patientId'],
    [{ status: { $gt: 'A' } }, 'filter.status'],
    [{ patientId: Number.NaN }, 'filter.patientId'],
    [{ prescriptionDate: new Date('nope') }, 'filter.prescriptionDate'],
    [{ patientId: null }, 'filter.patientId'],
  ])('refuse %o', (filter, field) => {
    expect(failureOf(() => normalizeFilter(filter, FIELDS))).toMatchObject({ code: 'VALIDATION', details: { field } });
  });
});

describe('sort and paging', () => {
  it('keep the sort keys in order', () => {
    expect(normalizeSort({ status: 'asc', prescriptionDate: 'desc' }, FIELDS)).toEqual([
      { field: 'status', direction: 'asc' },
      { field: 'prescriptionDate', direction: 'desc' },
    ]);
  });

  it('refuse unknown fields and directions', () => {
    expect(failureOf(() => normalizeSort({ 'body; DROP TABLE x': 'asc' }, FIELDS))).toMatchObject({
      code: 'VALIDATION',
    });
    expect(failureOf(() => normalizeSort({ status: 1 }, FIELDS))).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'sort.status' },
    });
  });

  it('accept limits from 1 and skips from 0', () => {
    expect(normalizePaging({ limit: 1, skip: 0 })).toEqual({ limit: 1, skip: 0 });
    expect(normalizePaging(undefined)).toEqual({ limit: undefined, skip: 0 });
    for (const options of [{ limit: 0 }, { limit: 2.5 }, { skip: -1 }, { skip: 0.5 }]) {
      expect(failureOf(() => normalizePaging(options))).toMatchObject({ code: 'VALIDATION' });
    }
  });
});

describe('document validation', () => {
  it('names the field in the message and lists every problem', () => {
    const failure = failureOf(() =>
      validateDocument(
        PatientFeedbackSchema,
        { ...seedFeedback, patientId: -1, ratings: { overall: 9 } },
        'feedback entry',
      ),
    );
    expect(failure?.code).toBe('VALIDATION');
    expect(failure?.message).toBe('patientId: Patient must be a positive id');
    expect(failure?.details).toEqual({
      field: 'patientId',
      fields: [
        { field: 'patientId', message: 'Patient must be a positive id' },
        { field: 'ratings.overall', message: 'Overall rating must be from 1 to 5' },
      ],
    });
  });

  it('reports a misspelt field at the field itself', () => {
    const failure = failureOf(() =>
      validateDocument(PatientFeedbackSchema, { ...seedFeedback, moderation: 'Approved' }, 'feedback entry'),
    );
    expect(failure).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^moderation: /) as unknown });
  });

  it('refuses something that is not a document', () => {
    for (const candidate of [null, 'text', [seedFeedback]]) {
      expect(failureOf(() => validateDocument(PatientFeedbackSchema, candidate, 'feedback entry'))).toMatchObject({
        code: 'VALIDATION',
      });
    }
  });

  it('applies a patch: replaces fields, removes those patched to undefined, leaves the original alone', () => {
    const current = { a: 1, b: { c: 2 }, d: 'x' };
    expect(applyPatch(current, { b: { e: 3 }, d: undefined, f: true }, 'thing')).toEqual({
      a: 1,
      b: { e: 3 },
      f: true,
    });
    expect(current).toEqual({ a: 1, b: { c: 2 }, d: 'x' });
    expect(failureOf(() => applyPatch(current, null, 'thing'))).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('SQLite document ids', () => {
  it('have the ObjectId shape, start with the creation second, and never repeat', () => {
    const when = new Date('2024-03-15T10:30:00Z');
    const ids = Array.from({ length: 1000 }, () => newObjectIdHex(when));
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parseInt(ids[0]!.slice(0, 8), 16)).toBe(when.getTime() / 1000);
    // The last 3 bytes count up by one per id (modulo 2^24), so ids of one second keep creation order.
    const counters = ids.map((id) => parseInt(id.slice(18), 16));
    const steps = counters.slice(1).map((counter, i) => (counter - counters[i]! + 0x1000000) % 0x1000000);
    expect(new Set(steps)).toEqual(new Set([1]));
    expect(new Set(ids.map((id) => id.slice(8, 18))).size).toBe(1); // one process part
  });
});
