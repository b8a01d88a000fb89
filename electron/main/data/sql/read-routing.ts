import { watchLeanWrites } from './lean-statements';
import type { Sequelize } from 'sequelize';
import { AppFailure } from '../../../../shared/ipc/result';
import type { SqlStore } from './open-sql-store';

/**
 * What a read needs: `'replica-ok'` for reads that may be a moment old (month view, reports,
 * search, history, the mirror pull), `'primary'` for anything a rule depends on. Writes and
 * everything inside a write transaction always run on the primary: they never come here.
 */
export type ReadChoice = 'replica-ok' | 'primary';

export interface ReplicaRouting {
  /** A replica further behind than this (or not applying at all) is skipped. */
  maxLagSeconds: number;
  /** How often each replica's state is looked at again (in the background of reads). */
  checkEverySeconds: number;
  /**
   * Read-your-writes where the primary gives no GTID position (MySQL, binary log off): after a
   * write of this workstation, its reads stay on the primary this long.
   */
  readYourWritesSeconds: number;
}

export const DEFAULT_REPLICA_ROUTING: ReplicaRouting = { maxLagSeconds: 30, checkEverySeconds: 5, readYourWritesSeconds: 10 };

export type ReplicaState = 'unchecked' | 'ok' | 'lagging' | 'down';

export interface ReplicaHealth {
  /** "MySQL host:port/database": no credentials. */
  description: string;
  state: ReplicaState;
  /** Seconds behind the primary when it was last looked at; null when unknown or not applying. */
  lagSeconds: number | null;
  /** Why it is skipped, in words for an admin. */
  problem?: string;
}

/** One replica: its own connection pool and models (no migrations: the schema arrives by replication). */
export interface ReplicaStore {
  description: string;
  store: SqlStore;
}

interface ReplicaSlot extends ReplicaStore {
  health: ReplicaHealth;
  checkedAt: number;
  checking: Promise<void> | null;
  /** The primary position this replica was last seen to have applied (read-your-writes). */
  seenPosition: string | null;
}

const WRITE_STATEMENT = /^\s*(INSERT|UPDATE|DELETE|REPLACE|COMMIT)\b/i;

type QueryMethod = Sequelize['query'];

/**
 * Chooses where each read runs. Sequelize's own `replication` option is not used: it sends every
 * plain SELECT to a random replica with no notion of lag, of a replica that is down (the call
 * fails), or of reading one's own writes, and it cannot keep a read a rule depends on off the
 * replica. Here each replica is its own pool, looked at every few seconds, and services say per
 * read what they need.
 */
export class ReadRouter {
  private readonly slots: ReplicaSlot[];
  private next = 0;
  /** Counts the primary's write statements and COMMITs that finished: "this workstation wrote". */
  private writes = 0;
  private positionTakenAt = 0;
  /** The primary's GTID position after this workstation's last write ('' when nothing to wait for). */
  private mustSee = '';
  /** Fallback when the primary has no GTID position: reads stay on the primary until then. */
  private primaryUntil = 0;
  private closed = false;

  constructor(
    private readonly primary: SqlStore,
    replicas: ReplicaStore[],
    private readonly routing: ReplicaRouting,
    private readonly now: () => number = Date.now,
  ) {
    this.slots = replicas.map((replica) => ({
      ...replica,
      health: { description: replica.description, state: 'unchecked', lagSeconds: null },
      checkedAt: Number.NEGATIVE_INFINITY,
      checking: null,
      seenPosition: null,
    }));
    this.watchPrimaryWrites(primary.sequelize);
  }

  /** Runs `work` on a replica that is up, caught up enough and has this workstation's writes; else on the primary. */
  async read<T>(choice: ReadChoice, work: (store: SqlStore) => Promise<T>): Promise<T> {
    if (choice === 'primary' || this.slots.length === 0) return work(this.primary);
    this.refreshStale();
    const replica = await this.pickReplica();
    if (!replica) return work(this.primary);
    try {
      return await work(replica.store);
    } catch (error) {
      if (error instanceof AppFailure) throw error;
      // The replica failed under the read (stopped, connection lost): the caller never sees it.
      this.markDown(replica, error);
      return work(this.primary);
    }
  }

  /**
   * The replicas as last seen, for the admins' top bar. Asking also starts a fresh look at the
   * ones not looked at lately, so a workstation that reads nothing stale still notices a change.
   */
  health(): ReplicaHealth[] {
    this.refreshStale();
    return this.snapshot();
  }

  private snapshot(): ReplicaHealth[] {
    return this.slots.map((slot) => ({ ...slot.health }));
  }

