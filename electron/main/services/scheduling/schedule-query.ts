import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import type { BusyAppointment, DoctorSchedule } from '../../../../shared/domain/scheduling';
import { LIVE_STATUSES } from '../../../../shared/domain/scheduling';
import { referenceCacheOf } from '../cache/reference-cache';

export interface DoctorSummary {
  id: number;
  firstName: string;
  lastName: string;
  specialization: string;
  bufferMinutes: number | null;
}

export interface DoctorFilter {
  doctorIds?: readonly number[];
  specialization?: string;
}

export interface ScheduleParts {
  /** Leave out the live appointments, for callers that read appointments their own way. Default true. */
  appointments?: boolean;
  /** Also this patient's live appointments over the dates (with any doctor): what booking checks. */
  patientId?: number;
}

export interface LoadedSchedules {
  doctors: DoctorSummary[];
  schedules: Map<number, DoctorSchedule>;
  /** The live appointments of `parts.patientId`; empty when none was asked for. */
  patientAppointments: BusyAppointment[];
}

interface UnionRow {
  kind: 'd' | 'a' | 'u' | 'p' | 'q';
  doctor_id: number;
  num1: number | null;
  day: string | null;
  t1: string | null;
  t2: string | null;
  num2: number | null;
  txt1: string | null;
  txt2: string | null;
  txt3: string | null;
}

/** The active doctors a filter picks, as conditions on `doctors d` and their replacements. */
export function chosenDoctors(filter: DoctorFilter): { conditions: string[]; replacements: Record<string, unknown> } {
  const conditions: string[] = ['d.is_active = :active'];
  const replacements: Record<string, unknown> = { active: true };
  if (filter.doctorIds) {
    conditions.push('d.id IN (:doctorIds)');
    replacements.doctorIds = filter.doctorIds.length > 0 ? filter.doctorIds : [0];
  }
  if (filter.specialization) {
    conditions.push('d.specialization = :specialization');
    replacements.specialization = filter.specialization;
  }
  return { conditions, replacements };
}

/**
 * Everything the slot rules need about a set of doctors over a date range, in ONE round trip:
 * the doctors, their weekly hours, their unavailable dates and their live appointments (and, for
 * a booking, the patient's live appointments), as a UNION ALL of selects with a common column
 * layout. The query count stays constant however many doctors and days are searched. Each
 * select uses its table's (doctor_id, date) or (patient_id, date) index.
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
  const doctors = chosenDoctors(filter);
  const doctorWhere = doctors.conditions;
  const replacements: Record<string, unknown> = { ...doctors.replacements, from, to, live: LIVE_STATUSES, patientId: parts.patientId ?? null };
  const chosen = `SELECT d.id FROM doctors d WHERE ${doctorWhere.join(' AND ')}`;
  const sql = `
    SELECT 'd' AS kind, d.id AS doctor_id, d.buffer_minutes AS num1, NULL AS day, NULL AS t1, NULL AS t2, NULL AS num2,
           d.first_name AS txt1, d.last_name AS txt2, d.specialization AS txt3
      FROM doctors d WHERE ${doctorWhere.join(' AND ')}
    UNION ALL
    SELECT 'a', a.doctor_id, a.day_of_week, NULL, a.start_time, a.end_time, a.is_available, NULL, NULL, NULL
      FROM doctor_availability a WHERE a.doctor_id IN (${chosen})
    UNION ALL
    SELECT 'u', u.doctor_id, NULL, u.unavailable_date, u.start_time, u.end_time, NULL, u.reason, NULL, NULL
      FROM doctor_unavailable_dates u WHERE u.doctor_id IN (${chosen}) AND u.unavailable_date BETWEEN :from AND :to` +
    (parts.appointments === false
      ? ''
      : `
    UNION ALL
    SELECT 'p', p.doctor_id, p.id, p.appointment_date, p.appointment_time, NULL, p.duration_minutes, NULL, NULL, NULL
      FROM appointments p WHERE p.doctor_id IN (${chosen}) AND p.appointment_date BETWEEN :from AND :to AND p.status IN (:live)`) +
    (parts.patientId === undefined
      ? ''
      : `
    UNION ALL
    SELECT 'q', p.doctor_id, p.id, p.appointment_date, p.appointment_time, NULL, p.duration_minutes, NULL, NULL, NULL
      FROM appointments p WHERE p.patient_id = :patientId AND p.appointment_date BETWEEN :from AND :to AND p.status IN (:live)`);
  // RAW, not SELECT: Sequelize copies every row of a SELECT key by key, the search's largest
  // cost after the database itself; the rows are read once, right here.
  const [rows] = await sequelize.query(sql, { type: QueryTypes.RAW, replacements, transaction });
  return assemble(rows as UnionRow[]);
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

function assemble(rows: UnionRow[]): LoadedSchedules {
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
