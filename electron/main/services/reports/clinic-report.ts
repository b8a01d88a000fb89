import { addDays, dayOfWeek, startOfDay, workingIntervals, type SchedulingRules, type UnavailableBlock, type WeeklyRange } from '../../../../shared/domain/scheduling';
import {
  emptyByStatus,
  emptyByType,
  rates,
  reportWeeks,
  type ClinicReport,
  type ClinicReportInput,
  type CountsByStatus,
  type CountsByType,
  type DoctorUtilization,
} from '../../../../shared/ipc/admin/reports';
import { displayLocaleOf } from '../../../../shared/domain/settings-registry';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { readFrom } from '../../data/sql/read-routing';
import { reportRepository } from '../../data/sql/repositories/report-repository';
import { loadClinicSettings, schedulingRules } from '../scheduling/rules';

const minutesCovered = (intervals: { start: number; end: number }[]) => intervals.reduce((sum, i) => sum + (i.end - i.start), 0);

/**
 * The clinic report: per doctor and week booked vs available minutes, appointments by week,
 * status and type, no-show and cancellation rates, new patients. The appointments and patients
 * are counted by the database (GROUP BY over a date range, served by the covering index of
 * migration 202611250801); only the small schedule tables (weekly hours, days off) are read as
 * rows, to compute bookable minutes with the same rules as booking.
 */
async function clinicReportOn(sql: SqlStore, input: ClinicReportInput): Promise<ClinicReport> {
  const started = performance.now();
  const settings = await loadClinicSettings(sql.models);
  // weeks run from the clinic's first day of the week, as its calendar shows them
  const weeks = reportWeeks(input.fromDate, input.weeks, displayLocaleOf(settings).weekStart);
  const from = weeks[0]!;
  const end = addDays(from, weeks.length * 7); // exclusive
  const rules = schedulingRules(settings);
  // week boundaries as instants in the clinic's zone, for patients.created_at (a TIMESTAMP)
  const weekStartInstants = [...weeks, end].map((d) => new Date(startOfDay(d, rules.timezone) * 60000));
  const { doctors, weekly, blocks, perDoctor, perStatus, newPatients } = await reportRepository(sql).weeklyCounts({
    weeks,
    end,
    doctorIds: input.doctorIds,
    weekStartInstants,
  });

  const weeklyOf = new Map<number, WeeklyRange[]>();
  for (const r of weekly) {
    const list = weeklyOf.get(Number(r.doctor_id)) ?? [];
    list.push({ dayOfWeek: Number(r.day_of_week), startTime: r.start_time, endTime: r.end_time, isAvailable: Boolean(Number(r.is_available)) });
    weeklyOf.set(Number(r.doctor_id), list);
  }
  const blocksOf = new Map<number, UnavailableBlock[]>();
  for (const b of blocks) {
    const list = blocksOf.get(Number(b.doctor_id)) ?? [];
    list.push({ date: b.unavailable_date, startTime: b.start_time, endTime: b.end_time });
    blocksOf.set(Number(b.doctor_id), list);
  }
  const bookedOf = new Map<string, number>();
  for (const r of perDoctor) bookedOf.set(`${Number(r.doctor_id)}:${Number(r.wk)}`, Number(r.booked ?? 0));

  const utilization: DoctorUtilization[] = doctors.map((d) => {
    const id = Number(d.id);
    const available = availableMinutesByWeek(weeks, weeklyOf.get(id) ?? [], blocksOf.get(id) ?? [], rules);
    const rows = weeks.map((weekStart, i) => ({ weekStart, availableMinutes: available[i]!, bookedMinutes: bookedOf.get(`${id}:${i}`) ?? 0 }));
    return {
      doctorId: id,
      name: `Dr. ${d.first_name} ${d.last_name}`,
      specialization: d.specialization,
      isActive: Boolean(Number(d.is_active)),
      weeks: rows,
      availableMinutes: rows.reduce((s, r) => s + r.availableMinutes, 0),
      bookedMinutes: rows.reduce((s, r) => s + r.bookedMinutes, 0),
    };
  });

  const byWeek = weeks.map((weekStart, i) => ({
    weekStart,
    availableMinutes: utilization.reduce((s, d) => s + d.weeks[i]!.availableMinutes, 0),
    bookedMinutes: utilization.reduce((s, d) => s + d.weeks[i]!.bookedMinutes, 0),
    appointments: 0,
    byStatus: emptyByStatus(),
    byType: emptyByType(),
    newPatients: 0,
  }));
  for (const r of perStatus) {
    const week = byWeek[Number(r.wk)];
    if (!week) continue;
    const n = Number(r.n);
    week.appointments += n;
    if (r.status in week.byStatus) week.byStatus[r.status as keyof CountsByStatus] += n;
    if (r.appointment_type in week.byType) week.byType[r.appointment_type as keyof CountsByType] += n;
  }
  for (const r of newPatients) {
    const week = byWeek[Number(r.wk)];
    if (week) week.newPatients += Number(r.n);
  }
  const byStatus = emptyByStatus();
  const byType = emptyByType();
  for (const w of byWeek) {
    for (const k of Object.keys(byStatus) as (keyof CountsByStatus)[]) byStatus[k] += w.byStatus[k];
    for (const k of Object.keys(byType) as (keyof CountsByType)[]) byType[k] += w.byType[k];
  }
  const appointments = byWeek.reduce((s, w) => s + w.appointments, 0);
  return {
    from,
    to: addDays(end, -1),
    weeks,
    doctors: utilization,
    byWeek,
    totals: {
      availableMinutes: byWeek.reduce((s, w) => s + w.availableMinutes, 0),
      bookedMinutes: byWeek.reduce((s, w) => s + w.bookedMinutes, 0),
      appointments,
      byStatus,
      byType,
      newPatients: byWeek.reduce((s, w) => s + w.newPatients, 0),
      ...rates(byStatus, appointments),
    },
    elapsedMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/**
 * Bookable minutes per week with the booking rules (weekly hours ∩ opening hours − days off).
 * A date without a block has the same minutes as any other date of its weekday, so each
 * weekday is computed once; dates with blocks are computed on their own.
 */
function availableMinutesByWeek(weeks: string[], weekly: WeeklyRange[], blocks: UnavailableBlock[], rules: SchedulingRules): number[] {
  const byWeekday = new Map<number, number>();
  const blockedDates = new Set(blocks.map((b) => b.date));
  return weeks.map((first) => {
    let total = 0;
    for (let i = 0; i < 7; i++) {
      const date = addDays(first, i);
      if (blockedDates.has(date)) {
        total += minutesCovered(workingIntervals(date, { weekly, blocks }, rules));
        continue;
      }
      const weekday = dayOfWeek(date);
      let minutes = byWeekday.get(weekday);
      if (minutes === undefined) {
        minutes = minutesCovered(workingIntervals(date, { weekly, blocks: [] }, rules));
        byWeekday.set(weekday, minutes);
      }
      total += minutes;
    }
    return total;
  });
}

/** Reports look back over weeks: a replica serves them, sparing the primary the big GROUP BYs. */
export function clinicReport(sql: SqlStore, input: ClinicReportInput): Promise<ClinicReport> {
  return readFrom(sql, 'replica-ok', (reader) => clinicReportOn(reader, input));
}
