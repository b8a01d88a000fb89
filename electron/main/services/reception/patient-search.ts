import { QueryTypes } from 'sequelize';
import { isIsoDate } from '../../../../shared/domain/scheduling/wall-clock';
import type { PatientSummary } from '../../../../shared/ipc/reception/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { readFrom } from '../../data/sql/read-routing';

export interface PatientRow {
  id: number;
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  date_of_birth: string;
  is_active: number | boolean | null;
}

export const SUMMARY_COLUMNS = 'id, first_name, last_name, email, phone, date_of_birth, is_active';

export function toPatientSummary(row: PatientRow): PatientSummary {
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
  | { kind: 'phone'; prefix: string }
  | { kind: 'name'; tokens: string[] };

const PHONE_LIKE = /^\+?[0-9][0-9 ().-]*$/;
const DOTTED_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;

export function classifySearch(query: string): SearchKind {
  const text = query.trim();
  if (isIsoDate(text)) return { kind: 'birthDate', date: text };
  const dotted = DOTTED_DATE.exec(text);
  if (dotted) {
    const iso = `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}`;
    if (isIsoDate(iso)) return { kind: 'birthDate', date: iso };
  }
  if (text.includes('@')) return { kind: 'email', prefix: text.toLowerCase() };
  if (PHONE_LIKE.test(text) && text.replace(/\D/g, '').length >= 2) return { kind: 'phone', prefix: text };
  return {
    kind: 'name',
    tokens: text
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 2),
  };
}

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Typeahead over the patients: every branch is a prefix range on an index (names, email, phone,
 * date of birth), ordered by that index and cut at the limit inside the database, so a one-letter
 * search on 100k patients reads only `limit` rows per branch. One word matches a last name, a
 * first name or the start of an email; two words match first+last in either order. Branches are UNION ALLed in one round trip and merged here.
 */
async function searchPatientsOn(
  sql: SqlStore,
  input: { query: string; limit: number; includeInactive: boolean },
): Promise<PatientSummary[]> {
  const search = classifySearch(input.query);
  const sqlite = sql.dialect !== 'mysql';
  // SQLite: the indexes are NOCASE, and ORDER BY must say so to walk them
  const nocase = sqlite ? ' COLLATE NOCASE' : '';
  const active = input.includeInactive ? '' : ' AND (is_active = 1 OR is_active IS NULL)';
  // MySQL's LIKE escapes with a backslash by default (and '\' would not parse there); SQLite needs it said
  const escape = sqlite ? ` ESCAPE '\\'` : '';
  const branches: string[] = [];
  const replacements: Record<string, unknown> = { limit: input.limit };
  const branch = (where: string, order: string) =>
    `SELECT * FROM (SELECT ${SUMMARY_COLUMNS} FROM patients WHERE ${where}${active} ORDER BY ${order} LIMIT :limit) AS b${branches.length}`;
  switch (search.kind) {
    case 'birthDate':
      replacements.date = search.date;
      branches.push(branch('date_of_birth = :date', `last_name${nocase}, first_name${nocase}`));
      break;
    case 'email':
      replacements.email = likePrefix(search.prefix);
      branches.push(branch(`email LIKE :email${escape}`, 'email'));
      break;
    case 'phone':
      if (sqlite) {
        // phone's index is BINARY: a case-insensitive LIKE cannot use it, a GLOB (case-sensitive) can;
        // a phone prefix holds no GLOB wildcards (classifySearch lets only digits + ( ) - . and spaces through)
        replacements.phone = `${search.prefix}*`;
        branches.push(branch('phone GLOB :phone', 'phone'));
      } else {
        replacements.phone = likePrefix(search.prefix);
        branches.push(branch('phone LIKE :phone', 'phone'));
      }
      break;
    case 'name': {
      const [a = '', b] = search.tokens;
      replacements.a = likePrefix(a);
      if (b === undefined) {
        branches.push(branch(`last_name LIKE :a${escape}`, `last_name${nocase}, first_name${nocase}`));
        branches.push(branch(`first_name LIKE :a${escape}`, `first_name${nocase}, last_name${nocase}`));
        // an email typed before its @ ("orla.quenby") is one token too
        branches.push(branch(`email LIKE :a${escape}`, 'email'));
      } else {
        replacements.b = likePrefix(b);
        branches.push(
          branch(
            `first_name LIKE :a${escape} AND last_name LIKE :b${escape}`,
            `first_name${nocase}, last_name${nocase}`,
          ),
        );
        branches.push(
          branch(
            `last_name LIKE :a${escape} AND first_name LIKE :b${escape}`,
            `last_name${nocase}, first_name${nocase}`,
          ),
        );
      }
    }
  }
  // RAW: the rows are read once, here (a SELECT type would copy each row key by key)
  const [result] = await sql.sequelize.query(branches.join(' UNION ALL '), { replacements, type: QueryTypes.RAW });
  const rows = result as PatientRow[];
  const seen = new Set<number>();
  const unique = rows.map(toPatientSummary).filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
  const collator = new Intl.Collator('en', { sensitivity: 'base' });
  unique.sort(
    (x, y) => collator.compare(x.lastName, y.lastName) || collator.compare(x.firstName, y.firstName) || x.id - y.id,
  );
  return unique.slice(0, input.limit);
}

/** A typeahead: a patient registered a moment ago on another workstation may show a second later. */
export function searchPatients(sql: SqlStore, input: { query: string; limit: number; includeInactive: boolean }): Promise<PatientSummary[]> {
  return readFrom(sql, 'replica-ok', (reader) => searchPatientsOn(reader, input));
}
