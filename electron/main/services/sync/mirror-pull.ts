import type { Transaction } from 'sequelize';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { readFrom } from '../../data/sql/read-routing';
import { mirrorFile, mirrorTables, type RowRange } from '../../data/sql/repositories/mirror-repository';
import { CURSOR_OVERLAP_MS, ID_BUCKET, MIRROR_TABLES, RECENT_OVERLAP_MS, type MirrorTable } from './mirror-tables';
import { sameRow, type Row } from './row-values';
import { LOWEST_LOCAL_ID } from '../../../../shared/domain/sync/local-ids';
import { mirroredPasswordHash } from '../auth/mirrored-hash';

export interface TablePull {
  table: string;
  /** Rows written to the mirror (new or changed). */
  written: number;
  /** Rows removed from the mirror because the server no longer has them. */
  removed: number;
}

export interface PullOptions {
  /** Rows per page read from the server (PULL_PAGE_ROWS unless a test asks for another). */
  pageSize?: number;
}

/**
 * Rows per page of a pull. A page is held twice (the server's rows and the mirror's copies to
 * compare) and written as one statement: 5,000 rows took main's heap up by about 150 MB during a
 * first pull of the medium clinic, and the process kept that memory for the rest of the day.
 */
const PULL_PAGE_ROWS = 1000;

/** Server rows as the mirror keeps them: a password hash only as its stand-in. */
function asMirrored(table: MirrorTable, rows: Row[]): Row[] {
  const column = table.passwordHashColumn;
  if (!column) return rows;
  return rows.map((row) => {
    const hash = row[column];
    return typeof hash === 'string' ? { ...row, [column]: mirroredPasswordHash(hash) } : row;
  });
}

/**
 * Brings this workstation's mirror (its own SQLite file) up to date with the clinic server:
 * rows changed since the last pull, rows the server removed, whole small tables. Idempotent:
 * pulling twice in a row writes nothing the second time. The server is only read.
 */
export function pullMirror(server: SqlStore, local: SqlStore, options: PullOptions = {}): Promise<TablePull[]> {
  // The mirror is a copy for when the server is away: a replica within the lag limit serves it,
  // and the cursor's overlap covers that lag. A replica lost halfway means a fresh pull from the primary.
  return readFrom(server, 'replica-ok', (reader) => pullFrom(reader, local, options));
}

async function pullFrom(server: SqlStore, local: SqlStore, options: PullOptions): Promise<TablePull[]> {
  const pageSize = options.pageSize ?? PULL_PAGE_ROWS;
  const results: TablePull[] = [];
  for (const table of MIRROR_TABLES) {
    const columns = await localColumns(local, table.table);
    const pull = { table: table.table, written: 0, removed: 0 };
    if (table.strategy === 'small') {
      Object.assign(pull, await pullWhole(server, local, table, columns));
    } else {
      if (table.strategy === 'updated') pull.written += await pullChangedSince(server, local, table, columns, pageSize);
      const reconciled = await reconcileBuckets(server, local, table, columns);
      pull.written += reconciled.written;
      pull.removed += reconciled.removed;
    }
    results.push(pull);
  }
  return results;
}

/**
 * Only what changes between pulls while the screens are on the server: patients, appointments
 * (and the series and doctors they point at) stamped since the cursor. Cheap enough to run at
 * every poll of the calendar's change feed, so that the mirror trails the server by seconds and
 * a record made online moments before an outage can be changed offline.
 */
export async function pullRecentChanges(server: SqlStore, local: SqlStore, options: RecentPullOptions = {}): Promise<RecentPull> {
  const pageSize = options.pageSize ?? PULL_PAGE_ROWS;
  // Taken before any table is read: every row committed after it is read by the next pull.
  const readAt = await mirrorTables(server).serverNow();
  const notBefore = options.previousReadAt ? new Date(options.previousReadAt.getTime() - RECENT_OVERLAP_MS) : null;
  const pulls: TablePull[] = [];
  for (const table of MIRROR_TABLES.filter((t) => RECENT_TABLES.has(t.table))) {
    const columns = await localColumns(local, table.table);
    const pull = { table: table.table, written: 0, removed: 0 };
    if (table.strategy === 'updated') pull.written += await pullChangedSince(server, local, table, columns, pageSize, notBefore);
    else Object.assign(pull, await reconcileBuckets(server, local, table, columns));
    pulls.push(pull);
  }
  return { pulls, readAt };
}

