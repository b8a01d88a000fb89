import { prescriptionsCollection } from '../../data/documents/collections';
import type { DocumentStore } from '../../data/documents/document-store';
import { DOCUMENT_TABLES } from '../../data/documents/sqlite/document-tables';
import { openSqliteMirrorWriter } from '../../data/documents/sqlite/mirror-writes';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { mirrorFile } from '../../data/sql/repositories/mirror-repository';
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
  /** Documents per batch: read together from the server's cursor, written in one local transaction. */
  batchSize?: number;
}

const PRESCRIPTIONS_CURSOR = 'doc:prescriptions';

/**
 * Brings the documents a workstation needs while the server is away into its own SQLite file:
 * the prescriptions (the doctor's screens and the kiosk show them). Same ids, same createdAt and
 * updatedAt as on the server, so offline screens and later replays name the same prescription.
 *
 * Incremental by updatedAt, stamped in the document server's time on every change
 * (document-server-clock.ts, whatever the writing workstation's clock says): documents stamped
 * since the cursor minus the SQL pull's overlap, in (updatedAt, id) order from ONE query, read
 * and written in batches. Each batch is one local transaction that also moves the cursor, so a
 * pull cut short resumes after the last batch written. Only documents that differ from the
 * local copy are written, so a second pull writes nothing. Nothing is removed: prescriptions
 * are never deleted (a change to a signed one is a new version). Audit records, communication
 * logs and feedback are not mirrored (see docs/architecture.md, "Documents in the mirror").
 */
export async function pullMirrorDocuments(server: DocumentStore, local: SqlStore, options: DocumentPullOptions = {}): Promise<CollectionPull[]> {
  const batchSize = options.batchSize ?? 1000;
  const writer = await openSqliteMirrorWriter(local.sequelize, prescriptionsCollection, DOCUMENT_TABLES.prescriptions);
  const file = mirrorFile(local);
  const cursor = await file.readCursor(PRESCRIPTIONS_CURSOR);
  const from = cursor ? new Date(cursor.getTime() - CURSOR_OVERLAP_MS) : new Date(0);
  let newest = cursor;
  const pull: CollectionPull = { collection: PRESCRIPTIONS_CURSOR, written: 0, skipped: 0 };
  const batches = server.prescriptions.findInBatches({ updatedAt: { $gte: from } }, { sort: { updatedAt: 'asc' }, batchSize, reads: 'replica-ok' })[Symbol.asyncIterator]();
  // One batch ahead: the server reads the next batch while this one is written here, so the
  // pull takes about the longer of reading and writing, not their sum.
  let ahead = batches.next();
  try {
    for (let next = await ahead; !next.done; next = await ahead) {
      const batch = next.value;
      ahead = batches.next();
      ahead.catch(() => undefined); // a failed read is reported by the await above, not as unhandled
      const lastAt = batch[batch.length - 1]!.updatedAt;
      const advance = !newest || lastAt.getTime() > newest.getTime();
      const { written, skipped } = await writer.write(batch, advance ? (transaction) => file.writeCursor(PRESCRIPTIONS_CURSOR, lastAt, transaction) : undefined);
      if (advance) newest = lastAt;
      pull.written += written;
      pull.skipped += skipped;
    }
  } finally {
    await batches.return?.(undefined);
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
    await mirrorFile(local).removeDocument(DOCUMENT_TABLES.prescriptions.table, id);
    dropped++;
  }
  return dropped;
}
