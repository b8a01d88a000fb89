import { DateTime } from 'luxon';
import { displayLocaleOf } from '../../../../shared/domain/settings-registry';
import type { SystemAuditLog } from '../../../../shared/documents';
import type { AuditExportInput, AuditSearchInput } from '../../../../shared/ipc/auth-schemas';
import { csvDocument, csvLine } from '../../../../shared/ipc/admin/report-csv';
import { formatMoment } from '../../../../shared/domain/display-format';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { instantToWall } from '../../../../shared/domain/scheduling';
import { AppFailure } from '../../../../shared/ipc/result';
import type { AuditEntryView, AuditExport, AuditPage, AuditPerson } from '../../../../shared/ipc/types';
import { actionSentence } from '../../../../shared/domain/audit/action-sentences';
import { auditPeopleRepository } from '../../data/sql/repositories/audit-people-repository';
import type { DocumentFilter, DocumentStore } from '../../data/documents/document-store';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { loadClinicSettings } from '../scheduling/rules';

/**
 * Keyset paging, newest first: the cursor holds the last timestamp shown and how many records
 * with exactly that timestamp were shown already. Each page is one indexed range read on
 * timestamp (plus the equality filters), however deep the reader pages into a million records.
 */
interface Cursor {
  t: number;
  n: number;
}

function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (Number.isFinite(value.t) && Number.isInteger(value.n) && (value.n ?? -1) >= 0) return value as Cursor;
  } catch {
    // fall through
  }
  throw new AppFailure('VALIDATION', 'cursor: This page link is not valid; start the search again.', { fields: [{ field: 'cursor', message: 'Not a valid cursor' }] });
}

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function toView(log: SystemAuditLog, names: PeopleNames): AuditEntryView {
  const details = (log.details ?? {}) as Record<string, unknown>;
  return {
    id: log.id,
    timestamp: log.timestamp.toISOString(),
    userId: log.userId ?? null,
    userType: log.userType,
    action: log.action,
    resourceType: log.resourceType,
    resourceId: log.resourceId ?? null,
    patientId: log.patientId ?? null,
    workstation: log.workstation ?? null,
    ipAddress: log.ipAddress ?? null,
    outcome: details.outcome === 'denied' ? 'denied' : 'allowed',
    userName: log.userType === 'system' ? 'System' : log.userId === undefined ? null : (names.get(personKey(kindOfUserType(log.userType), log.userId)) ?? null),
    patientName: log.patientId === undefined ? null : (names.get(personKey('patient', log.patientId)) ?? null),
    actionText: actionSentence(log.action),
  };
}

type PeopleNames = Map<string, string>;
const personKey = (kind: AuditPerson['kind'], id: number) => `${kind}:${id}`;

function kindOfUserType(userType: string): AuditPerson['kind'] {
  if (userType === 'doctor') return 'doctor';
  if (userType === 'patient') return 'patient';
  return 'staff';
}

const STAFF_TYPES = ['front_desk', 'admin', 'super_admin'] as const;

/** The records name people by id only: one read per table for the names a page shows. */
async function namesFor(sql: SqlStore, logs: readonly SystemAuditLog[]): Promise<PeopleNames> {
  const ids = { staff: new Set<number>(), doctors: new Set<number>(), patients: new Set<number>() };
  for (const log of logs) {
    if (log.userId !== undefined && log.userType !== 'system') {
      const kind = kindOfUserType(log.userType);
      (kind === 'staff' ? ids.staff : kind === 'doctor' ? ids.doctors : ids.patients).add(log.userId);
    }
    if (log.patientId !== undefined) ids.patients.add(log.patientId);
  }
  const rows = await auditPeopleRepository(sql).namesOf({ staff: [...ids.staff], doctors: [...ids.doctors], patients: [...ids.patients] });
  return new Map(rows.map((row) => [personKey(row.kind, row.id), row.name]));
}

export async function viewsOf(sql: SqlStore, logs: readonly SystemAuditLog[]): Promise<AuditEntryView[]> {
  const names = await namesFor(sql, logs);
  return logs.map((log) => toView(log, names));
}

/**
 * The equality filters of a search. The user kind narrows the user type, so a staff member and
 * a doctor who share an id are never mixed up.
 */
function userTypeFilter(query: AuditFilters): DocumentFilter<SystemAuditLog>['userType'] {
  if (query.userType) {
    if (query.userKind && kindOfUserType(query.userType) !== query.userKind) {
      throw new AppFailure('VALIDATION', `userType: A ${query.userType} is not a ${query.userKind} account.`, { fields: [{ field: 'userType', message: 'Does not match the kind of user' }] });
    }
    return query.userType;
  }
  if (query.userKind === 'staff') return { $in: [...STAFF_TYPES] };
  return query.userKind;
}

