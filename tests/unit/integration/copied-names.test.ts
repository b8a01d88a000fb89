import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyCopiesPatch,
  copiesPatch,
  copyClaimKey,
  shownDoctorName,
  shownPatientName,
  type NameCopies,
} from '../../../shared/domain/integration/copied-names';

const name = fc.string({ minLength: 1, maxLength: 20 });
const copies: fc.Arbitrary<NameCopies> = fc.record(
  {
    patientName: name,
    doctorName: name,
    currentPatientName: name,
    currentDoctorName: name,
    digitalSignature: fc.constant('h.p.s'),
  },
  { requiredKeys: ['patientName', 'doctorName'] },
);

describe('copiesPatch', () => {
  it('an unsigned prescription takes the new names in its copies', () => {
    const doc = { patientName: 'Orlen Vastreck', doctorName: 'Dr. Ilse Brandwick' };
    expect(copiesPatch(doc, { patientName: 'Orlena Vastreck' })).toEqual({ patientName: 'Orlena Vastreck' });
    expect(copiesPatch(doc, { patientName: 'Orlen Vastreck', doctorName: 'Dr. Ilse Brandwick' })).toBeNull();
  });

  it('a signed one keeps the signed names and carries the new ones beside them, only while they differ', () => {
    const signed = { patientName: 'Orlen Vastreck', doctorName: 'Dr. Ilse Brandwick', digitalSignature: 'h.p.s' };
    expect(copiesPatch(signed, { patientName: 'Orlena Vastreck' })).toEqual({ currentPatientName: 'Orlena Vastreck' });
    // renamed back: the display copy goes
    expect(copiesPatch({ ...signed, currentPatientName: 'Orlena Vastreck' }, { patientName: 'Orlen Vastreck' })).toEqual({ currentPatientName: undefined });
  });

  it('after the patch every document shows the names now, a signed one keeps its signed names, and a second patch is null', () => {
    fc.assert(
      fc.property(copies, fc.record({ patientName: name, doctorName: name }, { requiredKeys: [] }), (doc, now) => {
        const patch = copiesPatch(doc, now);
        const next = patch ? applyCopiesPatch(doc, patch) : doc;
        if (now.patientName !== undefined) expect(shownPatientName(next)).toBe(now.patientName);
        if (now.doctorName !== undefined) expect(shownDoctorName(next)).toBe(now.doctorName);
        if (doc.digitalSignature) expect([next.patientName, next.doctorName]).toEqual([doc.patientName, doc.doctorName]);
        expect(copiesPatch(next, now)).toBeNull();
      }),
    );
  });
});

describe('copyClaimKey', () => {
  it('is one key per person, stamp and name, and holds no name', () => {
    const key = copyClaimKey('patient', 7, 1_796_000_000_000, 'Orlen Vastreck');
    expect(key).toBe(copyClaimKey('patient', 7, 1_796_000_000_000, 'Orlen Vastreck'));
    expect(key).not.toBe(copyClaimKey('patient', 7, 1_796_000_000_000, 'Orlena Vastreck'));
    expect(key).not.toBe(copyClaimKey('doctor', 7, 1_796_000_000_000, 'Orlen Vastreck'));
    expect(key).not.toContain('Vastreck');
  });
});
