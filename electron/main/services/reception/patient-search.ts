import { readDateEntry } from '../../../../shared/domain/date-entry';
import { DEFAULT_DISPLAY_LOCALE } from '../../../../shared/domain/display-format';
import { isIsoDate } from '../../../../shared/domain/plain-date';
import { displayLocaleOf } from '../../../../shared/domain/settings-registry';
import { PATIENT_SEARCH_COUNT_CAP, type PatientSearchPage, type PatientSummary } from '../../../../shared/ipc/reception/types';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { readFrom } from '../../data/sql/read-routing';
import { patientRepository, type SearchKind } from '../../data/sql/repositories/patient-repository';
import { cachedClinicSettings } from '../scheduling/rules';

export type { SearchKind };

const PHONE_LIKE = /^\+?[0-9][0-9 ().-]*$/;
const DOTTED_DATE = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;

/**
 * Phones are stored as E.164 ("+447700900123"); rows from before may hold other forms. An
 * international number typed with spaces or dashes ("+44 7700 900", "0044 7700") is also looked
 * up in the stored form; the text as typed still finds the older rows.
 */
function phonePrefixes(text: string): string[] {
  const international = /^(\+|00)/.test(text);
  const stored = international ? `+${text.replace(/^00/, '').replace(/\D/g, '')}` : null;
  return [...new Set([text, ...(stored ? [stored] : [])])];
}

/**
 * What a search is for. A date of birth typed with slashes or dots is read in the clinic's order
 * (`locale`, its display locale): 03/04/1980 is 3 April in en-GB and March 4 in en-US.
 */
export function classifySearch(query: string, locale: string = DEFAULT_DISPLAY_LOCALE.locale): SearchKind {
  const text = query.trim();
  if (isIsoDate(text)) return { kind: 'birthDate', date: text };
  if (DOTTED_DATE.test(text)) {
    const iso = readDateEntry(text, locale);
    if (iso) return { kind: 'birthDate', date: iso };
  }
  if (text.includes('@')) return { kind: 'email', prefix: text.toLowerCase() };
  if (PHONE_LIKE.test(text) && text.replace(/\D/g, '').length >= 2) return { kind: 'phone', prefixes: phonePrefixes(text) };
  return {
    kind: 'name',
    tokens: text
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 2),
  };
}

/** The search as the clinic means it; the settings are read only for a typed date (not on every letter of a name). */
async function classifyOn(sql: SqlStore, query: string): Promise<SearchKind> {
  if (!DOTTED_DATE.test(query.trim())) return classifySearch(query);
  return classifySearch(query, displayLocaleOf(await cachedClinicSettings(sql)).locale);
}

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
  const search = await classifyOn(sql, input.query);
  const rows = await patientRepository(sql).search(search, input.limit, input.includeInactive);
  const seen = new Set<number>();
  const unique = rows.filter((p) => (seen.has(p.id) ? false : (seen.add(p.id), true)));
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

/**
 * The search with its total: the count reads the same index ranges, stopped at a cap, on the same
 * reader as the list so the two agree.
 */
export function searchPatientPage(
  sql: SqlStore,
  input: { query: string; limit: number; includeInactive: boolean },
): Promise<PatientSearchPage> {
  return readFrom(sql, 'replica-ok', async (reader) => {
    const patients = await searchPatientsOn(reader, input);
    const counted = await patientRepository(reader).countMatches(
      await classifyOn(reader, input.query),
      input.includeInactive,
      PATIENT_SEARCH_COUNT_CAP,
    );
    // a patient added between the two reads may be listed but not counted yet
    const total = Math.max(counted, patients.length);
    return { patients, total, totalIsAtLeast: counted >= PATIENT_SEARCH_COUNT_CAP };
  });
}
