import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatBirthDate,
  formatDayLong,
  formatDayLongNoYear,
  formatDayShort,
  formatDayShortWithYear,
  formatDuration,
  formatInstantDay,
  formatInstantTime,
  formatMoment,
} from '../../../shared/domain/display-format';
import { addDays, dayOfWeek } from '../../../shared/domain/plain-date';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

describe('display format', () => {
  it('writes plain dates the same way on every machine, without locale punctuation', () => {
    expect(formatDayShort('2026-12-08')).toBe('Tue 8 Dec');
    expect(formatDayShortWithYear('2026-12-08')).toBe('Tue 8 Dec 2026');
    expect(formatDayLong('2026-12-08')).toBe('Tuesday 8 December 2026');
    expect(formatDayLong('2024-02-29')).toBe('Thursday 29 February 2024');
    expect(formatDayLongNoYear('2026-11-26')).toBe('Thursday 26 November');
    expect(formatBirthDate('1984-06-02')).toBe('02 Jun 1984');
  });

  it('names the weekday of every date, whatever the zone of the machine', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 40_000 }), (offset) => {
        const date = addDays('2026-12-06', offset);
        const [year, , day] = date.split('-').map(Number) as [number, number, number];
        expect(formatDayLong(date)).toMatch(new RegExp(`^${WEEKDAYS[dayOfWeek(date)]} ${day} [A-Z][a-z]+ ${year}$`));
      }),
      { numRuns: 300 },
    );
  });

  it("shows instants in the clinic's zone, half-hour zones included", () => {
    expect(formatMoment('2026-03-12T13:05:09Z', 'Europe/Berlin')).toBe('12 Mar 2026, 14:05');
    expect(formatMoment('2026-03-12T13:05:09Z', 'Europe/Berlin', true)).toBe('12 Mar 2026, 14:05:09');
    // 20:00 UTC is already the next day in Kolkata (UTC+05:30).
    expect(formatMoment('2026-12-06T20:00:00Z', 'Asia/Kolkata')).toBe('7 Dec 2026, 01:30');
    expect(formatInstantDay('2026-12-06T20:00:00Z', 'Asia/Kolkata')).toBe('7 Dec 2026');
    expect(formatInstantTime('2026-12-06T20:00:00Z', 'Asia/Kolkata')).toBe('01:30');
    expect(formatInstantTime('2026-12-06T00:05:00Z', 'UTC')).toBe('00:05');
  });

  it('hands back what it cannot read rather than "Invalid Date"', () => {
    expect(formatMoment('not a moment', 'UTC')).toBe('not a moment');
    expect(formatInstantDay('', 'UTC')).toBe('');
  });

  it('writes durations in hours and minutes', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(95)).toBe('1 h 35 min');
  });
});
