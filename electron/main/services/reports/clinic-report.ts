import { QueryTypes } from 'sequelize';
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
import type { SqlStore } from '../../data/sql/open-sql-store';
import { readFrom } from '../../data/sql/read-routing';
import { loadClinicSettings, schedulingRules } from '../scheduling/rules';

/** `CASE WHEN col < :b1 THEN 0 … END`: the week index of a date column, dialect-neutral. */
function weekCase(column: string, boundaries: number): string {
  const whens = Array.from({ length: boundaries }, (_, i) => `WHEN ${column} < :b${i + 1} THEN ${i}`).join(' ');
  return `CASE ${whens} END`;
}

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
  const weeks = reportWeeks(input.fromDate, input.weeks);
  const from = weeks[0]!;
  const end = addDays(from, weeks.length * 7); // exclusive
  const filter = input.doctorIds ? ' AND doctor_id IN (:doctorIds)' : '';
  const replacements: Record<string, unknown> = { from, end, doctorIds: input.doctorIds && input.doctorIds.length > 0 ? input.doctorIds : [0] };
  weeks.slice(1).forEach((w, i) => (replacements[`b${i + 1}`] = w));
  replacements[`b${weeks.length}`] = end;
  const q = <T extends object>(text: string, extra: Record<string, unknown> = {}) =>
    sql.sequelize.query<T>(text, { type: QueryTypes.SELECT, replacements: { ...replacements, ...extra } });

  const settings = await loadClinicSettings(sql.models);
  const rules = schedulingRules(settings);
  // week boundaries as instants in the clinic's zone, for patients.created_at (a TIMESTAMP)
  const instants: Record<string, unknown> = {};
  [...weeks, end].forEach((d, i) => (instants[`t${i}`] = new Date(startOfDay(d, rules.timezone) * 60000)));
  const patientCase = `CASE ${weeks.map((_, i) => `WHEN created_at < :t${i + 1} THEN ${i}`).join(' ')} END`;

  const [doctors, weekly, blocks, perDoctor, perStatus, newPatients] = await Promise.all([
    q<{ id: number; first_name: string; last_name: string; specialization: string; is_active: number | boolean }>(
      `SELECT id, first_name, last_name, specialization, is_active FROM doctors WHERE 1 = 1${filter.replace('doctor_id', 'id')} ORDER BY last_name, first_name, id`,
    ),
    q<{ doctor_id: number; day_of_week: number; start_time: string; end_time: string; is_available: number | boolean }>(
      `SELECT doctor_id, day_of_week, start_time, end_time, is_available FROM doctor_availability WHERE 1 = 1${filter}`,
    ),
    q<{ doctor_id: number; unavailable_date: string; start_time: string | null; end_time: string | null }>(
      `SELECT doctor_id, unavailable_date, start_time, end_time FROM doctor_unavailable_dates WHERE unavailable_date >= :from AND unavailable_date < :end${filter}`,
    ),
    q<{ doctor_id: number; wk: number; booked: number | string | null }>(
      `SELECT doctor_id, ${weekCase('appointment_date', weeks.length)} AS wk, SUM(duration_minutes) AS booked
         FROM appointments WHERE appointment_date >= :from AND appointment_date < :end AND status <> 'Cancelled'${filter}
        GROUP BY doctor_id, wk`,
    ),
    q<{ wk: number; status: string; appointment_type: string; n: number | string }>(
      `SELECT ${weekCase('appointment_date', weeks.length)} AS wk, status, appointment_type, COUNT(*) AS n
         FROM appointments WHERE appointment_date >= :from AND appointment_date < :end${filter}
        GROUP BY wk, status, appointment_type`,
    ),
    // new patients do not depend on the doctor filter: they are the clinic's
    q<{ wk: number; n: number | string }>(
      `SELECT ${patientCase} AS wk, COUNT(*) AS n FROM patients WHERE created_at >= :t0 AND created_at < :t${weeks.length} GROUP BY wk`,
      instants,
    ),
  ]);

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
  return weeks.map((monday) => {
    let total = 0;
    for (let i = 0; i < 7; i++) {
      const date = addDays(monday, i);
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
