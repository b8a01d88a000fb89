import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateEntryPattern, formatDateEntry, readDateEntry, timeEntryPattern } from '../../../shared/domain/date-entry';

describe('a date as typed at the desk, in the clinic order', () => {
  it('shows the order of the clinic locale as the hint', () => {
    expect(dateEntryPattern('en-US')).toBe('MM/DD/YYYY');
    expect(dateEntryPattern('en-GB')).toBe('DD/MM/YYYY');
    expect(dateEntryPattern('de-AT')).toBe('DD.MM.YYYY');
    expect(dateEntryPattern('sv-SE')).toBe('YYYY-MM-DD');
  });

  it('writes an ISO date in that order', () => {
    expect(formatDateEntry('2026-12-07', 'en-US')).toBe('12/07/2026');
    expect(formatDateEntry('2026-12-07', 'en-GB')).toBe('07/12/2026');
    expect(formatDateEntry('2026-12-07', 'de-AT')).toBe('07.12.2026');
    expect(formatDateEntry('2026-12-07', 'sv-SE')).toBe('2026-12-07');
  });

  it('reads the same digits as different days in en-US and en-GB', () => {
    expect(readDateEntry('12/07/2026', 'en-US')).toBe('2026-12-07');
    expect(readDateEntry('12/07/2026', 'en-GB')).toBe('2026-07-12');
  });

  it('reads the ways people type a date', () => {
    for (const typed of ['7/12/2026', '07/12/2026', '7.12.2026', '7-12-2026', '7 12 2026', ' 07122026 ', '2026-12-07'])
      expect(readDateEntry(typed, 'en-GB'), typed).toBe('2026-12-07');
    for (const typed of ['12/7/2026', '12.07.2026', '12072026', '2026-12-07']) expect(readDateEntry(typed, 'en-US'), typed).toBe('2026-12-07');
    expect(readDateEntry('2026. 12. 07.', 'hu-HU')).toBe('2026-12-07');
  });

  it('refuses what is not a real date, and two-digit years', () => {
    for (const typed of ['', '31/02/2026', '13/13/2026', '07/12/26', '7/12', 'tomorrow', '2026-02-30', '07/12/2026/1', '1/1/20266'])
      expect(readDateEntry(typed, 'en-GB'), typed).toBeNull();
    expect(readDateEntry('31/12/2026', 'en-US')).toBeNull();
  });

  it('every date reads back from what the field shows, in every order', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.constantFrom('en-US', 'en-GB', 'de-AT', 'sv-SE', 'ja-JP'), (day, locale) => {
        const iso = day.toISOString().slice(0, 10);
        expect(readDateEntry(formatDateEntry(iso, locale), locale)).toBe(iso);
      }),
    );
  });
});

describe('the time hint follows the clock', () => {
  it('HH:MM on 24 hours, h:mm AM on 12', () => {
    expect(timeEntryPattern({ hourCycle: 'h23' })).toBe('HH:MM');
    expect(timeEntryPattern({ hourCycle: 'h12' })).toBe('h:mm AM');
  });
});
