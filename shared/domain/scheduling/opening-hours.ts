import { z } from 'zod';
import { parseTime } from '../plain-date';

const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const TimeText = z.string().regex(TIME_PATTERN, 'Use HH:MM');
/** A malformed time is already reported by TimeText; zod still runs the refinements after it. */
const wellFormed = (...times: string[]) => times.every((t) => TIME_PATTERN.test(t));

export const TimeRange = z
  .tuple([TimeText, TimeText])
  .refine(([start, end]) => !wellFormed(start, end) || parseTime(start) < parseTime(end), 'A range must end after it starts');

/** Weekday ('0' = Sunday … '6' = Saturday) → opening ranges; a missing or empty day is closed. */
export const OpeningHours = z
  .partialRecord(z.enum(['0', '1', '2', '3', '4', '5', '6']), z.array(TimeRange).max(6))
  .refine(
    (hours) =>
      Object.values(hours).every((ranges) => {
        if (!(ranges ?? []).every(([start, end]) => wellFormed(start, end))) return true;
        const sorted = [...(ranges ?? [])].sort((a, b) => parseTime(a[0]) - parseTime(b[0]));
        return sorted.every((range, i) => i === 0 || parseTime(range[0]) >= parseTime((sorted[i - 1] as [string, string])[1]));
      }),
    'Opening ranges of one day must not overlap',
  );
export type OpeningHours = z.infer<typeof OpeningHours>;

export const DEFAULT_OPENING_HOURS: OpeningHours = {
  '1': [['08:00', '18:00']],
  '2': [['08:00', '18:00']],
  '3': [['08:00', '18:00']],
  '4': [['08:00', '18:00']],
  '5': [['08:00', '18:00']],
  '6': [['09:00', '13:00']],
};
