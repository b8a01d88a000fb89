import { describe, expect, it } from 'vitest';
import { classifySearch } from '../../../electron/main/services/reception/patient-search';

describe('a date of birth typed in the patient search', () => {
  it('is read in the clinic order: day first in en-GB, month first in en-US', () => {
    expect(classifySearch('03/04/1980', 'en-GB')).toEqual({ kind: 'birthDate', date: '1980-04-03' });
    expect(classifySearch('03/04/1980', 'en-US')).toEqual({ kind: 'birthDate', date: '1980-03-04' });
    expect(classifySearch('12/31/1980', 'en-US')).toEqual({ kind: 'birthDate', date: '1980-12-31' });
    expect(classifySearch('3.4.1980', 'de-AT')).toEqual({ kind: 'birthDate', date: '1980-04-03' });
    expect(classifySearch('1980-04-03', 'en-US')).toEqual({ kind: 'birthDate', date: '1980-04-03' });
  });

  it('a date that is none in the clinic order is not searched as a birth date', () => {
    expect(classifySearch('12/31/1980', 'en-GB').kind).not.toBe('birthDate');
  });
});
