import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalPrescription, type SignableFields } from '../../../shared/domain/prescriptions/canonical';

const base: SignableFields = {
  id: '0123456789abcdef01234567',
  appointmentId: 125,
  patientId: 45,
  doctorId: 12,
  patientName: 'Generated Patient',
  doctorName: 'Dr. Generated Doctor',
  prescriptionDate: new Date('2026-03-15T10:30:00Z'),
  medications: [{ name: 'Amoxicillin', dosage: '500mg', frequency: '3 times daily', duration: '7 days', instructions: 'Take with food', quantity: 21, refillsAllowed: 0 }],
  diagnosis: 'Acute pharyngitis',
  followUpRequired: true,
  followUpDays: 7,
};

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 5 }),
  ),
})).value;

function shuffledKeys(value: Json, seed: number): Json {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => shuffledKeys(v, seed));
  const entries = Object.entries(value);
  const rotated = entries.slice(seed % Math.max(entries.length, 1)).concat(entries.slice(0, seed % Math.max(entries.length, 1))).reverse();
  return Object.fromEntries(rotated.map(([k, v]) => [k, shuffledKeys(v, seed)]));
}

describe('the canonical content of a prescription', () => {
  it('is one text whatever the key order, and parses back to the same value', () => {
    fc.assert(
      fc.property(json, fc.nat(10), (value, seed) => {
        const text = canonicalJson(value);
        expect(canonicalJson(shuffledKeys(value, seed))).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('changes with any one character of a medication', () => {
    const text = canonicalPrescription(base);
    fc.assert(
      fc.property(fc.constantFrom('name', 'dosage', 'frequency', 'duration', 'instructions'), fc.nat(), fc.string({ minLength: 1, maxLength: 1 }), (field, at, ch) => {
        const medication = { ...base.medications[0]! };
        const current = medication[field] ?? '';
        const index = at % Math.max(current.length, 1);
        const changed = current.slice(0, index) + ch + current.slice(index + 1);
        fc.pre(changed !== current);
        medication[field] = changed;
        expect(canonicalPrescription({ ...base, medications: [medication] })).not.toBe(text);
      }),
    );
  });

  it('leaves out what changes after signing (status, the forward link), not what was signed', () => {
    const withLater = { ...base, status: 'Superseded', supersededById: 'ffffffffffffffffffffffff', digitalSignature: 'x.y.z' } as SignableFields;
    expect(canonicalPrescription(withLater)).toBe(canonicalPrescription(base));
    expect(canonicalPrescription({ ...base, previousVersionId: 'ffffffffffffffffffffffff', version: 2 })).not.toBe(canonicalPrescription(base));
    expect(canonicalPrescription({ ...base, followUpDays: 8 })).not.toBe(canonicalPrescription(base));
  });
});
