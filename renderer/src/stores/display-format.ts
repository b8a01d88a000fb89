import * as format from '../../../shared/domain/display-format';
import { DEFAULT_DISPLAY_LOCALE, type DisplayLocale } from '../../../shared/domain/display-format';
import { DateTime } from 'luxon';
import { formatTime } from '../../../shared/domain/plain-date';
import { useAppStore } from './app-store';

/**
 * The formatting module bound to the clinic's display settings as main last reported them
 * (app.status). Screens import these instead of passing the settings at every call; the app's
 * root subscribes to the whole app store, so a change of the settings re-renders every screen.
 */
export function currentDisplayLocale(): DisplayLocale {
  return useAppStore.getState().status?.display ?? DEFAULT_DISPLAY_LOCALE;
}

/** The display settings for components that lay things out by them (the first day of the week). */
export function useDisplayLocale(): DisplayLocale {
  return useAppStore((state) => state.status?.display ?? DEFAULT_DISPLAY_LOCALE);
}

/** Changes whenever a display setting does: screens keyed on it re-render with the new formats. */
export function useDisplayKey(): string {
  const d = useDisplayLocale();
  return `${d.locale}|${d.hourCycle}|${d.weekStart}|${d.currency}`;
}

export const formatDuration = format.formatDuration;
export const weekdaysFrom = format.weekdaysFrom;
export const formatDayShort = (date: string): string => format.formatDayShort(date, currentDisplayLocale());
export const formatDayShortWithYear = (date: string): string => format.formatDayShortWithYear(date, currentDisplayLocale());
export const formatDayLong = (date: string): string => format.formatDayLong(date, currentDisplayLocale());
export const formatDayLongNoYear = (date: string): string => format.formatDayLongNoYear(date, currentDisplayLocale());
export const formatDate = (date: string): string => format.formatDate(date, currentDisplayLocale());
export const formatDayNoYear = (date: string): string => format.formatDayNoYear(date, currentDisplayLocale());
export const formatWeek = (first: string, last: string): string => format.formatWeek(first, last, currentDisplayLocale());
export const weekdayShortName = (isoDay: number): string => format.formatWeekdayShort(isoDay, currentDisplayLocale());
export const formatMonth = (date: string): string => format.formatMonth(date, currentDisplayLocale());
export const formatBirthDate = (date: string): string => format.formatBirthDate(date, currentDisplayLocale());
/**
 * Times of day per display setting: a day view formats hundreds of them on every date change
 * (each through Intl's formatToParts), and there are only 1,440 of them.
 */
const clockTimes = new WeakMap<DisplayLocale, Map<string, string>>();
export const formatClockTime = (time: string): string => {
  const display = currentDisplayLocale();
  let known = clockTimes.get(display);
  if (!known) clockTimes.set(display, (known = new Map()));
  let text = known.get(time);
  if (text === undefined) known.set(time, (text = format.formatClockTime(time, display)));
  return text;
};
/** Minutes after midnight on the clinic's clock: 570 → '09:30' or '9:30 AM'. */
export const formatClockMinutes = (minutes: number): string => formatClockTime(formatTime(minutes));
export const formatClockRange = (start: string, end: string): string => format.formatClockRange(start, end, currentDisplayLocale());
export const formatInstantDay = (iso: string, zone: string): string => format.formatInstantDay(iso, zone, currentDisplayLocale());
export const formatInstantTime = (iso: string, zone: string): string => format.formatInstantTime(iso, zone, currentDisplayLocale());
/** The clinic's zone as main reports it (UTC until setup names one). */
export const clinicZone = (): string => useAppStore.getState().status?.timezone ?? 'UTC';
/** Today's date on the clinic's clock (the workstation may sit in another zone). */
export const clinicToday = (): string => DateTime.now().setZone(clinicZone()).toISODate() ?? '';
export const formatInstantDayNoYear = (iso: string, zone = clinicZone()): string =>
  format.formatInstantDayNoYear(iso, zone, currentDisplayLocale());
export const formatMoment = (iso: string, zone: string, withSeconds = false): string =>
  format.formatMoment(iso, zone, currentDisplayLocale(), withSeconds);
export const formatMoney = (amount: number | string): string => format.formatMoney(amount, currentDisplayLocale());
