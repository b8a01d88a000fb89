import type { AppRuntime } from '../../runtime/app-runtime';
import { pruneOfflineVerifiers } from '../auth/offline-verifiers';
import { dropOfflinePrescriptions, pullMirrorDocuments } from './document-pull';
import type { Touched } from './outbox/offline-outbox';
import { dropLocalRows, pullMirror, refreshMirrorRows, type TablePull } from './mirror-pull';

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

  constructor(
    private readonly runtime: AppRuntime,
    private readonly nowMs: () => number = Date.now,
    /**
     * Whether a pull may run now: not while changes made offline wait in the outbox, since a
     * pull makes the mirror equal to the server and would hide them until they are replayed.
     */
    private readonly mayPull: () => Promise<boolean> = async () => true,
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
    while (this.running) await this.running.catch(() => undefined);
  }

  pullNow(): Promise<TablePull[] | null> {
    this.running ??= this.pull().finally(() => {
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
      await dropLocalRows(local);
      const { sql, documents } = this.runtime.serverStores();
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
