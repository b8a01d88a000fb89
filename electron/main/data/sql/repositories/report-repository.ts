import { QueryTypes } from 'sequelize';
import type { SqlStore } from '../open-sql-store';

/** `CASE WHEN col < :b1 THEN 0 … END`: the week index of a date column, dialect-neutral. */
function weekCase(column: string, boundaries: number): string {
  const whens = Array.from({ length: boundaries }, (_, i) => `WHEN ${column} < :b${i + 1} THEN ${i}`).join(' ');
  return `CASE ${whens} END`;
}

export interface ReportRange {
  /** The report's week starts, first to last. */
  weeks: string[];
  /** The date after the last week (exclusive). */
  end: string;
  /** Only these doctors; undefined for all. */
  doctorIds?: number[];
  /** The instants of every week start and of `end`, in the clinic's zone: for patients.created_at. */
  weekStartInstants: Date[];
}

export interface ReportCounts {
  doctors: { id: number; first_name: string; last_name: string; specialization: string; is_active: number | boolean }[];
  weekly: { doctor_id: number; day_of_week: number; start_time: string; end_time: string; is_available: number | boolean }[];
  blocks: { doctor_id: number; unavailable_date: string; start_time: string | null; end_time: string | null }[];
  perDoctor: { doctor_id: number; wk: number; booked: number | string | null }[];
  perStatus: { wk: number; status: string; appointment_type: string; n: number | string }[];
  newPatients: { wk: number; n: number | string }[];
}

/** The report's reads: the small schedule tables as rows, appointments and patients counted by the database. */
export interface ReportRepository {
  /** Six statements in parallel: doctors, weekly hours, days off, booked minutes and counts by week, new patients by week. */
  weeklyCounts(range: ReportRange): Promise<ReportCounts>;
}

export function reportRepository(sql: SqlStore): ReportRepository {
  return {
    async weeklyCounts({ weeks, end, doctorIds, weekStartInstants }) {
      const from = weeks[0];
      const filter = doctorIds ? ' AND doctor_id IN (:doctorIds)' : '';
      const replacements: Record<string, unknown> = { from, end, doctorIds: doctorIds && doctorIds.length > 0 ? doctorIds : [0] };
      weeks.slice(1).forEach((w, i) => (replacements[`b${i + 1}`] = w));
      replacements[`b${weeks.length}`] = end;
      const q = <T extends object>(text: string, extra: Record<string, unknown> = {}) =>
        sql.sequelize.query<T>(text, { type: QueryTypes.SELECT, replacements: { ...replacements, ...extra } });
      const instants: Record<string, unknown> = {};
      weekStartInstants.forEach((instant, i) => (instants[`t${i}`] = instant));
      const patientCase = `CASE ${weeks.map((_, i) => `WHEN created_at < :t${i + 1} THEN ${i}`).join(' ')} END`;

      const [doctors, weekly, blocks, perDoctor, perStatus, newPatients] = await Promise.all([
        q<ReportCounts['doctors'][number]>(
          `SELECT id, first_name, last_name, specialization, is_active FROM doctors WHERE 1 = 1${filter.replace('doctor_id', 'id')} ORDER BY last_name, first_name, id`,
        ),
        q<ReportCounts['weekly'][number]>(`SELECT doctor_id, day_of_week, start_time, end_time, is_available FROM doctor_availability WHERE 1 = 1${filter}`),
        q<ReportCounts['blocks'][number]>(
          `SELECT doctor_id, unavailable_date, start_time, end_time FROM doctor_unavailable_dates WHERE unavailable_date >= :from AND unavailable_date < :end${filter}`,
        ),
        q<ReportCounts['perDoctor'][number]>(
          `SELECT doctor_id, ${weekCase('appointment_date', weeks.length)} AS wk, SUM(duration_minutes) AS booked
             FROM appointments WHERE appointment_date >= :from AND appointment_date < :end AND status <> 'Cancelled'${filter}
            GROUP BY doctor_id, wk`,
        ),
        q<ReportCounts['perStatus'][number]>(
          `SELECT ${weekCase('appointment_date', weeks.length)} AS wk, status, appointment_type, COUNT(*) AS n
             FROM appointments WHERE appointment_date >= :from AND appointment_date < :end${filter}
            GROUP BY wk, status, appointment_type`,
        ),
        // new patients do not depend on the doctor filter: they are the clinic's
        q<ReportCounts['newPatients'][number]>(
          `SELECT ${patientCase} AS wk, COUNT(*) AS n FROM patients WHERE created_at >= :t0 AND created_at < :t${weeks.length} GROUP BY wk`,
          instants,
        ),
      ]);
      return { doctors, weekly, blocks, perDoctor, perStatus, newPatients };
    },
  };
}
