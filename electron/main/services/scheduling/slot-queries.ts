import { addDays, datesBetween, freeSlots, instantToWall } from '../../../../shared/domain/scheduling';
import type { SlotView } from '../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { cachedClinicSettings, schedulingRules } from './rules';
import { loadSchedules } from './schedule-query';
import { toSlotView } from './slot-view';
import { findSoonestSlots, type SoonestQuery } from './soonest';

/** All free slots of one doctor over a few days (the calendar's "book here" candidates). */
export async function listFreeSlots(
  sql: SqlStore,
  input: { doctorId: number; fromDate: string; days: number; durationMinutes?: number },
  clock: EpochMinuteClock,
): Promise<SlotView[]> {
  const settings = await cachedClinicSettings(sql);
  const rules = schedulingRules(settings);
  const to = addDays(input.fromDate, input.days - 1);
  const { doctors, schedules } = await loadSchedules(sql.sequelize, { doctorIds: [input.doctorId] }, addDays(input.fromDate, -1), to);
  const doctor = doctors[0];
  const schedule = schedules.get(input.doctorId);
  if (!doctor || !schedule) return [];
  const slots = freeSlots(schedule, rules, {
    now: clock(),
    dates: datesBetween(input.fromDate, to),
    durationMinutes: input.durationMinutes ?? settings.defaultDurationMinutes,
  });
  return slots.map((slot) => toSlotView(doctor, slot));
}

export async function soonestSlots(
  sql: SqlStore,
  input: Omit<SoonestQuery, 'durationMinutes'> & { durationMinutes?: number },
  clock: EpochMinuteClock,
): Promise<SlotView[]> {
  const settings = await cachedClinicSettings(sql);
  const rules = schedulingRules(settings);
  const now = clock();
  const { candidates } = await findSoonestSlots(
    sql.sequelize,
    rules,
    { ...input, durationMinutes: input.durationMinutes ?? settings.defaultDurationMinutes, fromDate: input.fromDate ?? instantToWall(now, rules.timezone).date },
    now,
  );
  return candidates.map((c) => toSlotView(c.doctor, c));
}
