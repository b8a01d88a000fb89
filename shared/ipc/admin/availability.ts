import { z } from 'zod';
import { isIsoDate, parseTime as minutesOf } from '../../domain/plain-date';
import { text } from '../../domain/text';

const Id = z.number().int().positive();
const START_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
const END_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DateText = text().refine(isIsoDate, 'Give a date');

export const WeeklyRange = z
  .object({
    dayOfWeek: z.number().int().min(0).max(6),
    startTime: text().regex(START_PATTERN, 'Use a time like 09:00'),
    endTime: text().regex(END_PATTERN, 'Use a time like 17:30 (24:00 for midnight)'),
    isAvailable: z.boolean(),
  })
  .strict();
export type WeeklyRange = z.infer<typeof WeeklyRange>;

/**
 * Problems of a week of ranges, each naming its range: a range must end after it starts, and
 * two ranges of one day must not overlap (switched-off ones included: they are the same hours).
 * Shared by the editor (shown under the day, its times on the clinic's clock through `show`) and
 * main (the channel's schema).
 */
export function weeklyRangeProblems(
  ranges: readonly WeeklyRange[],
  show: (time: string) => string = (time) => time,
): { index: number; field: 'startTime' | 'endTime'; message: string }[] {
  const span = (start: string, end: string) => `${show(start)}–${end === '24:00' ? end : show(end)}`;
  const problems: { index: number; field: 'startTime' | 'endTime'; message: string }[] = [];
  const wellFormed = (r: WeeklyRange) => START_PATTERN.test(r.startTime) && END_PATTERN.test(r.endTime);
  ranges.forEach((range, index) => {
    if (!START_PATTERN.test(range.startTime)) problems.push({ index, field: 'startTime', message: `"${range.startTime}": use a time like ${show('09:00')}` });
    else if (!END_PATTERN.test(range.endTime)) problems.push({ index, field: 'endTime', message: `"${range.endTime}": use a time like ${show('17:30')} (24:00 for midnight)` });
    else if (minutesOf(range.endTime) <= minutesOf(range.startTime)) {
      problems.push({ index, field: 'endTime', message: `${span(range.startTime, range.endTime)}: a range must end after it starts` });
    }
  });
  for (let day = 0; day <= 6; day++) {
    const ofDay = ranges
      .map((range, index) => ({ range, index }))
      .filter(({ range }) => range.dayOfWeek === day && wellFormed(range) && minutesOf(range.endTime) > minutesOf(range.startTime))
      .sort((a, b) => minutesOf(a.range.startTime) - minutesOf(b.range.startTime));
    for (let i = 1; i < ofDay.length; i++) {
      const previous = ofDay[i - 1]!;
      const current = ofDay[i]!;
      if (minutesOf(current.range.startTime) < minutesOf(previous.range.endTime)) {
        problems.push({
          index: current.index,
          field: 'startTime',
          message: `${span(current.range.startTime, current.range.endTime)} overlaps ${span(previous.range.startTime, previous.range.endTime)}`,
        });
      }
    }
  }
  return problems;
}

export const WeeklyRanges = z
  .array(WeeklyRange)
  .max(42, 'At most 6 ranges a day')
  .superRefine((ranges, ctx) => {
    for (const problem of weeklyRangeProblems(ranges)) ctx.addIssue({ code: 'custom', path: [problem.index, problem.field], message: problem.message });
  });

export const UnavailableBlockInput = z
  .object({
    date: DateText,
    /** Both null: the whole day. */
    startTime: text().regex(START_PATTERN, 'Use a time like 09:00').nullable(),
    // a stored block ends at a time of day (the column holds 00:00–23:59); the rest of a day is 23:59, a whole day has no times
    endTime: text().regex(START_PATTERN, 'Use a time like 12:30 (23:59 at the latest)').nullable(),
    reason: text().trim().min(1, 'Say why (vacation, conference, …)').max(255, 'At most 255 characters'),
  })
  .strict()
  .superRefine((block, ctx) => {
    if ((block.startTime === null) !== (block.endTime === null)) {
      ctx.addIssue({ code: 'custom', path: [block.startTime === null ? 'startTime' : 'endTime'], message: 'Give both times, or neither for the whole day' });
    } else if (block.startTime && block.endTime && START_PATTERN.test(block.startTime) && START_PATTERN.test(block.endTime) && minutesOf(block.endTime) <= minutesOf(block.startTime)) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The block must end after it starts' });
    }
  });
export type UnavailableBlockInput = z.infer<typeof UnavailableBlockInput>;

/**
 * What to do with booked appointments a change would leave outside the doctor's hours:
 * refuse (CONFLICT listing them; nothing changes), keep them as they are, or cancel exactly the
 * ones the admin was shown, all with one reason.
 */
export const ConflictResolution = z.discriminatedUnion('conflicts', [
  z.object({ conflicts: z.literal('refuse') }).strict(),
  z.object({ conflicts: z.literal('keep') }).strict(),
  z
    .object({
      conflicts: z.literal('cancel'),
      reason: text().trim().min(1, 'Give the reason the patients will be told').max(500),
      appointmentIds: z.array(Id).max(500),
    })
    .strict(),
]);
export type ConflictResolution = z.infer<typeof ConflictResolution>;

export const DoctorScheduleInput = z.object({ doctorId: Id }).strict();
export const PreviewWeeklyInput = z.object({ doctorId: Id, weekly: WeeklyRanges }).strict();
export const SaveWeeklyInput = z.object({ doctorId: Id, weekly: WeeklyRanges, resolution: ConflictResolution }).strict();
export const PreviewBlockInput = z.object({ doctorId: Id, block: UnavailableBlockInput }).strict();
export const AddBlockInput = z.object({ doctorId: Id, block: UnavailableBlockInput, resolution: ConflictResolution }).strict();
export const RemoveBlockInput = z.object({ doctorId: Id, blockId: Id }).strict();

export interface WeeklyRangeView extends WeeklyRange {
  id: number;
}

export interface BlockView {
  id: number;
  date: string;
  startTime: string | null;
  endTime: string | null;
  reason: string | null;
}

export interface DoctorScheduleView {
  doctorId: number;
  weekly: WeeklyRangeView[];
  /** Today's and later blocks, oldest first. */
  blocks: BlockView[];
}

export interface PatientContact {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

/** A booked appointment a schedule change would leave outside the doctor's hours. */
export interface AffectedAppointment {
  appointmentId: number;
  date: string;
  time: string;
  durationMinutes: number;
  status: string;
  appointmentType: string;
  patient: PatientContact;
}

export interface ScheduleChangeResult {
  schedule: DoctorScheduleView;
  /** Cancelled in this step, each through the scheduling engine (and each on the audit trail). */
  cancelled: AffectedAppointment[];
  /** Kept although outside the new hours ('keep'). */
  kept: AffectedAppointment[];
  /** Whom to tell, with how to reach them: a later step sends the notices. */
  notify: (PatientContact & { appointmentId: number; date: string; time: string })[];
}