async function timeRange(sql: SqlStore, query: AuditFilters): Promise<{ from?: Date; to?: Date }> {
  // Dates are the clinic's calendar days, whatever the workstation's own zone.
  const { timezone } = await loadClinicSettings(sql.models);
  return {
    ...(query.fromDate ? { from: DateTime.fromISO(query.fromDate, { zone: timezone }).startOf('day').toJSDate() } : {}),
    ...(query.toDate ? { to: DateTime.fromISO(query.toDate, { zone: timezone }).endOf('day').toJSDate() } : {}),
  };
}

type AuditFilters = Omit<AuditSearchInput, 'limit' | 'cursor'>;

export async function searchAuditTrail(stores: { sql: SqlStore; documents: DocumentStore }, query: AuditSearchInput): Promise<AuditPage> {
  const { documents } = stores;
  const cursor = decodeCursor(query.cursor);
  const { from, to: endOfRange } = await timeRange(stores.sql, query);
  const before = cursor ? new Date(cursor.t) : undefined;
  const upper = before && endOfRange ? (before < endOfRange ? before : endOfRange) : (before ?? endOfRange);
  const filter: DocumentFilter<SystemAuditLog> = {
    userId: query.userId,
    userType: userTypeFilter(query),
    patientId: query.patientId,
    action: query.action,
    timestamp: from || upper ? { ...(from ? { $gte: from } : {}), ...(upper ? { $lte: upper } : {}) } : undefined,
  };
  const skip = cursor && upper === before ? cursor.n : 0;
  const rows = await documents.systemAuditLogs.find(filter, { sort: { timestamp: 'desc' }, limit: query.limit + 1, skip });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const entries = await viewsOf(stores.sql, page);
  if (rows.length <= query.limit || !last) return { entries, next: null };
  const lastTime = last.timestamp.getTime();
  const sameTime = page.filter((row) => row.timestamp.getTime() === lastTime).length;
  const n = skip > 0 && page.every((row) => row.timestamp.getTime() === lastTime) ? skip + sameTime : sameTime;
  return { entries, next: encodeCursor({ t: lastTime, n }) };
}

const EXPORT_LIMIT = 10_000;
const RECORD_ACCESS_LIMIT = 50;

/**
 * The whole matching trail as CSV (the report module's writer: RFC 4180, formula cells
 * neutralised), newest first, at most EXPORT_LIMIT records: one indexed range read like a page.
 */
export async function exportAuditTrail(stores: { sql: SqlStore; documents: DocumentStore }, query: AuditExportInput, clock: EpochMinuteClock): Promise<AuditExport> {
  const { from, to } = await timeRange(stores.sql, query);
  const filter: DocumentFilter<SystemAuditLog> = {
    userId: query.userId,
    userType: userTypeFilter(query),
    patientId: query.patientId,
    action: query.action,
    timestamp: from || to ? { ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) } : undefined,
  };
  const rows = await stores.documents.systemAuditLogs.find(filter, { sort: { timestamp: 'desc' }, limit: EXPORT_LIMIT + 1 });
  const kept = rows.slice(0, EXPORT_LIMIT);
  const views = await viewsOf(stores.sql, kept);
  const settings = await loadClinicSettings(stores.sql.models);
  const { timezone } = settings;
  const display = displayLocaleOf(settings);
  const lines = [csvLine(['time', 'timestamp_utc', 'who', 'user_type', 'user_id', 'action', 'what', 'patient', 'patient_id', 'resource', 'workstation', 'outcome'])];
  for (const v of views) {
    lines.push(
      csvLine([
        formatMoment(v.timestamp, timezone, display, true),
        v.timestamp,
        v.userName,
        v.userType,
        v.userId,
        v.actionText,
        v.action,
        v.patientName,
        v.patientId,
        v.resourceId === null ? v.resourceType : `${v.resourceType} ${v.resourceId}`,
        v.workstation,
        v.outcome,
      ]),
    );
  }
  const today = instantToWall(clock(), timezone).date;
  return { fileName: `audit-trail-${today}.csv`, csv: csvDocument(lines), rows: views.length, truncated: rows.length > EXPORT_LIMIT };
}

/** Who opened or changed one patient's record, newest first: one read of the {patientId, timestamp} index. */
export async function recordAccess(stores: { sql: SqlStore; documents: DocumentStore }, patientId: number): Promise<AuditEntryView[]> {
  const patient = await stores.sql.models.Patient.findByPk(patientId, { attributes: ['id'] });
  if (!patient) throw new AppFailure('NOT_FOUND', 'That patient does not exist.');
  const rows = await stores.documents.systemAuditLogs.find({ patientId }, { sort: { timestamp: 'desc' }, limit: RECORD_ACCESS_LIMIT });
  return viewsOf(stores.sql, rows);
}

/** The filters' typeahead: staff and doctors, or patients, whose name starts with the typed text. */
export async function lookUpAuditPeople(sql: SqlStore, input: { kind: 'staff' | 'patient'; startsWith: string }): Promise<AuditPerson[]> {
  const people = auditPeopleRepository(sql);
  return input.kind === 'staff' ? people.staffNamed(input.startsWith) : people.patientsNamed(input.startsWith);
}
