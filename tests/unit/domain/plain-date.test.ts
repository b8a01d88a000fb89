import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  datesBetween,
  dayOfWeek,
  daysBetween,
  formatTime,
  isIsoDate,
  mondayOf,
  parseTime,
} from '../../../shared/domain/plain-date';

// The module does plain Date arithmetic for speed; luxon is the reference here.
const dateArb = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const utc = (date: string) => DateTime.fromISO(date, { zone: 'UTC' });

describe('plain dates (property)', () => {
  it('add days like luxon, across months, leap years and centuries', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -3000, max: 3000 }), (date, days) => {
        expect(addDays(date, days)).toBe(utc(date).plus({ days }).toISODate());
      }),
      { numRuns: 2000 },
    );
  });

  it('name the weekday like luxon (0 = Sunday)', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(dayOfWeek(date)).toBe(utc(date).weekday % 7);
      }),
      { numRuns: 2000 },
    );
  });

  it('count the days between two dates like luxon, and adding them back lands on the later date', () => {
    fc.assert(
      fc.property(dateArb, dateArb, (from, to) => {
        const days = daysBetween(from, to);
        expect(days).toBe(utc(to).diff(utc(from), 'days').days);
        expect(addDays(from, days)).toBe(to);
      }),
      { numRuns: 1000 },
    );
  });

  it('list every date of a range once, both ends included', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 120 }), (from, span) => {
        const to = addDays(from, span);
        const dates = datesBetween(from, to);
        expect(dates).toHaveLength(daysBetween(from, to) + 1);
        expect(dates[0]).toBe(from);
        expect(dates.at(-1)).toBe(to);
      }),
    );
  });

  it('write every minute of the day back as the time it was read from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 60 }), (minutes) => {
        expect(parseTime(formatTime(minutes))).toBe(minutes);
      }),
    );
  });
});

describe('plain dates (scenarios)', () => {
  it('counts days without the end date; a range of dates includes both', () => {
    expect(daysBetween('2026-12-06', '2026-12-06')).toBe(0);
    expect(daysBetween('2026-12-06', '2026-12-08')).toBe(2);
    expect(daysBetween('2026-12-08', '2026-12-06')).toBe(-2);
    // A daylight-saving night changes nothing for plain dates.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(datesBetween('2026-12-08', '2026-12-06')).toEqual([]);
  });

  it('finds the Monday of a week that runs Monday to Sunday', () => {
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday belongs to the week before
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2027-01-02')).toBe('2026-12-28');
  });

  it('accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-12-06')).toBe(true);
    for (const text of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-12-6', '06.12.2026', '2026-12-06T10:00', '']) {
      expect(isIsoDate(text), text).toBe(false);
    }
  });

  it('reads times as minutes after midnight, seconds ignored, 24:00 as the end of a day', () => {
    expect(parseTime('09:30')).toBe(570);
    expect(parseTime('09:30:45')).toBe(570);
    expect(parseTime('24:00')).toBe(1440);
    expect(formatTime(1440)).toBe('24:00');
    expect(formatTime(65)).toBe('01:05');
    expect(() => parseTime('9:30')).toThrow(RangeError);
    expect(() => parseTime('24:30')).toThrow(RangeError);
  });
});
