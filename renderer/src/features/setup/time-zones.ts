import { DateTime } from 'luxon';

export interface TimeZoneOption {
  /** The IANA name, the value stored in clinic settings. */
  zone: string;
  /** "America / New York": the name as people read it. */
  label: string;
  /** "UTC+01:00" right now, so a zone can be found by its offset too. */
  offset: string;
  /** Lower-case text the search matches against. */
  searchText: string;
}

function offsetLabel(zone: string, now: DateTime): string {
  const local = now.setZone(zone);
  return local.isValid ? `UTC${local.toFormat('ZZ')}` : '';
}

/** The zones this runtime knows, plus `extra` (the browser's own zone can be missing, e.g. "UTC"). */
export function listTimeZones(extra: readonly string[], now: DateTime = DateTime.now()): TimeZoneOption[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  for (const zone of extra) if (zone) zones.add(zone);
  return [...zones].sort().map((zone) => {
    const label = zone.replaceAll('_', ' ').replaceAll('/', ' / ');
    const offset = offsetLabel(zone, now);
    return { zone, label, offset, searchText: `${zone} ${label} ${offset}`.toLowerCase() };
  });
}

/** Every word of the query must appear: "new york", "berlin", "utc+05:30" all find their zone. */
export function filterTimeZones(options: readonly TimeZoneOption[], query: string): TimeZoneOption[] {
  const words = query
    .toLowerCase()
    .replaceAll('_', ' ')
    .split(/[\s/]+/)
    .filter(Boolean);
  if (words.length === 0) return [...options];
  return options.filter((option) => words.every((word) => option.searchText.includes(word)));
}
