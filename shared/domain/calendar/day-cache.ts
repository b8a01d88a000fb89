/**
 * Days fetched ahead (the neighbours of the shown day), so next/previous day paints at once.
 * An entry is used only while young and only as long as its date's change-feed fingerprint is the
 * one it was read with: the calendar then checks the fingerprint and reads the day again when it
 * moved, so a cached day is never shown as current after another workstation changed it.
 */
export interface CachedDay<Day> {
  date: string;
  day: Day;
  /** The change feed's fingerprint of the date when the day was read ('' = no appointments). */
  fingerprint: string;
  /** ms since the epoch, when it was read. */
  fetchedAt: number;
}

/** Older entries are read again: a cached day is a head start, not a source of truth. */
export const DAY_CACHE_MAX_AGE_MS = 60_000;
/** The shown day and its neighbours, with room for a few steps back and forth. */
export const DAY_CACHE_SIZE = 7;

export function rememberDay<Day>(
  cache: readonly CachedDay<Day>[],
  entry: CachedDay<Day>,
  size = DAY_CACHE_SIZE,
): CachedDay<Day>[] {
  return [entry, ...cache.filter((e) => e.date !== entry.date)].slice(0, size);
}

export function cachedDay<Day>(
  cache: readonly CachedDay<Day>[],
  date: string,
  now: number,
  maxAgeMs = DAY_CACHE_MAX_AGE_MS,
): CachedDay<Day> | null {
  const entry = cache.find((e) => e.date === date);
  if (!entry || now - entry.fetchedAt > maxAgeMs || now < entry.fetchedAt) return null;
  return entry;
}
