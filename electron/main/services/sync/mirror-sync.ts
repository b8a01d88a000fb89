import type { AppRuntime } from '../../runtime/app-runtime';
import { pruneOfflineVerifiers } from '../auth/offline-verifiers';
import { dropOfflinePrescriptions, pullMirrorDocuments } from './document-pull';
import type { Touched } from './outbox/offline-outbox';
import { pullMirror, pullRecentChanges, refreshMirrorRows, replaceLocalRows, type TablePull } from './mirror-pull';
import type { IdMap } from './outbox/id-remap';

/** What the mirror pull reads of the runtime: the local file, the server's stores. */
export type MirrorRuntime = Pick<AppRuntime, 'config' | 'localStore' | 'noteMirrorPulled' | 'serverOpen' | 'serverStores' | 'servingMirror'>;

/** Several screens polling at once still cause one small pull in this time. */
const RECENT_PULL_MIN_MS = 2000;

export interface MirrorSyncStatus {
  lastPullAtMs: number | null;
  /** Why the last pull failed, in words for staff; null after a good pull. */
  lastProblem: string | null;
}

/**
 * Keeps a networked workstation's mirror current: a pull on an interval and one at once when
 * the server comes back. One pull at a time; a request during a pull is answered by that pull.
 */
export class MirrorSync {
  private running: Promise<TablePull[] | null> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private status: MirrorSyncStatus = { lastPullAtMs: null, lastProblem: null };
  private lastRecentPullMs = 0;
  private recent: Promise<TablePull[] | null> | null = null;
  /** The server's clock when the last recent pull that finished began reading (see pullRecentChanges). */
  private recentReadAt: Date | null = null;
  private following: Promise<void> = Promise.resolve();

  constructor(
    private readonly runtime: MirrorRuntime,
    private readonly nowMs: () => number = Date.now,
    /**
     * Whether a pull may run now: not while changes made offline wait in the outbox, since a
     * pull makes the mirror equal to the server and would hide them until they are replayed.
     */
    private readonly mayPull: () => Promise<boolean> = async () => true,
    /** Local ids of records made offline and the server's ids for them, learned by the replay. */
    private readonly learnedIds: () => Promise<IdMap> = async () => new Map(),
  ) {}

  get lastPull(): MirrorSyncStatus {
    return this.status;
  }

  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.pullNow(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Resolves when no pull runs (closing waits for it). */
  async whenIdle(): Promise<void> {
    while (this.running || this.recent) await (this.running ?? this.recent)?.catch(() => undefined);
    await this.following;
  }

  pullNow(): Promise<TablePull[] | null> {
    // A small pull under way finishes first: the two would write the same rows and cursors.
    this.running ??= (this.recent ?? Promise.resolve(null))
      .then(() => this.pull())
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private async pull(): Promise<TablePull[] | null> {
    const local = this.runtime.localStore();
    if (this.runtime.config?.mode !== 'networked' || !this.runtime.serverOpen || !local) return null;
    try {
      if (!(await this.mayPull())) return null;
      // Nothing waits in the outbox: rows made offline are settled, and the server's versions (under its ids) replace them.
      const { sql, documents } = this.runtime.serverStores();
      await replaceLocalRows(sql, local, await this.learnedIds());
      const pulls = await pullMirror(sql, local);
      // The mirrored accounts are now the server's: a verifier whose account is gone,
      // deactivated or has another password stops working here ("at the next sync").
      await pruneOfflineVerifiers(local);
      const documentPulls = await pullMirrorDocuments(documents, local);
      pulls.push(...documentPulls.map(({ collection, written }) => ({ table: collection, written, removed: 0 })));
      this.runtime.noteMirrorPulled();
      this.status = { lastPullAtMs: this.nowMs(), lastProblem: null };
      return pulls;
    } catch {
      // The reason can name tables and rows; the indicator only needs to know it failed.
      this.status = { ...this.status, lastProblem: 'The last update of this workstation’s copy did not finish; it is retried.' };
      return null;
    }
  }

  /**
   * Brings in what changed on the server since the last pull (see pullRecentChanges), unless a
   * pull runs or changes wait in the outbox; at most one every RECENT_PULL_MIN_MS.
   */
  pullRecent(): Promise<TablePull[] | null> {
    if (this.running || this.recent) return Promise.resolve(null);
    const now = this.nowMs();
    if (now - this.lastRecentPullMs < RECENT_PULL_MIN_MS) return Promise.resolve(null);
    this.lastRecentPullMs = now;
    const recent = this.pullChanges().finally(() => {
      this.recent = null;
    });
    this.recent = recent;
    return recent;
  }

  private async pullChanges(): Promise<TablePull[] | null> {
    const local = this.runtime.localStore();
    if (this.runtime.config?.mode !== 'networked' || !this.runtime.serverOpen || this.runtime.servingMirror || !local) return null;
    try {
      if (!(await this.mayPull())) return null;
      const { pulls, readAt } = await pullRecentChanges(this.runtime.serverStores().sql, local, { previousReadAt: this.recentReadAt });
      this.recentReadAt = readAt;
      return pulls;
    } catch {
      return null; // the next poll or the full pull tries again
    }
  }

  /**
   * Copies rows a change made online just wrote (read back from the server), so that an outage
   * a moment later finds them in the mirror. One copy at a time, in order (a booking's new
   * patient before the booking), after any pull under way; skipped while changes wait in the outbox.
   */
  follow(touched: Touched): Promise<void> {
    const copy = async () => {
      // A pull under way may have read these tables before the change: the copy follows it.
      await this.running?.catch(() => undefined);
      const local = this.runtime.localStore();
      if (!this.runtime.serverOpen || this.runtime.servingMirror || !local) return;
      if (!(await this.mayPull())) return;
      const { sql } = this.runtime.serverStores();
      await refreshMirrorRows(sql, local, 'patients', touched.patients);
      await refreshMirrorRows(sql, local, 'appointments', touched.appointments);
    };
    this.following = this.following.then(copy).catch(() => undefined); // the next poll or pull brings what this missed
    return this.following;
  }

  /** Reads rows again that offline changes touched (see refreshMirrorRows); then a pull as usual. */
  async refreshTouched(touched: Touched): Promise<void> {
    const local = this.runtime.localStore();
    if (!this.runtime.serverOpen || !local) return;
    const { sql, documents } = this.runtime.serverStores();
    await refreshMirrorRows(sql, local, 'patients', touched.patients);
    await refreshMirrorRows(sql, local, 'appointments', touched.appointments);
    await dropOfflinePrescriptions(documents, local, touched.prescriptions);
  }
}
