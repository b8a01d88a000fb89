import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cachedDay, DAY_CACHE_MAX_AGE_MS, rememberDay, type CachedDay } from '../../../shared/domain/calendar/day-cache';

const T0 = Date.parse('2026-12-06T09:00:00Z');
const entry = (date: string, fetchedAt = T0, fingerprint = 'f'): CachedDay<string> => ({
  date,
  day: `day ${date}`,
  fingerprint,
  fetchedAt,
});

describe('days read ahead', () => {
  it('a young entry is used; an old one or one from the future (clock set back) is not', () => {
    const cache = [entry('2026-12-07')];
    expect(cachedDay(cache, '2026-12-07', T0 + 1_000)?.day).toBe('day 2026-12-07');
    expect(cachedDay(cache, '2026-12-07', T0 + DAY_CACHE_MAX_AGE_MS + 1)).toBeNull();
    expect(cachedDay(cache, '2026-12-07', T0 - 1)).toBeNull();
    expect(cachedDay(cache, '2026-12-08', T0)).toBeNull();
  });

  it('remembering a date again replaces its entry (the newest read wins)', () => {
    const cache = rememberDay([entry('2026-12-07', T0, 'old')], entry('2026-12-07', T0 + 5, 'new'));
    expect(cache).toHaveLength(1);
    expect(cache[0]?.fingerprint).toBe('new');
  });

  it('never holds more than its size, nor two entries for one date, and keeps the latest', () => {
    const dates = fc.array(fc.integer({ min: 0, max: 20 }).map((n) => `2026-12-${String(n + 1).padStart(2, '0')}`));
    fc.assert(
      fc.property(dates, (sequence) => {
        let cache: CachedDay<string>[] = [];
        for (const date of sequence) cache = rememberDay(cache, entry(date), 5);
        expect(cache.length).toBeLessThanOrEqual(5);
        expect(new Set(cache.map((e) => e.date)).size).toBe(cache.length);
        if (sequence.length > 0) expect(cache[0]?.date).toBe(sequence.at(-1));
      }),
    );
  });
});
