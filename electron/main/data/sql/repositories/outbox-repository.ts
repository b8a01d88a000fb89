import { QueryTypes, type Sequelize } from 'sequelize';
import type { SessionUser } from '../../../../../shared/ipc/types';
import type { SqlStore } from '../open-sql-store';

export type OutboxState = 'pending' | 'applied' | 'conflict' | 'resolved';

/** One change made while the server was away, as the local file keeps it. */
export interface OutboxEntry {
  seq: number;
  writeKey: string;
  channel: string;
  input: unknown;
  actor: SessionUser;
  /** What the change returned on this workstation; undefined while it is still being applied locally. */
  localOutput: unknown;
  /** The change in words, written when it was made (the records it names may be gone later). */
  summary: string | null;
  state: OutboxState;
  conflictCode: string | null;
  conflictReason: string | null;
  createdAt: Date;
}

interface OutboxRow {
  seq: number;
  write_key: string;
  channel: string;
  input: string;
  actor: string;
  local_output: string | null;
  summary: string | null;
  state: OutboxState;
  conflict_code: string | null;
  conflict_reason: string | null;
  created_at: string | Date;
}

const parse = (text: string | null): unknown => (text === null ? undefined : (JSON.parse(text) as unknown));

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    seq: Number(row.seq),
    writeKey: row.write_key,
    channel: row.channel,
    input: parse(row.input),
    actor: parse(row.actor) as SessionUser,
    localOutput: parse(row.local_output),
    summary: row.summary,
    state: row.state,
    conflictCode: row.conflict_code,
    conflictReason: row.conflict_reason,
    createdAt: row.created_at instanceof Date ? row.created_at : new Date(`${row.created_at.replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(row.created_at) ? '' : 'Z'}`),
  };
}

/** The outbox table of this workstation's own file: append, read in order, settle. */
export class OutboxStore {
  constructor(private readonly local: SqlStore) {}

  private get db(): Sequelize {
    return this.local.sequelize;
  }

  async append(entry: { writeKey: string; channel: string; input: unknown; actor: SessionUser; createdAt: Date }): Promise<number> {
    await this.db.query(
      'INSERT INTO sync_outbox (write_key, channel, input, actor, state, created_at) VALUES (:key, :channel, :input, :actor, :state, :at)',
      {
        replacements: {
          key: entry.writeKey,
          channel: entry.channel,
          input: JSON.stringify(entry.input),
          actor: JSON.stringify(entry.actor),
          state: 'pending',
          at: entry.createdAt.toISOString(),
        },
      },
    );
    const [row] = await this.db.query<{ seq: number }>('SELECT seq FROM sync_outbox WHERE write_key = :key', {
      type: QueryTypes.SELECT,
      replacements: { key: entry.writeKey },
    });
    return Number(row?.seq);
  }

  async setLocalOutput(seq: number, output: unknown, summary: string): Promise<void> {
    await this.db.query('UPDATE sync_outbox SET local_output = :output, summary = :summary WHERE seq = :seq', {
      replacements: { seq, output: JSON.stringify(output ?? null), summary },
    });
  }

  /** A change the local store refused: it never happened, so nothing is queued. */
  async remove(seq: number): Promise<void> {
    await this.db.query('DELETE FROM sync_outbox WHERE seq = :seq', { replacements: { seq } });
  }

  async inState(state: OutboxState, limit = 1000): Promise<OutboxEntry[]> {
    const rows = await this.db.query<OutboxRow>(`SELECT * FROM sync_outbox WHERE state = :state ORDER BY seq LIMIT ${Math.trunc(limit)}`, {
      type: QueryTypes.SELECT,
      replacements: { state },
    });
    return rows.map(toEntry);
  }

  async get(seq: number): Promise<OutboxEntry | null> {
    const rows = await this.db.query<OutboxRow>('SELECT * FROM sync_outbox WHERE seq = :seq', { type: QueryTypes.SELECT, replacements: { seq } });
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async count(state: OutboxState): Promise<number> {
    const [row] = await this.db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM sync_outbox WHERE state = :state', {
      type: QueryTypes.SELECT,
      replacements: { state },
    });
    return Number(row?.n ?? 0);
  }

  /** Conflicts waiting, per channel: who may see one depends on the change. */
  async conflictsByChannel(): Promise<Map<string, number>> {
    const rows = await this.db.query<{ channel: string; n: number | string }>(
      "SELECT channel, COUNT(*) AS n FROM sync_outbox WHERE state = 'conflict' GROUP BY channel",
      { type: QueryTypes.SELECT },
    );
    return new Map(rows.map((row) => [row.channel, Number(row.n)]));
  }

  async markApplied(seq: number, serverOutput: unknown): Promise<void> {
    await this.db.query(
      "UPDATE sync_outbox SET state = 'applied', server_output = COALESCE(:output, server_output), settled_at = :now, attempts = attempts + 1 WHERE seq = :seq",
      { replacements: { seq, output: serverOutput === undefined ? null : JSON.stringify(serverOutput), now: new Date().toISOString() } },
    );
  }

  async markConflict(seq: number, code: string, reason: string): Promise<void> {
    await this.db.query(
      "UPDATE sync_outbox SET state = 'conflict', conflict_code = :code, conflict_reason = :reason, settled_at = :now, attempts = attempts + 1 WHERE seq = :seq",
      { replacements: { seq, code, reason, now: new Date().toISOString() } },
    );
  }

  async markResolved(seq: number, resolution: string, resolvedBy: string, serverOutput: unknown): Promise<void> {
    await this.db.query(
      "UPDATE sync_outbox SET state = 'resolved', resolution = :resolution, resolved_by = :by, server_output = :output, settled_at = :now WHERE seq = :seq AND state = 'conflict'",
      {
        replacements: {
          seq,
          resolution,
          by: resolvedBy,
          output: serverOutput === undefined ? null : JSON.stringify(serverOutput),
          now: new Date().toISOString(),
        },
      },
    );
  }

  /** Every local id the server has taken so far, as pairs learned from settled changes. */
  async settledOutputs(): Promise<{ local: unknown; server: unknown }[]> {
    const rows = await this.db.query<{ local_output: string | null; server_output: string | null }>(
      "SELECT local_output, server_output FROM sync_outbox WHERE state IN ('applied', 'resolved') AND local_output IS NOT NULL AND server_output IS NOT NULL ORDER BY seq",
      { type: QueryTypes.SELECT },
    );
    return rows.map((row) => ({ local: parse(row.local_output), server: parse(row.server_output) }));
  }
}
