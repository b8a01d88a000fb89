import { wallToInstant, type EpochMinutes } from './wall-clock';
import { addDays, daysBetween, parseTime } from '../plain-date';

export const MIN_INTERVAL_WEEKS = 1;
export const MAX_INTERVAL_WEEKS = 12;
export const MIN_OCCURRENCES = 2;
export const MAX_OCCURRENCES = 52;

/**
 * "Every N weeks on the same weekday and at the same wall-clock time", ending either after a
 * number of occurrences or on a date (inclusive). A series never has more than 52 occurrences.
 */
export type RepeatRule = { intervalWeeks: number; count: number } | { intervalWeeks: number; until: string };

export interface SeriesOccurrence {
  /** 0 for the first visit. */
  index: number;
  date: string;
  /** 'HH:MM', the same wall-clock time for every occurrence. */
  time: string;
  /**
   * The real start instant; null when that wall-clock time does not exist on this date (it falls
   * in the hour the clocks skip). Such an occurrence cannot be booked as is.
   */
  startsAt: EpochMinutes | null;
}

/** How many occurrences a rule gives from a first date; 0 when `until` lies before it. */
export function occurrenceCount(firstDate: string, rule: RepeatRule): number {
  if ('count' in rule) return rule.count;
  const days = daysBetween(firstDate, rule.until);
  return days < 0 ? 0 : Math.floor(days / (7 * rule.intervalWeeks)) + 1;
}

/** Why a rule cannot make a series, in words for the receptionist; null when it can. */
export function repeatRuleProblem(firstDate: string, rule: RepeatRule): string | null {
  if (!Number.isInteger(rule.intervalWeeks) || rule.intervalWeeks < MIN_INTERVAL_WEEKS || rule.intervalWeeks > MAX_INTERVAL_WEEKS) {
    return `Repeat every ${MIN_INTERVAL_WEEKS} to ${MAX_INTERVAL_WEEKS} weeks.`;
  }
  const count = occurrenceCount(firstDate, rule);
  if (count < MIN_OCCURRENCES) {
    return 'count' in rule ? `A series has at least ${MIN_OCCURRENCES} visits.` : 'The end date leaves fewer than two visits.';
  }
  if (count > MAX_OCCURRENCES) {
    return 'count' in rule ? `A series has at most ${MAX_OCCURRENCES} visits.` : `The end date gives more than ${MAX_OCCURRENCES} visits; choose an earlier one.`;
  }
  return null;
}

/**
 * Every occurrence of a series. Dates step by whole calendar weeks, so each lands on the first
 * date's weekday; the time stays the same wall-clock time in the clinic's zone, whatever the
 * daylight-saving offset that day (a 09:00 visit stays at 09:00 after the clocks change).
 */
export function expandSeries(first: { date: string; time: string }, rule: RepeatRule, zone: string): SeriesOccurrence[] {
  const problem = repeatRuleProblem(first.date, rule);
  if (problem) throw new RangeError(problem);
  const minute = parseTime(first.time);
  const occurrences: SeriesOccurrence[] = [];
  for (let index = 0; index < occurrenceCount(first.date, rule); index++) {
    const date = addDays(first.date, index * 7 * rule.intervalWeeks);
    occurrences.push({ index, date, time: first.time.slice(0, 5), startsAt: wallToInstant(date, minute, zone) });
  }
  return occurrences;
}
