/**
 * How dates, times and durations read on screen and in messages: the one place that decides.
 * Built from `Intl` in the clinic's locale, then put together from the parts, so the text is the
 * same in Node and in every browser whatever punctuation their locale data adds. Plain dates
 * ('YYYY-MM-DD') are days, not instants, and are formatted as such; instants (ISO strings) are
 * shown in the clinic's zone, which the caller passes in.
 */
export const CLINIC_LOCALE = 'en-GB';

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes, string>>;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsOf(instant: Date, zone: string, options: Intl.DateTimeFormatOptions): Parts {
  const key = `${zone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(CLINIC_LOCALE, { ...options, timeZone: zone, hourCycle: 'h23' });
    formatters.set(key, formatter);
  }
  const parts: Parts = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return parts;
}

/** A plain date as the instant of its midnight in UTC: formatted in UTC, it is that day everywhere. */
const plainDate = (date: string): Date => new Date(`${date}T00:00:00Z`);

const dayParts = (date: string) =>
  partsOf(plainDate(date), 'UTC', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const shortDayParts = (date: string) =>
  partsOf(plainDate(date), 'UTC', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** '2026-12-08' → 'Tue 8 Dec'. */
export function formatDayShort(date: string): string {
  const p = shortDayParts(date);
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** '2026-12-08' → 'Tue 8 Dec 2026'. */
export function formatDayShortWithYear(date: string): string {
  const p = shortDayParts(date);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** '2026-12-08' → 'Tuesday 8 December 2026'. */
export function formatDayLong(date: string): string {
  const p = dayParts(date);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** '2026-12-08' → 'Tuesday 8 December' (the year goes without saying, e.g. at the kiosk). */
export function formatDayLongNoYear(date: string): string {
  const p = dayParts(date);
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** '1984-06-02' → '02 Jun 1984': unambiguous at the desk whatever the reader's habits. */
export function formatBirthDate(date: string): string {
  const p = shortDayParts(date);
  return `${(p.day ?? '').padStart(2, '0')} ${p.month} ${p.year}`;
}

/** An instant's day in the clinic's zone, e.g. '8 Dec 2026'. */
export function formatInstantDay(iso: string, zone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = partsOf(instant, zone, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

/** An instant in the clinic's zone, e.g. '12 Mar 2026, 14:05' (or '14:05:09' with seconds). */
export function formatMoment(iso: string, zone: string, withSeconds = false): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = partsOf(instant, zone, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: withSeconds ? '2-digit' : undefined,
  });
  return `${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`;
}

/** An instant's wall-clock time in the clinic's zone, e.g. '14:05'. */
export function formatInstantTime(iso: string, zone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const p = partsOf(instant, zone, { hour: '2-digit', minute: '2-digit' });
  return `${p.hour}:${p.minute}`;
}

/** 45 → '45 min', 60 → '1 h', 95 → '1 h 35 min'. */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
