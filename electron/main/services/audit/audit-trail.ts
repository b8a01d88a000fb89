import { randomUUID } from 'node:crypto';
import type { SystemAuditLogInput } from '../../../../shared/documents';
import { isAppFailure } from '../../../../shared/ipc/result';
import type { DocumentStore } from '../../data/documents/document-store';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { isConnectionError } from '../sync/outbox/connection-errors';
import { auditDocument, type AuditEvent, type AuditRecorder, type WorkstationIdentity } from './audit-event';

export interface AuditStores {
  /** This workstation's own SQLite store (holds the outbox). */
  local: SqlStore;
  /** Where records belong; null while the clinic's document server is not open. */
  documents: DocumentStore | null;
  /**
   * True when `documents` is this workstation's own file (standalone): records are written
   * there directly. Absent: decided by the store's kind.
   */
  direct?: boolean;
}

export interface AuditTrailOptions {
  /**
   * The record as it goes to the document store, asked for each one just before its delivery;
   * null holds it (and those after it, to keep the order) for a later flush. Records written
   * offline name records by their local ids until the outbox has replayed the changes that
   * created them: they wait, then go out with the server's ids.
   */
  prepare?: (document: SystemAuditLogInput) => Promise<SystemAuditLogInput | null>;
}

const BATCH = 200;
const MAX_RETRY_MS = 60_000;

/**
 * The audit trail. Audit records are never dropped: when the document store is this
 * workstation's own SQLite file, a record is written there directly, inside the call; when it
 * is the clinic's MongoDB, the record is first committed to the local outbox (so the call
 * never waits on the network and nothing is lost when the server is down), then delivered in
 * outbox order. Each record carries an eventId with a unique index in the document store, so a
 * delivery repeated after a crash or a lost reply is recognised and not stored twice.
 */
export class AuditTrail implements AuditRecorder {
  private flushing: Promise<void> | null = null;
  private flushAgain = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = 1_000;
  /** The last delivery failed because the document server was away (not because it refused a record). */
  private waitingForServer = false;
  private closed = false;

  constructor(
    private readonly stores: () => AuditStores,
    private readonly identity: WorkstationIdentity,
    private readonly now: () => Date = () => new Date(),
    private readonly options: AuditTrailOptions = {},
  ) {}

  async record(event: AuditEvent): Promise<void> {
    const eventId = randomUUID();
    const document = auditDocument(event, this.identity, eventId, this.now());
    const { local, documents, direct } = this.stores();
    if (documents && (direct ?? documents.kind === 'sqlite')) {
      await documents.systemAuditLogs.insert(document);
      return;
    }
    await local.models.AuditOutbox.create({ eventId, body: JSON.stringify(document) });
    void this.flush();
  }

  /** Records still waiting for the document store. */
  async pending(): Promise<number> {
    return this.stores().local.models.AuditOutbox.count();
  }

  /**
   * Delivers waiting records in order; one delivery at a time. Resolves when done or when the
   * store fails. A flush asked for while a delivery runs gets one more pass after it: that
   * delivery may already have found the outbox empty before the new record was written.
   */
  flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.flushAgain = false;
        try {
          await this.deliver();
        } catch {
          // The local outbox itself failed (or was closed under a delivery at shutdown): the
          // records stay in it; a later flush, or the retry, takes them. Never an unhandled rejection.
          this.scheduleRetry();
          return;
        }
      } while (this.flushAgain && !this.retryTimer);
    })().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  /**
   * The clinic server answers again: records held back by a delivery that could not reach it go
   * now rather than at the end of their back-off (up to a minute). A record the server refused
   * keeps its back-off.
   */
  serverReachable(): void {
    if (!this.retryTimer || !this.waitingForServer || this.closed) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.waitingForServer = false;
    void this.flush();
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async deliver(): Promise<void> {
    const { local, documents } = this.stores();
    if (!documents) {
      this.waitingForServer = true;
      throw new Error('the document server is not open');
    }
    const { AuditOutbox } = local.models;
    for (;;) {
      const batch = await AuditOutbox.findAll({ order: [['seq', 'ASC']], limit: BATCH });
      if (batch.length === 0) break;
      for (const row of batch) {
        const stored = JSON.parse(row.body) as SystemAuditLogInput;
        // Asked per record, at its delivery: a change made offline may have begun a moment ago.
        const document = this.options.prepare ? await this.options.prepare(stored) : stored;
        if (!document) return;
        try {
          await this.deliverOne(documents, document);
        } catch (error) {
          this.waitingForServer = isConnectionError(error);
          await AuditOutbox.increment('attempts', { where: { seq: row.seq } }).catch(() => undefined);
          this.scheduleRetry();
          return;
        }
        await AuditOutbox.destroy({ where: { seq: row.seq } });
      }
    }
    this.retryMs = 1_000;
  }

  private async deliverOne(documents: DocumentStore, document: SystemAuditLogInput): Promise<void> {
    try {
      await documents.systemAuditLogs.insert({ ...document, timestamp: new Date(document.timestamp as string | Date) });
    } catch (error) {
      // Stored by an earlier delivery whose reply was lost: delivered, not a second copy.
      if (isAppFailure(error) && error.code === 'DUPLICATE') return;
      throw error;
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.flush();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
