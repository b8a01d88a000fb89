import type { Sequelize } from 'sequelize';
import {
  formatTime,
  instantToWall,
  isUniformDay,
  startOfDay,
  workingIntervals,
  type DoctorSchedule,
  type Interval,
} from '../../../../shared/domain/scheduling';
import type {
  CalendarAppointment,
  CalendarBlock,
  CalendarDay,
  WallTimeRange,
} from '../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { dayAppointmentRows, type DayAppointmentRow } from '../../data/sql/repositories/calendar-day-repository';
import { cachedClinicSettings, schedulingRules } from './rules';
import { cachedDoctorSchedules, type DoctorFilter } from './schedule-query';
import { doctorDisplayName } from './slot-view';

export interface CalendarDayQuery extends DoctorFilter {
  date: string;
}

export type { DayAppointmentRow };

async function dayAppointments(sequelize: Sequelize, query: CalendarDayQuery): Promise<Map<number, CalendarAppointment[]>> {
  const rows = await dayAppointmentRows(sequelize, query, query.date);
  const byDoctor = new Map<number, CalendarAppointment[]>();
  for (const row of rows) {
    const doctorId = Number(row.doctor_id);
    let list = byDoctor.get(doctorId);
    if (!list) byDoctor.set(doctorId, (list = []));
    list.push(toCalendarAppointment(row));
  }
  return byDoctor;
}

/** A row of the day (or week) query as the calendar shows it. */
export function toCalendarAppointment(row: DayAppointmentRow): CalendarAppointment {
  return {
    id: Number(row.id),
    patientId: Number(row.patient_id),
    patientFirstName: row.first_name,
    patientLastName: row.last_name,
    patientPhone: row.phone,
    time: row.appointment_time.slice(0, 5),
    durationMinutes: Number(row.duration_minutes),
    status: row.status,
    appointmentType: row.appointment_type,
    seriesId: row.series_id === null ? null : Number(row.series_id),
    checkedInAt: instantText(row.checked_in_at),
    inRoomAt: instantText(row.in_room_at),
    withDoctorAt: instantText(row.with_doctor_at),
    checkedOutAt: instantText(row.checked_out_at),
    walkIn: Number(row.walk_in) === 1 || row.walk_in === true,
  };
}

/** A TIMESTAMP/DATETIME as ISO 8601 UTC: mysql2 gives a Date, SQLite the text Sequelize stored. */
export function instantText(value: string | Date | null): string | null {
  if (value === null || value === undefined) return null;
  let date: Date;
  if (value instanceof Date) date = value;
  else {
    // '2026-12-07 09:05:00.000 +00:00' (Sequelize) or '2026-12-07 09:05:00' (CURRENT_TIMESTAMP, UTC)
    const text = value.trim().replace(' ', 'T').replace(' ', '');
    date = new Date(/([+-]\d\d:?\d\d|Z)$/.test(text) ? text : `${text}Z`);
  }
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * Minutes past the date's midnight on the clinic's wall clock, clamped to the date. On a day
 * without a clock change that is plain arithmetic; only DST days ask the zone rules (luxon's zone
 * lookups dominated the day view's time before this).
 */
function wallMinutesOn(date: string, instant: number, zone: string): number {
  if (isUniformDay(date, zone)) return Math.min(24 * 60, Math.max(0, instant - startOfDay(date, zone)));
  const wall = instantToWall(instant, zone);
  if (wall.date < date) return 0;
  return wall.date > date ? 24 * 60 : wall.minutes;
}

export function toWallRange(date: string, interval: Interval, zone: string): WallTimeRange {
  const end = wallMinutesOn(date, interval.end, zone);
  return {
    start: formatTime(wallMinutesOn(date, interval.start, zone)),
    end: end === 24 * 60 ? '24:00' : formatTime(end),
  };
}

export function blocksOn(date: string, schedule: DoctorSchedule): CalendarBlock[] {
  return schedule.blocks
    .filter((b) => b.date === date)
    .map((b) => {
      const wholeDay = b.startTime === null || b.endTime === null;
      return {
        start: wholeDay ? '00:00' : (b.startTime as string).slice(0, 5),
        end: wholeDay ? '24:00' : (b.endTime as string).slice(0, 5),
        wholeDay,
        reason: b.reason ?? null,
      };
    });
}

/**
 * The day view: for each chosen doctor, working hours, unavailable blocks and every appointment
 * of the date with the patient's name. Three queries run side by side whatever the number of
 * doctors: the settings, the schedules (without appointments) and the appointments; the first two
 * come from the reference cache when it holds them, leaving one.
 */
export async function calendarDay(sql: SqlStore, query: CalendarDayQuery): Promise<CalendarDay> {
  const filter: DoctorFilter = { doctorIds: query.doctorIds, specialization: query.specialization };
  const [settings, { doctors, schedules }, appointments] = await Promise.all([
    cachedClinicSettings(sql),
    cachedDoctorSchedules(sql.sequelize, filter, query.date, query.date),
    dayAppointments(sql.sequelize, query),
  ]);
  const rules = schedulingRules(settings);
  return {
    date: query.date,
    timezone: rules.timezone,
    doctors: doctors.map((doctor) => {
      const schedule = schedules.get(doctor.id) ?? { weekly: [], blocks: [], appointments: [] };
      return {
        doctorId: doctor.id,
        doctorName: doctorDisplayName(doctor),
        specialization: doctor.specialization,
        working: workingIntervals(query.date, schedule, rules).map((i) => toWallRange(query.date, i, rules.timezone)),
        blocks: blocksOn(query.date, schedule),
        appointments: appointments.get(doctor.id) ?? [],
      };
    }),
  };
}
