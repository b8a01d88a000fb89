import { randomUUID } from 'node:crypto';
import { AppFailure, isAppFailure } from '../../../../../shared/ipc/result';
import type { SessionUser } from '../../../../../shared/ipc/types';
import { appliedOutput, storeReplayKeyAfter, withReplayKey } from '../../../data/sql/replay-key';
import type { SqlStore } from '../../../data/sql/open-sql-store';
import { holdsLocalRow, useLocalIdRanges } from '../../../data/sql/repositories/local-id-repository';
import { OutboxStore, type OutboxEntry } from '../../../data/sql/repositories/outbox-repository';
import { pingSqlStore } from '../../../data/sql/repositories/store-probe-repository';
import type { AppRuntime } from '../../../runtime/app-runtime';
import { describeChange, outputRecordOf, storedDescription } from './change-kinds';
import { isConnectionError } from './connection-errors';
import { learnIds, localIdsIn, remapIds, type IdMap } from './id-remap';

/** What the outbox reads and switches of the runtime: the local file, the server's stores, which of them the screens use. */
export type OutboxRuntime = Pick<AppRuntime, 'config' | 'localStore' | 'serveFromMirror' | 'serverOpen' | 'serverStores' | 'servingMirror' | 'switchToMirror'>;

/**
 * Runs one channel's handler on the clinic server as the user who made the change, at the
 * instant it was made (so "not in the past" and arrival times judge the change as it was).
 */
export type ReplayChannel = (channel: string, input: unknown, actor: SessionUser, madeAt: Date) => Promise<unknown>;

export interface Touched {
  appointments: number[];
  patients: number[];
  prescriptions: string[];
}

export type ReplayOutcome =
  /** Every change was settled (applied or a conflict) and the screens are back on the server. */
  | 'drained'
  /** The server went away again, or is not open: the rest waits for the next try. */
  | 'interrupted'
  /** A change is still being applied locally; the pass that follows it picks it up. */
  | 'waiting'
  | 'not-networked';

export interface ReplayReport {
  outcome: ReplayOutcome;
  applied: number;
  conflicts: number;
  /** Ids of server rows that offline changes touched (the mirror reads them again), and prescriptions written offline. */
  touched: Touched;
}

/** An unexpected error (not a rule, not the network) gets this many tries before it is shown as a conflict. */
const UNEXPECTED_ERROR_TRIES = 3;

/**
 * The outbox of a networked workstation. While the server is away, a change is applied to the
 * local mirror through its own handler and queued with a fresh key; when the server is back the
 * queue is replayed in order through the same handlers on the server, each local id rewritten to
 * the id the server gave. A change the server refuses by a rule becomes a conflict with the
 * server's reason; nothing is dropped. The key makes a repeated replay harmless.
 */
export class OfflineOutbox {
  private replaying: Promise<ReplayReport> | null = null;
  private replayAgain = false;
  /**
   * Local changes under way, counted from the moment queue() is called, before its first await:
   * while one runs, no replay may hand the screens back to the server (its "local" change would
   * then run on the server and be replayed again), nor send a row whose local change has not
   * finished (it may still be refused here, and its row removed).
   */
  private localChanges = 0;
  private readonly unexpectedFailures = new Map<number, number>();
  private localRangesReady: SqlStore | null = null;
  private idCache: { local: SqlStore | null; ids: Promise<IdMap> } | null = null;
  /** Called after a replay that settled everything: the audit records and the mirror follow. */
  onDrained: ((report: ReplayReport) => void) | null = null;
  /**
   * Whether the screens may go back to the server now: not while the connection monitor still
   * counts it as away (the document server may be away alone; nothing would switch the screens
   * to the mirror again when the relational server follows it).
   */
  mayHandBack: () => boolean = () => true;
  /** Called after a change sent online succeeded, with the rows it wrote: the mirror copies them at once. */
  onSentOnline: ((touched: Touched) => void) | null = null;
  /** Called when a change sent online lost the server under it: the connection is checked at once. */
  onServerLost: (() => void) | null = null;

