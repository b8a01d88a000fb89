import { QueryTypes } from 'sequelize';
import type { AppointmentStatus } from '../../../../../shared/domain/scheduling/lifecycle';
import type { PatientAppointment, PatientSummary } from '../../../../../shared/ipc/reception/types';
import type { AppointmentType } from '../../../../../shared/ipc/scheduling-types';
import type { SqlStore } from '../open-sql-store';

interface PatientRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  date_of_birth: string;
  is_active: number | boolean | null;
}

const SUMMARY_COLUMNS = 'id, first_name, last_name, email, phone, date_of_birth, is_active';

function toPatientSummary(row: PatientRow): PatientSummary {
  return {
    id: Number(row.id),
    firstName: row.first_name,
    lastName: row.last_name,
    email: row.email,
    phone: row.phone,
    dateOfBirth: String(row.date_of_birth).slice(0, 10),
    isActive: row.is_active === null ? true : Boolean(Number(row.is_active)),
  };
}

/** What the typed text is: decides which index serves the search. */
export type SearchKind =
  | { kind: 'birthDate'; date: string }
  | { kind: 'email'; prefix: string }
  /** As typed, and in the stored E.164 form when it can be told from the text (one index range each). */
  | { kind: 'phone'; prefixes: string[] }
  | { kind: 'name'; tokens: string[] };

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** One index range a search reads: its condition, and the order that walks its index. */
interface SearchRange {
  where: string;
  order: string;
}

/**
 * The index ranges for what was typed, shared by the search and its count so both read the same
 * patients. The typed text is bound as a parameter, never spliced into the statement (SQLite would
 * stop reading an inlined value at a NUL).
 */
function searchRanges(
  sql: SqlStore,
  search: SearchKind,
  includeInactive: boolean,
): { ranges: SearchRange[]; bind: Record<string, string>; active: string } {
  const sqlite = sql.dialect !== 'mysql';
  // SQLite: the indexes are NOCASE, and ORDER BY must say so to walk them
  const nocase = sqlite ? ' COLLATE NOCASE' : '';
  const active = includeInactive ? '' : ' AND (is_active = 1 OR is_active IS NULL)';
  // MySQL's LIKE escapes with a backslash by default (and '\' would not parse there); SQLite needs it said
  const escape = sqlite ? ` ESCAPE '\\'` : '';
  const ranges: SearchRange[] = [];
  const bind: Record<string, string> = {};
  switch (search.kind) {
    case 'birthDate':
      bind.date = search.date;
      ranges.push({ where: 'date_of_birth = $date', order: `last_name${nocase}, first_name${nocase}` });
      break;
    case 'email':
      bind.email = likePrefix(search.prefix);
      ranges.push({ where: `email LIKE $email${escape}`, order: 'email' });
      break;
    case 'phone':
      search.prefixes.forEach((prefix, i) => {
        if (sqlite) {
          // phone's index is BINARY: a case-insensitive LIKE cannot use it, a GLOB (case-sensitive) can;
          // a phone prefix holds no GLOB wildcards (classifySearch lets only digits + ( ) - . and spaces through)
          bind[`phone${i}`] = `${prefix}*`;
          ranges.push({ where: `phone GLOB $phone${i}`, order: 'phone' });
        } else {
          bind[`phone${i}`] = likePrefix(prefix);
          ranges.push({ where: `phone LIKE $phone${i}`, order: 'phone' });
        }
      });
      break;
    case 'name': {
      const [a = '', b] = search.tokens;
      bind.a = likePrefix(a);
      if (b === undefined) {
        ranges.push({ where: `last_name LIKE $a${escape}`, order: `last_name${nocase}, first_name${nocase}` });
        ranges.push({ where: `first_name LIKE $a${escape}`, order: `first_name${nocase}, last_name${nocase}` });
        // an email typed before its @ ("orla.quenby") is one token too
        ranges.push({ where: `email LIKE $a${escape}`, order: 'email' });
      } else {
        bind.b = likePrefix(b);
        ranges.push({
          where: `first_name LIKE $a${escape} AND last_name LIKE $b${escape}`,
          order: `first_name${nocase}, last_name${nocase}`,
        });
        ranges.push({
          where: `last_name LIKE $a${escape} AND first_name LIKE $b${escape}`,
          order: `last_name${nocase}, first_name${nocase}`,
        });
      }
    }
  }
  return { ranges, bind, active };
}