export interface RecentPullOptions extends PullOptions {
  /**
   * The server's clock when the previous recent pull began (its `readAt`): rows stamped more than
   * RECENT_OVERLAP_MS before it were read then and are not read again. Null or absent: the
   * whole overlap before the cursor, as the full pull reads.
   */
  previousReadAt?: Date | null;
}

export interface RecentPull {
  pulls: TablePull[];
  /** The server's clock when this pull began reading; null when the server has none to offer (SQLite). */
  readAt: Date | null;
}

/** The tables front-desk work changes all day, with the parents their new rows point at. */
const RECENT_TABLES: ReadonlySet<string> = new Set(['doctors', 'patients', 'appointment_series', 'appointments']);

const localColumns = (local: SqlStore, table: string): Promise<string[]> => mirrorFile(local).columns(table);

/** How far the mirror has read a table (or a collection, as `doc:<name>`): the newest stamp seen. */
export function readCursor(local: SqlStore, table: string): Promise<Date | null> {
  return mirrorFile(local).readCursor(table);
}

export function writeCursor(local: SqlStore, table: string, cursor: Date, transaction?: Transaction): Promise<void> {
  return mirrorFile(local).writeCursor(table, cursor, transaction);
}

/**
 * Rows stamped since the cursor (minus the overlap), page by page in (updated_at, id) order; none
 * stamped before `notBefore` when given (a recent pull: those were read by the one before).
 */
async function pullChangedSince(
  server: SqlStore,
  local: SqlStore,
  table: MirrorTable,
  columns: readonly string[],
  pageSize: number,
  notBefore: Date | null = null,
): Promise<number> {
  const cursor = await readCursor(local, table.table);
  const fromCursor = cursor ? cursor.getTime() - CURSOR_OVERLAP_MS : 0;
  let after: { at: Date; id: number } = { at: new Date(Math.max(fromCursor, notBefore?.getTime() ?? 0)), id: 0 };
  let written = 0;
  for (;;) {
    const page = asMirrored(table, await mirrorTables(server).changedSince(table.table, after, pageSize));
    if (page.length === 0) break;
    const changed = await changedRows(local, table.table, columns, page);
    const last = page[page.length - 1]!;
    after = { at: new Date(last.updated_at as Date | string), id: Number(last.id) };
    await local.sequelize.transaction(async (transaction) => {
      await mirrorFile(local).upsert(table.table, columns, changed, transaction);
      await writeCursor(local, table.table, after.at, transaction);
    });
    written += changed.length;
    if (page.length < pageSize) break;
  }
  return written;
}

/** The server rows that differ from (or are missing in) the mirror: re-reading the overlap writes nothing. */
async function changedRows(local: SqlStore, table: string, columns: readonly string[], serverRows: readonly Row[]): Promise<Row[]> {
  const ids = serverRows.map((row) => Number(row.id));
  const mine = await mirrorFile(local).rows(table, { kind: 'ids', ids });
  const byId = new Map(mine.map((row) => [Number(row.id), row]));
  return serverRows.filter((row) => {
    const current = byId.get(Number(row.id));
    return !current || !sameRow(row, current, columns);
  });
}

/**
 * Finds removed and missed rows without moving every id across the network: both sides count
 * and sum their ids per bucket of ID_BUCKET; only buckets that differ are compared id by id.
 */
async function reconcileBuckets(server: SqlStore, local: SqlStore, table: MirrorTable, columns: readonly string[]): Promise<{ written: number; removed: number }> {
  const [theirs, mine] = await Promise.all([mirrorTables(server).idBuckets(table.table, ID_BUCKET), mirrorFile(local).idBuckets(table.table, ID_BUCKET)]);
  const differing = [...new Set([...theirs.keys(), ...mine.keys()])].filter((bucket) => theirs.get(bucket) !== mine.get(bucket));
  let written = 0;
  let removed = 0;
  for (const bucket of differing) {
    const synced = await syncRows(server, local, table, columns, { kind: 'bucket', from: bucket * ID_BUCKET, to: (bucket + 1) * ID_BUCKET });
    written += synced.written;
    removed += synced.removed;
  }
  return { written, removed };
}

