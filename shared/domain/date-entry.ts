/**
 * Dates and times as the desk types them, in the clinic's order rather than the workstation's:
 * a browser's date input follows the operating system's locale, so a US clinic on a British
 * workstation would read 07/12 as 7 December. Every date field shows and reads the order the
 * clinic's display locale writes numeric dates in; the values kept and sent stay ISO plain dates.
 */
import type { DisplayLocale } from './display-format';
import { isIsoDate } from './plain-date';

/** Which part comes first, second and last when the locale writes a date in numbers. */
export type DateOrder = 'DMY' | 'MDY' | 'YMD';

export interface DateEntryFormat {
  order: DateOrder;
  /** The character between the parts, e.g. '/' (en-GB, en-US), '.' (de-AT), '-' (sv-SE). */
  separator: string;
}

const entryFormats = new Map<string, DateEntryFormat>();

/** How a locale writes a date in numbers: 'en-US' → month/day/year, 'en-GB' → day/month/year. */
export function dateEntryFormatOf(locale: string): DateEntryFormat {
  const known = entryFormats.get(locale);
  if (known) return known;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).formatToParts(
      new Date(Date.UTC(2026, 11, 24)),
    );
  } catch {
    parts = [];
  }
  const letters = parts
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => (p.type === 'day' ? 'D' : p.type === 'month' ? 'M' : 'Y'))
    .join('');
  const order: DateOrder = letters === 'MDY' || letters === 'YMD' ? letters : 'DMY';
  const literal = parts.find((p) => p.type === 'literal')?.value.trim() ?? '';
  // one visible character only: some locales end with a dot or use ". " between the parts
  const separator = /^[/.-]/.test(literal) ? literal.charAt(0) : '/';
  const format = { order, separator };
  entryFormats.set(locale, format);
  return format;
}

const PLACEHOLDER: Record<DateOrder, string[]> = { DMY: ['DD', 'MM', 'YYYY'], MDY: ['MM', 'DD', 'YYYY'], YMD: ['YYYY', 'MM', 'DD'] };

/** The hint a date field shows: 'MM/DD/YYYY' (en-US), 'DD/MM/YYYY' (en-GB), 'DD.MM.YYYY' (de-AT). */
export function dateEntryPattern(locale: string): string {
  const { order, separator } = dateEntryFormatOf(locale);
  return PLACEHOLDER[order].join(separator);
}

/** An ISO plain date as a date field shows it: '2026-12-07' → '12/07/2026' (en-US), '07/12/2026' (en-GB). */
export function formatDateEntry(date: string, locale: string): string {
  if (!isIsoDate(date)) return date;
  const [year, month, day] = date.split('-') as [string, string, string];
  const { order, separator } = dateEntryFormatOf(locale);
  const byLetter = { D: day, M: month, Y: year };
  return [...order].map((letter) => byLetter[letter as 'D' | 'M' | 'Y']).join(separator);
}

/**
 * A typed date read in the clinic's order, as an ISO plain date; null when it is not a real date.
 * Accepts any of / . - or spaces between the parts, one- or two-digit days and months, a
 * four-digit year, eight digits with no separator ('12072026'), and an ISO date as it is.
 * Two-digit years are refused: for a date of birth '07/12/26' could be 1926 or 2026.
 */
export function readDateEntry(text: string, locale: string): string | null {
  // a trailing separator, as Hungarian writes '2026. 12. 07.'
  const typed = text.trim().replace(/[/.\-\s]+$/, '');
  if (typed === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(typed)) return isIsoDate(typed) ? typed : null;
  const { order } = dateEntryFormatOf(locale);
  let pieces: string[];
  if (/^\d{8}$/.test(typed)) {
    pieces = order === 'YMD' ? [typed.slice(0, 4), typed.slice(4, 6), typed.slice(6)] : [typed.slice(0, 2), typed.slice(2, 4), typed.slice(4)];
  } else {
    pieces = typed.split(/\s*[/.\-\s]\s*/);
  }
  if (pieces.length !== 3 || pieces.some((p) => !/^\d+$/.test(p))) return null;
  const byLetter: Record<string, string> = {};
  [...order].forEach((letter, i) => (byLetter[letter] = pieces[i]!));
  const { D: day, M: month, Y: year } = byLetter as { D: string; M: string; Y: string };
  if (year.length !== 4 || day.length > 2 || month.length > 2) return null;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/** The hint a time field shows: 'HH:MM' on a 24-hour clock, 'h:mm AM' on a 12-hour one. */
export function timeEntryPattern(display: Pick<DisplayLocale, 'hourCycle'>): string {
  return display.hourCycle === 'h12' ? 'h:mm AM' : 'HH:MM';
}

