import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISPLAY_LOCALE,
  formatBirthDate,
  formatClockTime,
  formatDate,
  formatDayLong,
  formatDayLongNoYear,
  formatDayShort,
  formatDayShortWithYear,
  formatDuration,
  formatInstantDay,
  formatInstantTime,
  formatMoment,
  formatMoney,
  formatMonth,
  isSupportedCurrency,
  isSupportedLocale,
  weekdaysFrom,
  type DisplayLocale,
} from '../../../shared/domain/display-format';
import { addDays, dayOfWeek } from '../../../shared/domain/plain-date';
import { defaultSettings, displayLocaleOf } from '../../../shared/domain/settings-registry';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const GB = DEFAULT_DISPLAY_LOCALE;
const US: DisplayLocale = { locale: 'en-US', hourCycle: 'h12', weekStart: 7, currency: 'USD' };
const AT: DisplayLocale = { locale: 'de-AT', hourCycle: 'h23', weekStart: 1, currency: 'EUR' };

describe('display format', () => {
  it('writes plain dates the same way on every machine, without locale punctuation (en-GB)', () => {
    expect(formatDayShort('2026-12-08', GB)).toBe('Tue 8 Dec');
    expect(formatDayShortWithYear('2026-12-08', GB)).toBe('Tue 8 Dec 2026');
    expect(formatDayLong('2026-12-08', GB)).toBe('Tuesday 8 December 2026');
    expect(formatDayLong('2024-02-29', GB)).toBe('Thursday 29 February 2024');
    expect(formatDayLongNoYear('2026-11-26', GB)).toBe('Thursday 26 November');
    expect(formatBirthDate('1984-06-02', GB)).toBe('02 Jun 1984');
    expect(formatDate('2026-12-08', GB)).toBe('8 Dec 2026');
    expect(formatMonth('2026-12-08', GB)).toBe('December 2026');
  });

  it('puts the month first and the clock on 12 hours for en-US', () => {
    expect(formatDayShort('2026-12-08', US)).toBe('Tue, Dec 8');
    expect(formatDayShortWithYear('2026-12-08', US)).toBe('Tue, Dec 8, 2026');
    expect(formatDayLong('2026-12-08', US)).toBe('Tuesday, December 8, 2026');
    expect(formatBirthDate('1984-06-02', US)).toBe('Jun 02, 1984');
    expect(formatDate('2026-12-08', US)).toBe('Dec 8, 2026');
    expect(formatClockTime('14:05', US)).toBe('2:05 PM');
    expect(formatClockTime('00:30', US)).toBe('12:30 AM');
    expect(formatMoment('2026-03-12T13:05:09Z', 'Europe/Berlin', US)).toBe('Mar 12, 2026, 2:05 PM');
    expect(formatInstantTime('2026-12-06T20:00:00Z', 'Asia/Kolkata', US)).toBe('1:30 AM');
  });

  it("follows other locales' own order and punctuation", () => {
    expect(formatDayLong('2026-12-08', AT)).toBe('Dienstag, 8. Dezember 2026');
    expect(formatClockTime('14:05', AT)).toBe('14:05');
    expect(formatMoney(85, AT)).toBe('€ 85,00');
  });

  it('names the weekday of every date, whatever the zone of the machine', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 40_000 }), (offset) => {
        const date = addDays('2026-12-06', offset);
        const [year, , day] = date.split('-').map(Number) as [number, number, number];
        expect(formatDayLong(date, GB)).toMatch(new RegExp(`^${WEEKDAYS[dayOfWeek(date)]} ${day} [A-Z][a-z]+ ${year}$`));
        expect(formatDayLong(date, US)).toMatch(new RegExp(`^${WEEKDAYS[dayOfWeek(date)]}, [A-Z][a-z]+ ${day}, ${year}$`));
      }),
      { numRuns: 300 },
    );
  });

  it('writes every wall-clock time of the day on both clocks', () => {
    for (let minutes = 0; minutes < 24 * 60; minutes += 5) {
      const h = Math.floor(minutes / 60);
      const time = `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      expect(formatClockTime(time, GB)).toBe(time);
      const twelve = `${h % 12 === 0 ? 12 : h % 12}:${time.slice(3)} ${h < 12 ? 'AM' : 'PM'}`;
      expect(formatClockTime(time, US)).toBe(twelve);
    }
  });

  it("shows instants in the clinic's zone, half-hour zones included", () => {
    expect(formatMoment('2026-03-12T13:05:09Z', 'Europe/Berlin', GB)).toBe('12 Mar 2026, 14:05');
    expect(formatMoment('2026-03-12T13:05:09Z', 'Europe/Berlin', GB, true)).toBe('12 Mar 2026, 14:05:09');
    // 20:00 UTC is already the next day in Kolkata (UTC+05:30).
    expect(formatMoment('2026-12-06T20:00:00Z', 'Asia/Kolkata', GB)).toBe('7 Dec 2026, 01:30');
    expect(formatInstantDay('2026-12-06T20:00:00Z', 'Asia/Kolkata', GB)).toBe('7 Dec 2026');
    expect(formatInstantDay('2026-12-06T20:00:00Z', 'Asia/Kolkata', US)).toBe('Dec 7, 2026');
    expect(formatInstantTime('2026-12-06T20:00:00Z', 'Asia/Kolkata', GB)).toBe('01:30');
    expect(formatInstantTime('2026-12-06T00:05:00Z', 'UTC', GB)).toBe('00:05');
  });

  it('hands back what it cannot read rather than "Invalid Date"', () => {
    expect(formatMoment('not a moment', 'UTC', GB)).toBe('not a moment');
    expect(formatInstantDay('', 'UTC', GB)).toBe('');
    expect(formatClockTime('soon', US)).toBe('soon');
    expect(formatMoney('n/a', US)).toBe('n/a');
  });

  it('writes fees with the currency of the clinic', () => {
    expect(formatMoney(85, GB)).toBe('€85.00');
    expect(formatMoney('85.00', US)).toBe('$85.00');
    expect(formatMoney(1250.5, { ...GB, currency: 'GBP' })).toBe('£1,250.50');
  });

  it('starts the week on the clinic’s first day', () => {
    expect(weekdaysFrom(1)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(weekdaysFrom(7)).toEqual([7, 1, 2, 3, 4, 5, 6]);
    expect(weekdaysFrom(6)).toEqual([6, 7, 1, 2, 3, 4, 5]);
  });

  it('reads the display settings from the clinic settings, en-GB / 24 h / Monday / EUR by default', () => {
    expect(displayLocaleOf(defaultSettings())).toEqual(GB);
    expect(displayLocaleOf({ displayLocale: 'en-US', clockHours: '12', weekStart: 'sunday', currency: 'USD' })).toEqual(US);
    expect(isSupportedLocale('en-US')).toBe(true);
    expect(isSupportedLocale('not a locale')).toBe(false);
    expect(isSupportedCurrency('USD')).toBe(true);
    expect(isSupportedCurrency('usd')).toBe(false);
    expect(isSupportedCurrency('XYZ')).toBe(false);
  });

  it('writes durations in hours and minutes', () => {
    expect(formatDuration(45)).toBe('45 min');
    expect(formatDuration(60)).toBe('1 h');
    expect(formatDuration(95)).toBe('1 h 35 min');
  });
});
