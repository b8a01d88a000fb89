import type { Sequelize, Transaction } from 'sequelize';
import type { BusyAppointment, DoctorSchedule } from '../../../../shared/domain/scheduling';
import { chosenDoctors, scheduleRows, type DoctorFilter, type ScheduleParts, type ScheduleRow } from '../../data/sql/repositories/schedule-repository';
import { referenceCacheOf } from '../cache/reference-cache';

export interface DoctorSummary {
  id: number;
  firstName: string;
  lastName: string;
  specialization: string;
  bufferMinutes: number | null;
}

export type { DoctorFilter, ScheduleParts };
export { chosenDoctors };

export interface LoadedSchedules {
  doctors: DoctorSummary[];
  schedules: Map<number, DoctorSchedule>;
  /** The live appointments of `parts.patientId`; empty when none was asked for. */
  patientAppointments: BusyAppointment[];
}

/**
 * Everything the slot rules need about a set of doctors over a date range, in ONE round trip
 * (see `scheduleRows`): the query count stays constant however many doctors and days are
 * searched.
 */
export async function loadSchedules(
  sequelize: Sequelize,
  filter: DoctorFilter,
  from: string,
  to: string,
  transaction?: Transaction,
  parts: ScheduleParts = {},
): Promise<LoadedSchedules> {
  if (filter.doctorIds?.length === 0) return { doctors: [], schedules: new Map(), patientAppointments: [] };
  return assemble(await scheduleRows(sequelize, filter, from, to, parts, transaction));
}

/**
 * The doctors, weekly hours and days off of `loadSchedules` without appointments, from the
 * store's reference cache (read through on a miss): what the calendar views show around the
 * appointments they read themselves. Not for transactions: those call `loadSchedules`.
 */
export function cachedDoctorSchedules(sequelize: Sequelize, filter: DoctorFilter, from: string, to: string): Promise<LoadedSchedules> {
  const key = `schedules:${JSON.stringify([filter.doctorIds ?? null, filter.specialization ?? null, from, to])}`;
  return referenceCacheOf(sequelize).read(key, () => loadSchedules(sequelize, filter, from, to, undefined, { appointments: false }));
}

function assemble(rows: ScheduleRow[]): LoadedSchedules {
  const doctors: DoctorSummary[] = [];
  const patientAppointments: BusyAppointment[] = [];
  const schedules = new Map<number, { weekly: DoctorSchedule['weekly'][number][]; blocks: DoctorSchedule['blocks'][number][]; appointments: DoctorSchedule['appointments'][number][]; bufferMinutes: number | null }>();
  const scheduleOf = (id: number) => {
    let s = schedules.get(id);
    if (!s) {
      s = { weekly: [], blocks: [], appointments: [], bufferMinutes: null };
      schedules.set(id, s);
    }
    return s;
  };
  for (const row of rows) {
    if (row.kind === 'q') {
      patientAppointments.push({ id: Number(row.num1), date: row.day as string, time: row.t1 as string, durationMinutes: Number(row.num2) });
      continue;
    }
    const id = Number(row.doctor_id);
    const schedule = scheduleOf(id);
    switch (row.kind) {
      case 'd':
        schedule.bufferMinutes = row.num1 === null ? null : Number(row.num1);
        doctors.push({ id, firstName: row.txt1 ?? '', lastName: row.txt2 ?? '', specialization: row.txt3 ?? '', bufferMinutes: schedule.bufferMinutes });
        break;
      case 'a':
        schedule.weekly.push({ dayOfWeek: Number(row.num1), startTime: row.t1 as string, endTime: row.t2 as string, isAvailable: Boolean(Number(row.num2)) });
        break;
      case 'u':
        schedule.blocks.push({ date: row.day as string, startTime: row.t1, endTime: row.t2, reason: row.txt1 });
        break;
      case 'p':
        schedule.appointments.push({ id: Number(row.num1), date: row.day as string, time: row.t1 as string, durationMinutes: Number(row.num2) });
        break;
    }
  }
  doctors.sort((a, b) => a.id - b.id);
  return { doctors, schedules: schedules as Map<number, DoctorSchedule>, patientAppointments };
}