  constructor(
    private readonly runtime: OutboxRuntime,
    private readonly replayChannel: ReplayChannel,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private store(): OutboxStore | null {
    const local = this.runtime.localStore();
    return this.runtime.config?.mode === 'networked' && local ? new OutboxStore(local) : null;
  }

  /**
   * Runs a change of a queued kind on the server, under an outbox key of its own: its first
   * write transaction records the key on the server with the change (as a replay's does). Should
   * the server go away under it, whether it happened is unknown: it is queued under that same key
   * and applied to the mirror as pending (`applyOnMirror`). The replay then finds the key if the
   * change committed and applies nothing twice; otherwise it applies it.
   */
  async sendOnline<T>(channel: string, input: unknown, actor: SessionUser, runOnServer: () => Promise<T>, applyOnMirror: () => Promise<T>): Promise<T> {
    if (!this.store()) return runOnServer();
    const writeKey = randomUUID();
    try {
      const output = await withReplayKey(writeKey, channel, runOnServer);
      this.onSentOnline?.(touchedBy(channel, input, output));
      return output;
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      this.onServerLost?.();
      // The screens follow the mirror, where this change now waits (and those after it queue behind it).
      this.runtime.switchToMirror();
      return this.queue(channel, input, actor, applyOnMirror, { writeKey, outcomeUnknown: true });
    }
  }

  /**
   * Applies a change to the mirror as pending and queues it; returns what the local change returned.
   * A refusal here drops it, except when the server may know better: `outcomeUnknown` (the server
   * may already have it, its answer was lost), or NOT_FOUND for a record named by a server id (made
   * on the server since the mirror last caught up). Those stay queued for the server to settle, and
   * the caller hears OFFLINE_QUEUED.
   */
  async queue<T>(
    channel: string,
    input: unknown,
    actor: SessionUser,
    applyLocally: () => Promise<T>,
    options: { writeKey?: string; outcomeUnknown?: boolean } = {},
  ): Promise<T> {
    const local = this.runtime.localStore();
    const store = this.store();
    if (!local || !store) return applyLocally();
    this.localChanges++;
    try {
      if (this.localRangesReady !== local) {
        await useLocalIdRanges(local);
        this.localRangesReady = local;
      }
      // The row goes in first: should the app stop during the local change, the change still reaches the server.
      const seq = await store.append({ writeKey: options.writeKey ?? randomUUID(), channel, input, actor, createdAt: this.now() });
      let output: T;
      try {
        output = await applyLocally();
      } catch (error) {
        // A record the server has that the mirror lacks (made moments before the outage): the server decides on replay.
        const mirrorLags = isAppFailure(error) && error.code === 'NOT_FOUND' && localIdsIn(input).length === 0;
        if (options.outcomeUnknown || mirrorLags) {
          // The mirror cannot show it (it lacks the record, say), but the server may hold it: it stays queued and is settled there.
          await store.setLocalOutput(seq, null, storedDescription(await describeChange(local, channel, input, null)));
          throw new AppFailure(
            'OFFLINE_QUEUED',
            options.outcomeUnknown
              ? 'The clinic server stopped answering during this change. It is kept on this workstation and sent again once the server answers; the list of changes waiting shows it until then.'
              : 'This workstation’s copy does not have that record yet. The change is kept and sent to the clinic server once it answers; the list of changes waiting shows it until then.',
          );
        }
        await store.remove(seq); // refused here already (a rule, bad input): it never happened
        throw error;
      }
      await store.setLocalOutput(seq, output, storedDescription(await describeChange(local, channel, input, output)));
      return output;
    } finally {
      this.localChanges--;
      // During a replay this asks it for one more pass: it may have stopped at this very row.
      if (this.runtime.serverOpen) void this.replay().catch(() => undefined);
    }
  }

  /** Resolves when no replay runs: closing the workstation waits for it rather than cutting it off mid-write. */
  async whenIdle(): Promise<void> {
    while (this.replaying) await this.replaying.catch(() => undefined);
  }

  /** Changes waiting, and conflicts (only those `mayResolve` admits, when given: a user sees the conflicts of changes they may make). */
  async counts(mayResolve?: (channel: string) => boolean): Promise<{ pending: number; conflicts: number }> {
    const store = this.store();
    if (!store) return { pending: 0, conflicts: 0 };
    let conflicts = 0;
    for (const [channel, n] of await store.conflictsByChannel()) if (!mayResolve || mayResolve(channel)) conflicts += n;
    return { pending: await store.count('pending'), conflicts };
  }

  /** Asked before every audit delivery and mirror pull: one indexed count. */
  async hasPending(): Promise<boolean> {
    if (this.localChanges > 0) return true;
    const store = this.store();
    return store !== null && (await store.count('pending')) > 0;
  }

  /**
   * The id map learned so far, from every change the server took. It lives in the outbox (so it
   * survives restarts) and is read from it once: every audit delivery asks for it, and a replay
   * adds to this same map as it settles changes.
   */
  knownIds(): Promise<IdMap> {
    const local = this.runtime.localStore();
    if (this.idCache && this.idCache.local === local) return this.idCache.ids;
    // The promise is kept, not the map once read: callers arriving while it is read share one map,
    // the one the replay adds to.
    const ids = (async () => {
      const map: IdMap = new Map();
      for (const pair of (await this.store()?.settledOutputs()) ?? []) learnIds(pair.local, pair.server, map);
      return map;
    })();
    this.idCache = { local, ids };
    ids.catch(() => {
      if (this.idCache?.ids === ids) this.idCache = null;
    });
    return ids;
  }

  /**
   * The input of a call as the server's records name it: screens keep showing the pending id of
   * a record made offline until they read again, and once the replay has learned the server's id
   * the call means that record. While the mirror is served, a pending id whose row the mirror
   * still holds (no pull since the replay) stays as it is.
   */
  async resolveIds<T>(input: T): Promise<T> {
    const pendingIds = localIdsIn(input);
    if (pendingIds.length === 0) return input;
    const known = await this.knownIds().catch((): IdMap => new Map());
    const learned = new Map(pendingIds.flatMap((id) => (known.has(id) ? [[id, known.get(id)!] as const] : [])));
    if (learned.size === 0) return input;
    const local = this.runtime.localStore();
    if (this.runtime.servingMirror && local) {
      for (const id of [...learned.keys()]) if (await holdsLocalRow(local, id)) learned.delete(id);
    }
    return remapIds(input, learned);
  }

  /** A conflict settled outside a replay may have taught new ids: the map is read again. */
  forgetIds(): void {
    this.idCache = null;
  }

  /**
   * Replays what waits, in order; one replay at a time (a request during one gets one more pass).
   * When everything is settled and nothing is being applied locally, the screens go back to the server.
   */
  replay(): Promise<ReplayReport> {
    if (this.replaying) {
      this.replayAgain = true;
      return this.replaying;
    }
    this.replaying = (async () => {
      const total: ReplayReport = { outcome: 'drained', applied: 0, conflicts: 0, touched: { appointments: [], patients: [], prescriptions: [] } };
      do {
        this.replayAgain = false;
        const pass = await this.replayPass();
        total.outcome = pass.outcome;
        total.applied += pass.applied;
        total.conflicts += pass.conflicts;
        total.touched.appointments.push(...pass.touched.appointments);
        total.touched.patients.push(...pass.touched.patients);
        total.touched.prescriptions.push(...pass.touched.prescriptions);
      } while (this.replayAgain && (total.outcome === 'drained' || total.outcome === 'waiting'));
      if (total.outcome === 'drained') this.onDrained?.(total);
      return total;
    })().finally(() => {
      this.replaying = null;
    });
    return this.replaying;
  }

  private async replayPass(): Promise<ReplayReport> {
    const report: ReplayReport = { outcome: 'drained', applied: 0, conflicts: 0, touched: { appointments: [], patients: [], prescriptions: [] } };
    const store = this.store();
    if (!store) return { ...report, outcome: 'not-networked' };
    if (!this.runtime.serverOpen) return { ...report, outcome: 'interrupted' };
    const server = this.runtime.serverStores().sql;
    const ids = await this.knownIds();
    for (;;) {
      const batch = await store.inState('pending', 200);
      if (batch.length === 0) break;
      for (const listed of batch) {
        // Read when the batch was: its local change may have finished since (what it returned teaches
        // the ids), or been refused on the mirror and its row removed: its caller was told it was not
        // saved, so it must not reach the server.
        const entry = listed.localOutput === undefined ? await store.get(listed.seq) : listed;
        if (!entry || entry.state !== 'pending') continue;
        if (entry.localOutput === undefined && this.localChanges > 0) return { ...report, outcome: 'waiting' };
        const settled = await this.replayOne(store, server, entry, ids);
        if (settled === 'interrupted') return { ...report, outcome: 'interrupted' };
        if (settled === 'applied') report.applied++;
        else report.conflicts++;
        noteTouched(remapIds(entry.input, ids), entry, report.touched);
      }
    }
    // Nothing waits and nothing is being written locally: from now on the server answers. Asked
    // again after the count: a change may have begun while it ran.
    if (this.localChanges > 0 || (await store.count('pending')) > 0) return { ...report, outcome: 'waiting' };
    // With nothing to send (a change refused here prompts a replay too) the server was not asked
    // above: the screens go back only to a server that answers.
    if (!this.mayHandBack() || !(await answers(server))) return { ...report, outcome: 'interrupted' };
    if (this.localChanges > 0) return { ...report, outcome: 'waiting' };
    this.runtime.serveFromMirror(false);
    return report;
  }

  private async replayOne(store: OutboxStore, server: SqlStore, entry: OutboxEntry, ids: IdMap): Promise<'applied' | 'conflict' | 'interrupted'> {
    const input = remapIds(entry.input, ids);
    if (localIdsIn(input).length > 0) {
      await store.markConflict(
        entry.seq,
        'DEPENDS_ON_CONFLICT',
        'It refers to a record made offline that did not reach the clinic server: resolve the change that made it first.',
      );
      return 'conflict';
    }
    const settle = async (output: unknown) => {
      await store.markApplied(entry.seq, output);
      learnIds(entry.localOutput, output, ids);
      this.unexpectedFailures.delete(entry.seq);
      return 'applied' as const;
    };
    try {
      const earlier = await appliedOutput(server.sequelize, entry.writeKey);
      if (earlier.found) return await settle(earlier.output);
      const output = await withReplayKey(entry.writeKey, entry.channel, () => this.replayChannel(entry.channel, input, entry.actor, entry.createdAt));
      // The change is on the server now; storing what it returned only helps a later repeat.
      await storeReplayKeyAfter(server.sequelize, entry.writeKey, entry.channel, output).catch(() => undefined);
      return await settle(output);
    } catch (error) {
      if (isConnectionError(error)) return 'interrupted';
      if (isAppFailure(error) && error.code === 'ALREADY_APPLIED') {
        // What the server kept of it teaches the ids; without it (the server went away again) the next pass asks.
        const earlier = await appliedOutput(server.sequelize, entry.writeKey).catch(() => null);
        return earlier ? settle(earlier.output) : 'interrupted';
      }
      if (isAppFailure(error)) {
        await store.markConflict(entry.seq, error.code, error.message);
        return 'conflict';
      }
      const tries = (this.unexpectedFailures.get(entry.seq) ?? 0) + 1;
      this.unexpectedFailures.set(entry.seq, tries);
      if (tries < UNEXPECTED_ERROR_TRIES) return 'interrupted';
      await store.markConflict(entry.seq, 'INTERNAL', 'The clinic server could not apply this change. Tell your administrator if it happens again.');
      return 'conflict';
    }
  }
}

/** True when the clinic server's relational store answers now; false when it is away. */
async function answers(server: SqlStore): Promise<boolean> {
  try {
    await pingSqlStore(server);
    return true;
  } catch (error) {
    if (isConnectionError(error)) return false;
    throw error;
  }
}

/** The rows a change made on the server wrote or pointed at: what it returned as `id`, and the ids its input named. */
function touchedBy(channel: string, input: unknown, output: unknown): Touched {
  const touched: Touched = { appointments: [], patients: [], prescriptions: [] };
  const fields = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  if (typeof fields.appointmentId === 'number') touched.appointments.push(fields.appointmentId);
  if (typeof fields.patientId === 'number') touched.patients.push(fields.patientId);
  const made = output && typeof output === 'object' ? (output as Record<string, unknown>).id : undefined;
  const record = outputRecordOf(channel);
  if (typeof made === 'number' && record === 'appointment') touched.appointments.push(made);
  if (typeof made === 'number' && record === 'patient') touched.patients.push(made);
  return touched;
}

/** Server rows an offline change pointed at: after the replay the mirror reads them again, whatever became of the change. */
function noteTouched(input: unknown, entry: OutboxEntry, touched: Touched): void {
  const written = entry.localOutput && typeof entry.localOutput === 'object' ? (entry.localOutput as Record<string, unknown>) : {};
  if (outputRecordOf(entry.channel) === 'prescription' && typeof written.id === 'string') touched.prescriptions.push(written.id);
  const fields = input && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  if (typeof fields.appointmentId === 'number') touched.appointments.push(fields.appointmentId);
  if (typeof fields.patientId === 'number') touched.patients.push(fields.patientId);
}
