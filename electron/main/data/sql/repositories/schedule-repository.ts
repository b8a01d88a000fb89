import type { Sequelize, Transaction } from 'sequelize';
import { LIVE_STATUSES } from '../../../../../shared/domain/scheduling';
import { dialectOf } from '../connection';
import { leanSelect, marks, type LeanParam } from '../lean-statements';

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

/**
 * One row of the schedule statement, a common column layout for five kinds: `d` a doctor, `a`
 * a weekly hours row, `u` an unavailable block, `p` a live appointment of a chosen doctor, `q` a
 * live appointment of the booking's patient.
 */
export interface ScheduleRow {
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

/** The active doctors a filter picks, as conditions on `doctors d` and named replacements (for `sequelize.query`). */
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


/** The same as one condition with positional parameters (for `leanSelect`). */
export function chosenDoctorsWhere(filter: DoctorFilter): { where: string; params: LeanParam[] } {
  const conditions = ['d.is_active = 1'];
  const params: LeanParam[] = [];
  if (filter.doctorIds) {
    const ids = filter.doctorIds.length > 0 ? filter.doctorIds : [0];
    conditions.push(`d.id IN (${marks(ids.length)})`);
    params.push(...ids);
  }
  if (filter.specialization) {
    conditions.push('d.specialization = ?');
    params.push(filter.specialization);
  }
  return { where: conditions.join(' AND '), params };
}

/**
 * Everything the slot rules need about a set of doctors over a date range, in ONE statement:
 * the doctors, their weekly hours, their unavailable dates and their live appointments (and, for
 * a booking, the patient's live appointments), as a UNION ALL of selects with a common column
 * layout. Each select uses its table's (doctor_id, date) or (patient_id, date) index.
 */
export async function scheduleRows(sequelize: Sequelize, filter: DoctorFilter, from: string, to: string, parts: ScheduleParts = {}, transaction?: Transaction): Promise<ScheduleRow[]> {
  const doctors = chosenDoctorsWhere(filter);
  const chosen = `SELECT d.id FROM doctors d WHERE ${doctors.where}`;
  const live = marks(LIVE_STATUSES.length);
  let sql = `
    SELECT 'd' AS kind, d.id AS doctor_id, d.buffer_minutes AS num1, NULL AS day, NULL AS t1, NULL AS t2, NULL AS num2,
           d.first_name AS txt1, d.last_name AS txt2, d.specialization AS txt3
      FROM doctors d WHERE ${doctors.where}
    UNION ALL
    SELECT 'a', a.doctor_id, a.day_of_week, NULL, a.start_time, a.end_time, a.is_available, NULL, NULL, NULL
      FROM doctor_availability a WHERE a.doctor_id IN (${chosen})
    UNION ALL
    SELECT 'u', u.doctor_id, NULL, u.unavailable_date, u.start_time, u.end_time, NULL, u.reason, NULL, NULL
      FROM doctor_unavailable_dates u WHERE u.doctor_id IN (${chosen}) AND u.unavailable_date BETWEEN ? AND ?`;
  const params: LeanParam[] = [...doctors.params, ...doctors.params, ...doctors.params, from, to];
  if (parts.appointments !== false) {
    sql += `
    UNION ALL
    SELECT 'p', p.doctor_id, p.id, p.appointment_date, p.appointment_time, NULL, p.duration_minutes, NULL, NULL, NULL
      FROM appointments p WHERE p.doctor_id IN (${chosen}) AND p.appointment_date BETWEEN ? AND ? AND p.status IN (${live})`;
    params.push(...doctors.params, from, to, ...LIVE_STATUSES);
  }
  if (parts.patientId !== undefined) {
    sql += `
    UNION ALL
    SELECT 'q', p.doctor_id, p.id, p.appointment_date, p.appointment_time, NULL, p.duration_minutes, NULL, NULL, NULL
      FROM appointments p WHERE p.patient_id = ? AND p.appointment_date BETWEEN ? AND ? AND p.status IN (${live})`;
    params.push(parts.patientId, from, to, ...LIVE_STATUSES);
  }
  if (dialectOf(sequelize) === 'mysql') return leanSelect<ScheduleRow>(sequelize, sql, params, transaction);
  // SQLite: the rows as ONE JSON text, parsed here. node-sqlite3 builds every row as a JS object
  // through N-API, property by property: for a 50-doctor slot search (~1,600 rows) that cost
  // ~7 ms of CPU against ~0.6 ms for SQLite's own work; JSON.parse builds the same in well under 1.
  const [packed] = await leanSelect<{ rows: string }>(
    sequelize,
    `SELECT json_group_array(json_array(${SCHEDULE_COLUMNS.join(', ')})) AS rows FROM (${sql})`,
    params,
    transaction,
  );
  return (JSON.parse(packed?.rows ?? '[]') as ScheduleCells[]).map(rowOfCells);
}

/** The columns of the schedule statement, in order. */
const SCHEDULE_COLUMNS = ['kind', 'doctor_id', 'num1', 'day', 't1', 't2', 'num2', 'txt1', 'txt2', 'txt3'] as const;
type ScheduleCells = [ScheduleRow['kind'], number, number | null, string | null, string | null, string | null, number | null, string | null, string | null, string | null];

const rowOfCells = ([kind, doctor_id, num1, day, t1, t2, num2, txt1, txt2, txt3]: ScheduleCells): ScheduleRow => ({ kind, doctor_id, num1, day, t1, t2, num2, txt1, txt2, txt3 });
