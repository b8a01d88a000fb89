import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from '../../../shared/domain/scheduling';

// addDays and dayOfWeek do plain Date arithmetic for speed; luxon is the reference here.
const dateArb = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('calendar dates (property)', () => {
  it('add days like luxon, across months, leap years and centuries', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -3000, max: 3000 }), (date, days) => {
        expect(addDays(date, days)).toBe(DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate());
      }),
      { numRuns: 2000 },
    );
  });

  it('name the weekday like luxon (0 = Sunday)', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(dayOfWeek(date)).toBe(DateTime.fromISO(date, { zone: 'UTC' }).weekday % 7);
      }),
      { numRuns: 2000 },
    );
  });
});