  /** Looks at every replica now and waits for the answers (start-up, tests, the admin's refresh). */
  async checkReplicas(): Promise<ReplicaHealth[]> {
    await Promise.all(this.slots.map((slot) => this.check(slot)));
    return this.snapshot();
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.store.close().catch(() => undefined)));
  }

  private watchPrimaryWrites(sequelize: Sequelize): void {
    const query = sequelize.query.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
    const counted = async (...args: unknown[]): Promise<unknown> => {
      const result = await query(...args);
      const sql = typeof args[0] === 'string' ? args[0] : (args[0] as { query?: string } | undefined)?.query;
      if (sql && WRITE_STATEMENT.test(sql)) this.writes++;
      return result;
    };
    sequelize.query = counted as unknown as QueryMethod;
    watchLeanWrites(sequelize, () => this.writes++);
  }

  private refreshStale(): void {
    if (this.closed) return;
    const staleBefore = this.now() - this.routing.checkEverySeconds * 1000;
    for (const slot of this.slots) {
      if (slot.checkedAt <= staleBefore && !slot.checking) void this.check(slot);
    }
  }

  private async pickReplica(): Promise<ReplicaSlot | null> {
    if (this.now() < this.primaryUntil) return null;
    const position = await this.positionToSee();
    if (position === null) return null;
    for (let tried = 0; tried < this.slots.length; tried++) {
      const slot = this.slots[(this.next + tried) % this.slots.length]!;
      if (slot.health.state !== 'ok') continue;
      if (position !== '' && slot.seenPosition !== position && !(await this.hasApplied(slot, position))) continue;
      this.next = (this.next + tried + 1) % this.slots.length;
      return slot;
    }
    return null;
  }

  /**
   * The primary's position after this workstation's last write: '' when it has not written, null
   * when the primary cannot say (no binary log, not MariaDB) and the bounded delay applies.
   */
  private async positionToSee(): Promise<string | null> {
    if (this.writes === this.positionTakenAt) return this.mustSee;
    const writesSoFar = this.writes;
    try {
      const [rows] = await this.primary.sequelize.query('SELECT @@GLOBAL.gtid_binlog_pos AS position');
      const position = String((rows as { position?: string | null }[])[0]?.position ?? '');
      if (position === '') throw new Error('no GTID position');
      this.mustSee = position;
    } catch {
      this.mustSee = '';
      this.primaryUntil = this.now() + this.routing.readYourWritesSeconds * 1000;
      this.positionTakenAt = writesSoFar;
      return null;
    }
    this.positionTakenAt = writesSoFar;
    return this.mustSee;
  }

  /** Whether the replica has applied everything up to `position` (no waiting: the primary serves meanwhile). */
  private async hasApplied(slot: ReplicaSlot, position: string): Promise<boolean> {
    try {
      const [rows] = await slot.store.sequelize.query('SELECT MASTER_GTID_WAIT(?, 0) AS waited', { replacements: [position] });
      const applied = Number((rows as { waited: number | string }[])[0]?.waited) === 0;
      if (applied) slot.seenPosition = position;
      return applied;
    } catch (error) {
      this.markDown(slot, error);
      return false;
    }
  }

  private check(slot: ReplicaSlot): Promise<void> {
    if (slot.checking) return slot.checking;
    slot.checking = this.lookAt(slot).finally(() => {
      slot.checking = null;
      slot.checkedAt = this.now();
    });
    return slot.checking;
  }

  private async lookAt(slot: ReplicaSlot): Promise<void> {
    if (this.closed) return;
    try {
      const [rows] = await slot.store.sequelize.query('SHOW SLAVE STATUS');
      const status = (rows as Record<string, unknown>[])[0];
      if (!status) {
        slot.health = { description: slot.description, state: 'lagging', lagSeconds: null, problem: 'Not replicating from the primary.' };
        return;
      }
      const lag = status.Seconds_Behind_Master;
      const applying = status.Slave_SQL_Running === 'Yes' && status.Slave_IO_Running === 'Yes';
      const lagSeconds = lag === null || lag === undefined ? null : Number(lag);
      if (!applying || lagSeconds === null) {
        slot.health = { description: slot.description, state: 'lagging', lagSeconds, problem: 'Replication is stopped on this replica.' };
      } else if (lagSeconds > this.routing.maxLagSeconds) {
        slot.health = { description: slot.description, state: 'lagging', lagSeconds, problem: `${lagSeconds} s behind the primary.` };
      } else {
        slot.health = { description: slot.description, state: 'ok', lagSeconds };
      }
    } catch (error) {
      this.markDown(slot, error);
    }
  }

  private markDown(slot: ReplicaSlot, error: unknown): void {
    const code = (error as { original?: { code?: string }; code?: string }).original?.code ?? (error as { code?: string }).code;
    slot.health = {
      description: slot.description,
      state: 'down',
      lagSeconds: null,
      problem: code ? `Not answering (${code}).` : 'Not answering.',
    };
    slot.seenPosition = null;
    slot.checkedAt = this.now();
  }
}

/**
 * The one call services use for reads that may go to a replica: runs `work` on the store the
 * router picks (on a store without replicas, on the store itself).
 */
export function readFrom<T>(sql: SqlStore, choice: ReadChoice, work: (store: SqlStore) => Promise<T>): Promise<T> {
  return sql.reads ? sql.reads.read(choice, work) : work(sql);
}