/** Small tables: both sides whole, compared row by row. */
function pullWhole(server: SqlStore, local: SqlStore, table: MirrorTable, columns: readonly string[]): Promise<{ written: number; removed: number }> {
  return syncRows(server, local, table, columns, { kind: 'all' });
}

/** Makes the mirror's rows in one range (a WHERE on both sides) equal to the server's, in one local transaction. */
async function syncRows(
  server: SqlStore,
  local: SqlStore,
  table: MirrorTable,
  columns: readonly string[],
  range: RowRange,
): Promise<{ written: number; removed: number }> {
  const file = mirrorFile(local);
  const fromServer = asMirrored(table, await mirrorTables(server).rows(table.table, range));
  const localIds = await file.ids(table.table, range);
  const onServer = new Set(fromServer.map((row) => Number(row.id)));
  const gone = localIds.filter((id) => !onServer.has(id));
  const changed = await changedRows(local, table.table, columns, fromServer);
  await local.sequelize.transaction(async (transaction) => {
    await file.removeIds(table.table, gone, transaction);
    await file.upsert(table.table, columns, changed, transaction);
  });
  return { written: changed.length, removed: gone.length };
}

/**
 * Reads the given rows again, whatever their change stamps say: a change made offline to a row
 * and then refused by the server left the mirror's copy different from a server row that did
 * not change, which a pull by updated_at would never revisit.
 */
export async function refreshMirrorRows(server: SqlStore, local: SqlStore, tableName: string, ids: readonly number[]): Promise<number> {
  const table = MIRROR_TABLES.find((candidate) => candidate.table === tableName);
  if (!table || ids.length === 0) return 0;
  const columns = await localColumns(local, table.table);
  let written = 0;
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += 500) {
    const synced = await syncRows(server, local, table, columns, { kind: 'ids', ids: unique.slice(start, start + 500) });
    written += synced.written + synced.removed;
  }
  return written;
}

/**
 * Swaps the rows this workstation made offline for the server's versions of them (`learned`: local
 * id to server id, from the replay), in one local transaction: should the server go away again
 * before the pull that follows, the mirror holds each record under one id or the other, never
 * neither, so a screen still naming the pending id keeps working. Rows without a server version
 * (their change became a conflict) go. Only once nothing is pending in the outbox.
 */
export async function replaceLocalRows(server: SqlStore, local: SqlStore, learned: ReadonlyMap<number | string, number | string>): Promise<number> {
  const serverRows = new Map<string, Row[]>();
  for (const table of MIRROR_TABLES) {
    const mine = await mirrorFile(local).ids(table.table, { kind: 'bucket', from: LOWEST_LOCAL_ID, to: Number.MAX_SAFE_INTEGER });
    const ids = mine.map((id) => learned.get(id)).filter((id): id is number => typeof id === 'number');
    if (ids.length > 0) serverRows.set(table.table, asMirrored(table, await mirrorTables(server).rows(table.table, { kind: 'ids', ids })));
  }
  const columns = new Map<string, string[]>();
  for (const table of serverRows.keys()) columns.set(table, await localColumns(local, table));
  return local.sequelize.transaction(async (transaction) => {
    const removed = await dropLocalRowsIn(local, transaction);
    for (const table of MIRROR_TABLES) {
      const rows = serverRows.get(table.table);
      if (rows) await mirrorFile(local).upsert(table.table, columns.get(table.table)!, rows, transaction);
    }
    return removed;
  });
}

/**
 * Removes the rows this workstation made offline (ids in the local ranges), children first. Only
 * once the outbox holds nothing pending: each was then applied on the server (and comes back
 * under the server's id with the pull) or is a conflict (kept in the outbox, not in the mirror).
 */
export function dropLocalRows(local: SqlStore): Promise<number> {
  return local.sequelize.transaction((transaction) => dropLocalRowsIn(local, transaction));
}

async function dropLocalRowsIn(local: SqlStore, transaction: Transaction): Promise<number> {
  let removed = 0;
  for (const table of [...MIRROR_TABLES].reverse()) {
    removed += await mirrorFile(local).removeFrom(table.table, LOWEST_LOCAL_ID, transaction);
  }
  return removed;
}
