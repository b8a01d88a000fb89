import { prescriptionsCollection } from '../../data/documents/collections';
import type { DocumentStore } from '../../data/documents/document-store';
import { DOCUMENT_TABLES } from '../../data/documents/sqlite/document-tables';
import { openSqliteMirrorWriter } from '../../data/documents/sqlite/mirror-writes';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { readCursor, writeCursor } from './mirror-pull';
import { CURSOR_OVERLAP_MS } from './mirror-tables';

export interface CollectionPull {
  /** `doc:<collection>`, also the name of its cursor in sync_cursors. */
  collection: string;
  /** Documents written to the mirror (new or changed). */
  written: number;
  /** Server documents that fail the schema this app knows: left out, never half-stored. */
  skipped: number;
}

export interface DocumentPullOptions {
  /** Documents per page read from the server. */
  pageSize?: number;
}

const PRESCRIPTIONS_CURSOR = 'doc:prescriptions';

/**
 * Brings the documents a workstation needs while the server is away into its own SQLite file:
 * the prescriptions (the doctor's screens and the kiosk show them). Same ids, same createdAt and
 * updatedAt as on the server, so offline screens and later replays name the same prescription.
 *
 * Incremental by updatedAt, which the document server stamps on every change: documents stamped
 * since the cursor minus the SQL pull's overlap, in pages ordered by (updatedAt, id). Only
 * documents that differ from the local copy are written, so a second pull writes nothing.
 * Nothing is removed: prescriptions are never deleted (a change to a signed one is a new
 * version). Audit records, communication logs and feedback are not mirrored (see
 * docs/architecture.md, "Documents in the mirror").
 */
export async function pullMirrorDocuments(server: DocumentStore, local: SqlStore, options: DocumentPullOptions = {}): Promise<CollectionPull[]> {
  const pageSize = options.pageSize ?? 500;
  const writer = await openSqliteMirrorWriter(local.sequelize, prescriptionsCollection, DOCUMENT_TABLES.prescriptions);
  const cursor = await readCursor(local, PRESCRIPTIONS_CURSOR);
  let from = cursor ? new Date(cursor.getTime() - CURSOR_OVERLAP_MS) : new Date(0);
  // Keyset paging on a non-unique stamp: the documents already read that carry `from` itself
  // are skipped (ties are ordered by id on both stores), so no page is read twice or missed.
  let seenAtFrom = 0;
  let newest = cursor;
  const pull: CollectionPull = { collection: PRESCRIPTIONS_CURSOR, written: 0, skipped: 0 };
  for (;;) {
    const page = await server.prescriptions.find({ updatedAt: { $gte: from } }, { sort: { updatedAt: 'asc' }, skip: seenAtFrom, limit: pageSize, reads: 'replica-ok' });
    if (page.length === 0) break;
    const { written, skipped } = await writer.write(page);
    pull.written += written;
    pull.skipped += skipped;
    const lastAt = page[page.length - 1]!.updatedAt;
    const atLast = page.filter((document) => document.updatedAt.getTime() === lastAt.getTime()).length;
    seenAtFrom = lastAt.getTime() === from.getTime() ? seenAtFrom + atLast : atLast;
    from = lastAt;
    if (!newest || lastAt.getTime() > newest.getTime()) {
      newest = lastAt;
      await writeCursor(local, PRESCRIPTIONS_CURSOR, newest);
    }
    if (page.length < pageSize) break;
  }
  return [pull];
}

/**
 * Removes prescriptions this workstation wrote offline that the server does not hold under the
 * same id: the replay stored them under the server's own id (the next pull brings that copy),
 * or they became a conflict. A prescription the server has keeps its local copy until the pull.
 */
export async function dropOfflinePrescriptions(server: DocumentStore, local: SqlStore, ids: readonly string[]): Promise<number> {
  let dropped = 0;
  for (const id of new Set(ids)) {
    if (await server.prescriptions.findById(id)) continue;
    await local.sequelize.query(`DELETE FROM ${DOCUMENT_TABLES.prescriptions.table} WHERE id = :id`, { replacements: { id } });
    dropped++;
  }
  return dropped;
}
