import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameForms } from '../../../shared/domain/calendar/name-forms';

describe("the forms of a patient's name on a card", () => {
  it('longest first, down to initials', () => {
    expect(nameForms('Odile', 'Brackenfold')).toEqual(['Odile Brackenfold', 'O. Brackenfold', 'Brackenfold', 'OB']);
    expect(nameForms('Ana', 'Li')).toEqual(['Ana Li', 'A. Li', 'Li', 'AL']);
    expect(nameForms('', 'Solo')).toEqual(['Solo', 'S']);
  });

  it('never longer than the one before, no repeats, and the last form at most two letters', () => {
    const name = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(name, name, (first, last) => {
        const forms = nameForms(first, last);
        expect(forms.length).toBeGreaterThan(0);
        expect(new Set(forms).size).toBe(forms.length);
        for (let i = 1; i < forms.length; i++) expect(forms[i]!.length).toBeLessThanOrEqual(forms[i - 1]!.length);
        expect(Array.from(forms.at(-1)!).length).toBeLessThanOrEqual(2);
      }),
    );
  });
});