interface AppointmentRow {
  id: number;
  doctor_id: number;
  first_name: string;
  last_name: string;
  specialization: string;
  appointment_date: string;
  appointment_time: string;
  duration_minutes: number;
  status: AppointmentStatus;
  appointment_type: AppointmentType;
}

/** A patient who may be the same person as the one being entered, and why. */
export type LikelyDuplicate = PatientSummary & { why: 'name' | 'phone' };

/**
 * The patients' statements beyond the model's own reads and writes. SQLite's indexes on names are
 * NOCASE and its LIKE needs its escape said; MySQL's collation is case-insensitive already.
 */
export interface PatientRepository {
  /** Up to `limit` patients per index branch the search uses, in index order, possibly repeated across branches. */
  search(search: SearchKind, limit: number, includeInactive: boolean): Promise<PatientSummary[]>;
  /** How many patients the same search finds in all, each once, counted up to `cap`. */
  countMatches(search: SearchKind, includeInactive: boolean, cap: number): Promise<number>;
  /** Patients with the same names (any case) and birth date, or one of the phones as written. */
  likelyDuplicates(fields: { firstName: string; lastName: string; dateOfBirth: string }, phones: string[]): Promise<LikelyDuplicate[]>;
  /** The patient's appointments with their doctors, newest first, at most 500. */
  appointmentsOf(patientId: number): Promise<PatientAppointment[]>;
  /** Patients with exactly this name (any case) and date of birth, active or not (at most 10). */
  byNameAndBirthDate(fields: { firstName: string; lastName: string; dateOfBirth: string }): Promise<PatientSummary[]>;
  /** The patient's name and wish not to get email, or null when there is no such patient. */
  messagingFacts(patientId: number): Promise<{ firstName: string; lastName: string; emailOptOut: boolean } | null>;
  /** Per patient id given, whether the patient refuses email (ids not found are left out). */
  emailOptOuts(patientIds: number[]): Promise<Map<number, boolean>>;
  setEmailOptOut(patientId: number, optOut: boolean): Promise<void>;
}

const isSet = (flag: number | boolean | string | null) => flag === true || Number(flag) === 1;

