import { z } from 'zod';
import { text } from '../../domain/text';
import { addDays, isIsoDate } from '../../domain/plain-date';
import { DateText } from '../scheduling-schemas';

const Id = z.number().int().positive();

/** The longest range the change feed answers for: a month view with the days around it. */
export const MAX_CHANGE_FEED_DAYS = 62;

export const CalendarWeekInput = z
  .object({
    doctorId: Id,
    /** Any date of the week; the week runs Monday to Sunday. */
    date: DateText,
  })
  .strict();

export const MonthText = text().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use a month like 2026-12');

export const CalendarMonthInput = z
  .object({
    month: MonthText,
    doctorIds: z.array(Id).min(1).max(200).optional(),
    specialization: text().trim().min(1).max(100).optional(),
  })
  .strict();

export const CalendarChangesInput = z
  .object({ from: DateText, to: DateText })
  .strict()
  .superRefine((range, ctx) => {
    // zod runs this refinement even when a date is malformed (its own issue names that field)
    if (!isIsoDate(range.from) || !isIsoDate(range.to)) return;
    if (range.to < range.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end date comes before the start date' });
    else if (range.to > addDays(range.from, MAX_CHANGE_FEED_DAYS - 1)) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${MAX_CHANGE_FEED_DAYS} days at once` });
    }
  });

export type CalendarWeekQuery = z.output<typeof CalendarWeekInput>;
export type CalendarMonthQuery = z.output<typeof CalendarMonthInput>;
export type CalendarChangesQuery = z.output<typeof CalendarChangesInput>;
