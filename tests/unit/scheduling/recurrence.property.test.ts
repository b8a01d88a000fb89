import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  expandSeries,
  formatTime,
  instantToWall,
  MAX_OCCURRENCES,
  occurrenceCount,
  parseTime,
  repeatRuleProblem,
  wallToInstantLenient,
} from '../../../shared/domain/scheduling';
import { DATES, ZONES } from './arbitraries';

const RUNS = { numRuns: 300 };

/**
 * A first date up to two months before one of the DST transition days (or an ordinary day); half
 * the time on the transition's weekday, so that weekly series land on the change itself.
 */
const firstDateArb = fc
  .tuple(fc.constantFrom(...DATES), fc.oneof(fc.integer({ min: -60, max: 0 }), fc.integer({ min: -8, max: 0 }).map((w) => w * 7)))
  .map(([date, shift]) => addDays(date, shift));
/** Night times (where the clocks change) are over-represented. */
const timeArb = fc.oneof(
  fc.integer({ min: 0, max: 4 * 12 - 1 }).map((n) => formatTime(n * 5)),
  fc.integer({ min: 0, max: 24 * 12 - 1 }).map((n) => formatTime(n * 5)),
);
const intervalArb = fc.integer({ min: 1, max: 12 });

/** Independent of wallToInstant: does some real minute near the lenient instant show this wall time? */
function wallTimeExists(date: string, time: string, zone: string): boolean {
  const near = wallToInstantLenient(date, parseTime(time), zone);
  for (let t = near - 120; t <= near + 120; t++) {
    const wall = instantToWall(t, zone);
    if (wall.date === date && wall.minutes === parseTime(time)) return true;
  }
  return false;
}

describe('expanding a repeat rule (property)', () => {
  it('puts every occurrence on the same weekday, N weeks apart, at the same wall-clock time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), firstDateArb, timeArb, intervalArb, fc.integer({ min: 2, max: 52 }), (zone, date, time, intervalWeeks, count) => {
        const occurrences = expandSeries({ date, time }, { intervalWeeks, count }, zone);
        expect(occurrences).toHaveLength(count);
        occurrences.forEach((occurrence, i) => {
          expect(occurrence.index).toBe(i);
          expect(occurrence.date).toBe(addDays(date, i * 7 * intervalWeeks));
          expect(dayOfWeek(occurrence.date)).toBe(dayOfWeek(date));
          expect(occurrence.time).toBe(time);
          if (occurrence.startsAt !== null) {
            // the real instant shows the same wall-clock date and time in the clinic's zone
            expect(instantToWall(occurrence.startsAt, zone)).toEqual({ date: occurrence.date, minutes: parseTime(time) });
          }
        });
      }),
      RUNS,
    );
  });

  it('flags exactly the occurrences whose wall-clock time the clocks skip', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), firstDateArb, timeArb, intervalArb, (zone, date, time, intervalWeeks) => {
        for (const occurrence of expandSeries({ date, time }, { intervalWeeks, count: 12 }, zone)) {
          expect(occurrence.startsAt === null).toBe(!wallTimeExists(occurrence.date, time, zone));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('stops on or before the end date, and the next step would pass it', () => {
    fc.assert(
      fc.property(firstDateArb, intervalArb, fc.integer({ min: 7, max: 400 }), (date, intervalWeeks, span) => {
        const until = addDays(date, span);
        const rule = { intervalWeeks, until };
        const count = occurrenceCount(date, rule);
        fc.pre(count >= 2 && count <= MAX_OCCURRENCES);
        const occurrences = expandSeries({ date, time: '09:00' }, rule, 'Europe/Berlin');
        expect(occurrences).toHaveLength(count);
        const last = occurrences[occurrences.length - 1]!;
        expect(last.date <= until).toBe(true);
        expect(addDays(last.date, 7 * intervalWeeks) > until).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses rules outside 1–12 weeks and 2–52 visits', () => {
    fc.assert(
      fc.property(
        firstDateArb,
        fc.oneof(
          fc.record({ intervalWeeks: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 13 })), count: fc.constant(4) }),
          fc.record({ intervalWeeks: intervalArb, count: fc.oneof(fc.integer({ max: 1 }), fc.integer({ min: 53 })) }),
        ),
        (date, rule) => {
          expect(repeatRuleProblem(date, rule)).not.toBeNull();
          expect(() => expandSeries({ date, time: '09:00' }, rule, 'UTC')).toThrow(RangeError);
        },
      ),
    );
    expect(repeatRuleProblem('2026-12-07', { intervalWeeks: 1, until: '2026-12-13' })).toMatch(/fewer than two/);
    expect(repeatRuleProblem('2026-12-07', { intervalWeeks: 1, until: '2027-12-31' })).toMatch(/more than 52/);
    expect(repeatRuleProblem('2026-12-07', { intervalWeeks: 1, until: '2026-12-14' })).toBeNull();
  });
});

describe('a weekly series across the clocks changing in Europe/Berlin', () => {
  it('keeps 09:00 wall-clock time; the real instant moves by the hour', () => {
    const [before, after] = expandSeries({ date: '2026-03-23', time: '09:00' }, { intervalWeeks: 1, count: 2 }, 'Europe/Berlin');
    expect([before?.time, after?.time]).toEqual(['09:00', '09:00']);
    expect(after!.startsAt! - before!.startsAt!).toBe(7 * 24 * 60 - 60);
  });

  it('flags the Sunday 02:30 visit on the spring-forward night, keeps it on the fall-back night', () => {
    const spring = expandSeries({ date: '2026-03-22', time: '02:30' }, { intervalWeeks: 1, count: 3 }, 'Europe/Berlin');
    expect(spring.map((o) => o.startsAt === null)).toEqual([false, true, false]);
    const autumn = expandSeries({ date: '2026-10-18', time: '02:30' }, { intervalWeeks: 1, count: 2 }, 'Europe/Berlin');
    expect(autumn[1]).toMatchObject({ date: '2026-10-25', time: '02:30' });
    expect(autumn[1]!.startsAt).not.toBeNull();
  });
});
