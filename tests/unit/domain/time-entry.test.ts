import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTime, readTimeEntry } from '../../../shared/domain/plain-date';

describe('a time as typed at the desk', () => {
  it('reads the ways people write a quarter past nine', () => {
    for (const typed of ['9:15', '09:15', '9.15', '915', '0915', '9:15 am', '9:15am', '9:15 AM', ' 9.15 a.m. '])
      expect(readTimeEntry(typed), typed).toBe('09:15');
  });

  it('afternoons, noon and midnight with am/pm; whole hours', () => {
    expect(readTimeEntry('2:30 pm')).toBe('14:30');
    expect(readTimeEntry('12:30 pm')).toBe('12:30');
    expect(readTimeEntry('12 am')).toBe('00:00');
    expect(readTimeEntry('9 am')).toBe('09:00');
    expect(readTimeEntry('14')).toBe('14:00');
    expect(readTimeEntry('1430')).toBe('14:30');
  });

  it('refuses what is not a time of day', () => {
    for (const typed of ['', '25:00', '9:75', '13 pm', '0 am', 'nine', '9:1', '12345', '9::15'])
      expect(readTimeEntry(typed), typed).toBeNull();
  });

  it('every time of day, written as HH:MM, H.MM or HMM, reads back as itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const canonical = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        const mm = String(m).padStart(2, '0');
        for (const typed of [canonical, `${h}.${mm}`, `${h}${mm}`]) expect(readTimeEntry(typed)).toBe(canonical);
      }),
    );
  });

  it('every 12-hour time with am or pm reads as its 24-hour time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom('am', 'pm', ' AM', ' p.m.'), (h, m, half) => {
        const expected = (h % 12) + (/p/i.test(half) ? 12 : 0);
        expect(readTimeEntry(`${h}:${String(m).padStart(2, '0')}${half}`)).toBe(`${String(expected).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
      }),
    );
  });

  it('whatever is typed, an answer is a time the scheduling rules read', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 9 }), (typed) => {
        const read = readTimeEntry(typed);
        if (read === null) return;
        expect(read).toMatch(/^\d{2}:\d{2}$/);
        expect(parseTime(read)).toBeLessThan(24 * 60);
      }),
    );
  });
});
