import { DateTime } from 'luxon';
import type { SystemAuditLog } from '../../../../shared/documents';
import type { AuditSearchInput } from '../../../../shared/ipc/auth-schemas';
import { AppFailure } from '../../../../shared/ipc/result';
import type { AuditEntryView, AuditPage } from '../../../../shared/ipc/types';
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

function toView(log: SystemAuditLog): AuditEntryView {
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
  };
}

export async function searchAuditTrail(stores: { sql: SqlStore; documents: DocumentStore }, query: AuditSearchInput): Promise<AuditPage> {
  const { documents } = stores;
  // Dates are the clinic's calendar days, whatever the workstation's own zone.
  const { timezone } = await loadClinicSettings(stores.sql.models);
  const cursor = decodeCursor(query.cursor);
  const from = query.fromDate ? DateTime.fromISO(query.fromDate, { zone: timezone }).startOf('day').toJSDate() : undefined;
  const endOfRange = query.toDate ? DateTime.fromISO(query.toDate, { zone: timezone }).endOf('day').toJSDate() : undefined;
  const before = cursor ? new Date(cursor.t) : undefined;
  const upper = before && endOfRange ? (before < endOfRange ? before : endOfRange) : (before ?? endOfRange);
  const filter: DocumentFilter<SystemAuditLog> = {
    userId: query.userId,
    userType: query.userType,
    patientId: query.patientId,
    action: query.action,
    timestamp: from || upper ? { ...(from ? { $gte: from } : {}), ...(upper ? { $lte: upper } : {}) } : undefined,
  };
  const skip = cursor && upper === before ? cursor.n : 0;
  const rows = await documents.systemAuditLogs.find(filter, { sort: { timestamp: 'desc' }, limit: query.limit + 1, skip });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  if (rows.length <= query.limit || !last) return { entries: page.map(toView), next: null };
  const lastTime = last.timestamp.getTime();
  const sameTime = page.filter((row) => row.timestamp.getTime() === lastTime).length;
  const n = skip > 0 && page.every((row) => row.timestamp.getTime() === lastTime) ? skip + sameTime : sameTime;
  return { entries: page.map(toView), next: encodeCursor({ t: lastTime, n }) };
}
