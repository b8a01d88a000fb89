import { addDays, weekStartOf, workingIntervals } from '../../../../shared/domain/scheduling';
import { displayLocaleOf } from '../../../../shared/domain/settings-registry';
import { AppFailure } from '../../../../shared/ipc/result';
import type { CalendarAppointment } from '../../../../shared/ipc/scheduling-types';
import type { CalendarWeek, CalendarWeekDay } from '../../../../shared/ipc/calendar/types';
import type { CalendarWeekQuery } from '../../../../shared/ipc/calendar/schemas';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { calendarRepository } from '../../data/sql/repositories/calendar-repository';
import { blocksOn, toCalendarAppointment, toWallRange } from '../scheduling/calendar-day';
import { cachedClinicSettings, schedulingRules } from '../scheduling/rules';
import { cachedDoctorSchedules } from '../scheduling/schedule-query';
import { doctorDisplayName } from '../scheduling/slot-view';

/**
 * One doctor's week: hours, blocks and every appointment of the seven days. Three statements
 * whatever the week holds: the settings, the schedule over the seven dates (both from the
 * reference cache when it holds them), and ONE appointments query on the
 * (doctor_id, appointment_date, appointment_time) index.
 */
export async function calendarWeek(sql: SqlStore, query: CalendarWeekQuery): Promise<CalendarWeek> {
  const settings = await cachedClinicSettings(sql);
  const weekStart = weekStartOf(query.date, displayLocaleOf(settings).weekStart);
  const weekEnd = addDays(weekStart, 6);
  const [{ doctors, schedules }, rows] = await Promise.all([
    cachedDoctorSchedules(sql.sequelize, { doctorIds: [query.doctorId] }, weekStart, weekEnd),
    calendarRepository(sql).doctorAppointments(query.doctorId, weekStart, weekEnd),
  ]);
  const doctor = doctors[0];
  if (!doctor)
    throw new AppFailure('NOT_FOUND', 'This doctor does not exist or no longer works at the clinic.', {
      field: 'doctorId',
    });
  const rules = schedulingRules(settings);
  const schedule = schedules.get(doctor.id) ?? { weekly: [], blocks: [], appointments: [] };
  const byDate = new Map<string, CalendarAppointment[]>();
  for (const row of rows) {
    const date = row.appointment_date;
    const list = byDate.get(date) ?? [];
    list.push(toCalendarAppointment(row));
    byDate.set(date, list);
  }
  const days: CalendarWeekDay[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(weekStart, i);
    days.push({
      date,
      working: workingIntervals(date, schedule, rules).map((interval) => toWallRange(date, interval, rules.timezone)),
      blocks: blocksOn(date, schedule),
      appointments: byDate.get(date) ?? [],
    });
  }
  return {
    weekStart,
    timezone: rules.timezone,
    doctorId: doctor.id,
    doctorName: doctorDisplayName(doctor),
    specialization: doctor.specialization,
    days,
  };
}
