/**
 * How dates, times, durations and amounts read on screen, in printouts, reports and messages: the
 * one place that decides. Every function takes the clinic's display settings (locale tag, clock,
 * first day of the week, currency) and builds the text from `Intl` in that locale. Plain dates
 * ('YYYY-MM-DD') are days, not instants, and are formatted as such; plain times ('HH:MM') are
 * clinic wall-clock times; instants (ISO strings) are shown in the clinic's zone, which the caller
 * passes in.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type WeekStart = 1 | 6 | 7;

export interface DisplayLocale {
  /** BCP 47 tag deciding date order, month names and number punctuation, e.g. 'en-GB', 'en-US', 'de-AT'. */
  locale: string;
  /** 'h23': 14:05; 'h12': 2:05 PM. */
  hourCycle: 'h12' | 'h23';
  weekStart: WeekStart;
  /** ISO 4217 code of the clinic's fees, e.g. 'EUR'. */
  currency: string;
}

export const DEFAULT_DISPLAY_LOCALE: DisplayLocale = { locale: 'en-GB', hourCycle: 'h23', weekStart: 1, currency: 'EUR' };

type Options = Intl.DateTimeFormatOptions;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(display: DisplayLocale, zone: string, options: Options): Intl.DateTimeFormat {
  const timed = options.hour !== undefined;
  const key = `${display.locale}|${timed ? display.hourCycle : ''}|${zone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const clock: Options = timed
      ? { hourCycle: display.hourCycle, hour: display.hourCycle === 'h23' ? '2-digit' : 'numeric' }
      : {};
    formatter = new Intl.DateTimeFormat(display.locale, { ...options, ...clock, timeZone: zone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Intl's text with two house rules, so the same settings read the same in Node and in every
 * browser: no-break spaces become plain spaces, and English day-first dates carry no comma after
 * the weekday ('Tue 8 Dec 2026'; ICU versions disagree on that comma).
 */
function render(instant: Date, zone: string, display: DisplayLocale, options: Options): string {
  const parts = formatterFor(display, zone, options).formatToParts(instant);
  const english = display.locale.toLowerCase().startsWith('en');
  return parts
    .map((part, i) => {
      if (part.type !== 'literal') return part.value;
      const literal = part.value.replace(/[\u00a0\u202f]/g, ' ');
      if (english && parts[i - 1]?.type === 'weekday' && parts[i + 1]?.type === 'day') return ' ';
      return literal;
    })
    .join('');
}

/** A plain date as the instant of its midnight in UTC: formatted in UTC, it is that day everywhere. */
const plainDate = (date: string): Date => new Date(`${date}T00:00:00Z`);

function readInstant(iso: string): Date | null {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** '2026-12-08' → 'Tue 8 Dec' (en-GB), 'Tue, Dec 8' (en-US). */
export function formatDayShort(date: string, display: DisplayLocale): string {
  return render(plainDate(date), 'UTC', display, { weekday: 'short', day: 'numeric', month: 'short' });
}

/** '2026-12-08' → 'Tue 8 Dec 2026' (en-GB), 'Tue, Dec 8, 2026' (en-US). */
export function formatDayShortWithYear(date: string, display: DisplayLocale): string {
  return render(plainDate(date), 'UTC', display, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });
}

/** '2026-12-08' → 'Tuesday 8 December 2026' (en-GB), 'Tuesday, December 8, 2026' (en-US). */
export function formatDayLong(date: string, display: DisplayLocale): string {
  return render(plainDate(date), 'UTC', display, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
}

/** '2026-12-08' → 'Tuesday 8 December' (the year goes without saying, e.g. at the kiosk). */
export function formatDayLongNoYear(date: string, display: DisplayLocale): string {
  return render(plainDate(date), 'UTC', display, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** '2026-12-08' → '8 Dec 2026' (en-GB), 'Dec 8, 2026' (en-US): a date in a header or a table. */
export function formatDate(date: string, display: DisplayLocale): string {
  return render(plainDate(date), 'UTC', display, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** '2026-12-08' → '8 Dec' (en-GB), 'Dec 8' (en-US). */
export function formatDayNoYear(date: string, display: DisplayLocale): string {
  return render(plainDate(date), 'UTC', display, { day: 'numeric', month: 'short' });
}

/** A week's dates: '7 Dec – 13 Dec 2026' (en-GB), 'Dec 7 – Dec 13, 2026' (en-US). */
export function formatWeek(first: string, last: string, display: DisplayLocale): string {
  return `${formatDayNoYear(first, display)} – ${formatDate(last, display)}`;
}

/** '2026-12-08' → 'December 2026': a month's title. */
export function formatMonth(date: string, display: DisplayLocale): string {
  return render(plainDate(date), 'UTC', display, { month: 'long', year: 'numeric' });
}

/** '1984-06-02' → '02 Jun 1984' (en-GB), 'Jun 02, 1984' (en-US): the month named, never ambiguous. */
export function formatBirthDate(date: string, display: DisplayLocale): string {
  return render(plainDate(date), 'UTC', display, { day: '2-digit', month: 'short', year: 'numeric' });
}

/** A clinic wall-clock time: '14:05' → '14:05' (24-hour) or '2:05 PM' (12-hour). */
export function formatClockTime(time: string, display: DisplayLocale): string {
  const match = /^(\d{2}):(\d{2})/.exec(time);
  if (!match) return time;
  return render(new Date(`1970-01-01T${match[1]}:${match[2]}:00Z`), 'UTC', display, { minute: '2-digit', hour: 'numeric' });
}

/** '09:00'–'09:30' → '09:00–09:30' or '9:00 AM–9:30 AM'. */
export function formatClockRange(start: string, end: string, display: DisplayLocale): string {
  return `${formatClockTime(start, display)}–${formatClockTime(end, display)}`;
}

/** An instant's day in the clinic's zone, e.g. '8 Dec 2026'. */
export function formatInstantDay(iso: string, zone: string, display: DisplayLocale): string {
  const instant = readInstant(iso);
  return instant ? render(instant, zone, display, { day: 'numeric', month: 'short', year: 'numeric' }) : iso;
}

/** An instant's day in the clinic's zone without the year, e.g. '8 Dec' or 'Dec 8'. */
export function formatInstantDayNoYear(iso: string, zone: string, display: DisplayLocale): string {
  const instant = readInstant(iso);
  return instant ? render(instant, zone, display, { day: 'numeric', month: 'short' }) : iso;
}

/** An instant in the clinic's zone, e.g. '12 Mar 2026, 14:05' (or '14:05:09' with seconds). */
export function formatMoment(iso: string, zone: string, display: DisplayLocale, withSeconds = false): string {
  const instant = readInstant(iso);
  if (!instant) return iso;
  return render(instant, zone, display, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
  });
}

/** An instant's wall-clock time in the clinic's zone, e.g. '14:05' or '2:05 PM'. */
export function formatInstantTime(iso: string, zone: string, display: DisplayLocale): string {
  const instant = readInstant(iso);
  return instant ? render(instant, zone, display, { hour: 'numeric', minute: '2-digit' }) : iso;
}

/** 45 → '45 min', 60 → '1 h', 95 → '1 h 35 min'. */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const moneyFormatters = new Map<string, Intl.NumberFormat>();

/** A fee in the clinic's currency: 85 → '€85.00' (en-GB, EUR), '$85.00' (en-US, USD). */
export function formatMoney(amount: number | string, display: DisplayLocale): string {
  const value = typeof amount === 'number' ? amount : Number(amount);
  if (!Number.isFinite(value)) return String(amount);
  const key = `${display.locale}|${display.currency}`;
  let formatter = moneyFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(display.locale, { style: 'currency', currency: display.currency });
    moneyFormatters.set(key, formatter);
  }
  return formatter.format(value).replace(/[\u00a0\u202f]/g, ' ');
}

/** The ISO weekdays (1 = Monday) in display order, starting at the clinic's first day. */
export function weekdaysFrom(weekStart: WeekStart): number[] {
  return Array.from({ length: 7 }, (_, i) => ((weekStart - 1 + i) % 7) + 1);
}

/** The short name of an ISO weekday (1 = Monday) in the clinic's language: 'Mon'. */
export function formatWeekdayShort(isoDay: number, display: DisplayLocale): string {
  // 2024-01-01 was a Monday.
  return render(plainDate(`2024-01-0${isoDay}`), 'UTC', display, { weekday: 'short' });
}

/** Whether a locale tag and a currency code are ones this runtime can format. */
export function isSupportedLocale(tag: string): boolean {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([tag]).length > 0 && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

export function isSupportedCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const known = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('currency');
  return known ? known.includes(code) : true;
}
