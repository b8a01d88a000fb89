import type { Sequelize } from 'sequelize';
import {
  addDays,
  freeIntervals,
  horizonDate,
  instantToWall,
  slotsOnDate,
  earliestStart,
  firstSearchWindowEnd,
  type SchedulingRules,
  type Slot,
} from '../../../../shared/domain/scheduling';
import { loadSchedules, type DoctorFilter, type DoctorSummary } from './schedule-query';

export interface SoonestQuery extends DoctorFilter {
  durationMinutes: number;
  /** How many candidates to return. */
  count: number;
  /** Start searching on this date (clinic zone); default today. */
  fromDate?: string;
  /** How many days to search at most. */
  days: number;
}

export interface SlotCandidate extends Slot {
  doctor: DoctorSummary;
}

/**
 * The N soonest bookable slots over the chosen doctors, soonest first (ties: lower doctor id).
 * Reads in two windows of days, one query each (the first two dates the clinic opens, see
 * `firstSearchWindowEnd`, then the rest), so a typical search costs one query after the settings.
 */
export async function findSoonestSlots(
  sequelize: Sequelize,
  rules: SchedulingRules,
  query: SoonestQuery,
  now: number,
): Promise<{ candidates: SlotCandidate[]; queries: number }> {
  const today = instantToWall(now, rules.timezone).date;
  const start = query.fromDate && query.fromDate > today ? query.fromDate : today;
  const lastDate = [addDays(start, query.days - 1), horizonDate(rules, now)].sort()[0] as string;
  const notBefore = earliestStart(rules, now);
  const candidates: SlotCandidate[] = [];
  let queries = 0;
  let windowStart = start;
  let windowEnd = firstSearchWindowEnd(start, lastDate, rules);
  while (windowStart <= lastDate && candidates.length < query.count) {
    // one day either side: an appointment late the evening before can reach into the first day
    const { doctors, schedules } = await loadSchedules(sequelize, query, addDays(windowStart, -1), windowEnd);
    queries++;
    if (doctors.length === 0) break;
    for (let date = windowStart; date <= windowEnd && candidates.length < query.count; date = addDays(date, 1)) {
      const day: SlotCandidate[] = [];
      for (const doctor of doctors) {
        const schedule = schedules.get(doctor.id);
        if (!schedule) continue;
        const free = freeIntervals(date, schedule, rules);
        for (const slot of slotsOnDate(date, free, query.durationMinutes, rules, notBefore)) day.push({ ...slot, doctor });
      }
      day.sort((a, b) => a.startsAt - b.startsAt || a.doctor.id - b.doctor.id);
      candidates.push(...day.slice(0, query.count - candidates.length));
    }
    windowStart = addDays(windowEnd, 1);
    windowEnd = lastDate;
  }
  return { candidates, queries };
}