export function patientRepository(sql: SqlStore): PatientRepository {
  return {
    async search(search, limit, includeInactive) {
      // the limit is a validated whole number, inlined (MySQL takes no parameter there)
      const rowLimit = Math.max(1, Math.trunc(limit));
      const { ranges, bind, active } = searchRanges(sql, search, includeInactive);
      const statement = ranges
        .map(
          (range, i) =>
            `SELECT * FROM (SELECT ${SUMMARY_COLUMNS} FROM patients WHERE ${range.where}${active} ORDER BY ${range.order} LIMIT ${rowLimit}) AS b${i}`,
        )
        .join(' UNION ALL ');
      // RAW: the rows are read once, here (a SELECT type would copy each row key by key)
      const [result] = await sql.sequelize.query(statement, { bind, type: QueryTypes.RAW });
      return (result as PatientRow[]).map(toPatientSummary);
    },

    async countMatches(search, includeInactive, cap) {
      const rowCap = Math.max(1, Math.trunc(cap));
      const { ranges, bind, active } = searchRanges(sql, search, includeInactive);
      // One patient found by two ranges counts once: the ranges are ORed in one WHERE. The inner
      // LIMIT stops the count at the cap, so a one-letter search never walks every patient.
      const where = ranges.map((range) => `(${range.where})`).join(' OR ');
      const statement = `SELECT COUNT(*) AS n FROM (SELECT id FROM patients WHERE (${where})${active} LIMIT ${rowCap}) AS matches`;
      const [result] = await sql.sequelize.query(statement, { bind, type: QueryTypes.RAW });
      return Number((result as { n: number | string }[])[0]?.n ?? 0);
    },

    async likelyDuplicates(fields, phones) {
      const nocase = sql.dialect === 'mysql' ? '' : ' COLLATE NOCASE';
      const [rows] = await sql.sequelize.query(
        `SELECT ${SUMMARY_COLUMNS}, 'name' AS why FROM patients
           WHERE last_name = $last${nocase} AND first_name = $first${nocase} AND date_of_birth = $dob
         UNION ALL
         SELECT ${SUMMARY_COLUMNS}, 'phone' AS why FROM patients WHERE phone IN (${phones.map((_, i) => `$phone${i}`).join(', ')})
         LIMIT 50`,
        {
          // The typed names and phone are bound as parameters, never spliced into the statement.
          bind: {
            last: fields.lastName,
            first: fields.firstName,
            dob: fields.dateOfBirth,
            ...Object.fromEntries(phones.map((phone, i) => [`phone${i}`, phone])),
          },
          type: QueryTypes.RAW,
        },
      );
      return (rows as (PatientRow & { why: 'name' | 'phone' })[]).map((row) => ({ ...toPatientSummary(row), why: row.why }));
    },

    async byNameAndBirthDate(fields) {
      const nocase = sql.dialect === 'mysql' ? '' : ' COLLATE NOCASE';
      const [rows] = await sql.sequelize.query(
        `SELECT ${SUMMARY_COLUMNS} FROM patients
           WHERE last_name = $last${nocase} AND first_name = $first${nocase} AND date_of_birth = $dob
           LIMIT 10`,
        { bind: { last: fields.lastName, first: fields.firstName, dob: fields.dateOfBirth }, type: QueryTypes.RAW },
      );
      return (rows as PatientRow[]).map(toPatientSummary);
    },

    async appointmentsOf(patientId) {
      const [rows] = await sql.sequelize.query(
        `SELECT a.id, a.doctor_id, d.first_name, d.last_name, d.specialization, a.appointment_date, a.appointment_time, a.duration_minutes, a.status, a.appointment_type
           FROM appointments a JOIN doctors d ON d.id = a.doctor_id
          WHERE a.patient_id = :patientId
          ORDER BY a.appointment_date DESC, a.appointment_time DESC
          LIMIT 500`,
        { replacements: { patientId }, type: QueryTypes.RAW },
      );
      return (rows as AppointmentRow[]).map((a) => ({
        id: Number(a.id),
        doctorId: Number(a.doctor_id),
        doctorName: `Dr. ${a.first_name} ${a.last_name}`,
        specialization: a.specialization,
        date: String(a.appointment_date).slice(0, 10),
        time: String(a.appointment_time).slice(0, 5),
        durationMinutes: Number(a.duration_minutes),
        status: a.status,
        appointmentType: a.appointment_type,
      }));
    },

    async messagingFacts(patientId) {
      const [row] = await sql.sequelize.query<{ first_name: string; last_name: string; email_opt_out: number | boolean | string | null }>(
        'SELECT first_name, last_name, email_opt_out FROM patients WHERE id = :id',
        { replacements: { id: patientId }, type: QueryTypes.SELECT },
      );
      return row ? { firstName: row.first_name, lastName: row.last_name, emailOptOut: isSet(row.email_opt_out) } : null;
    },

    async emailOptOuts(patientIds) {
      const flags = await sql.sequelize.query<{ id: number; email_opt_out: number | boolean | string | null }>(
        'SELECT id, email_opt_out FROM patients WHERE id IN (:ids)',
        { replacements: { ids: patientIds }, type: QueryTypes.SELECT },
      );
      return new Map(flags.map((flag) => [Number(flag.id), isSet(flag.email_opt_out)]));
    },

    async setEmailOptOut(patientId, optOut) {
      await sql.sequelize.query('UPDATE patients SET email_opt_out = :optOut WHERE id = :id', { replacements: { optOut, id: patientId } });
    },
  };
}
