import type { AppRuntime } from '../../runtime/app-runtime';
import { pruneOfflineVerifiers } from '../auth/offline-verifiers';
import { pullMirrorDocuments } from './document-pull';
import { pullMirror, type TablePull } from './mirror-pull';

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

  pullNow(): Promise<TablePull[] | null> {
    this.running ??= this.pull().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pull(): Promise<TablePull[] | null> {
    if (this.runtime.config?.mode !== 'networked' || !this.runtime.state.ready) return null;
    const { sql, documents, local } = this.runtime.state.stores;
    try {
      const pulls = await pullMirror(sql, local);
      // The mirrored accounts are now the server's: a verifier whose account is gone,
      // deactivated or has another password stops working here ("at the next sync").
      await pruneOfflineVerifiers(local);
      const documentPulls = await pullMirrorDocuments(documents, local);
      pulls.push(...documentPulls.map(({ collection, written }) => ({ table: collection, written, removed: 0 })));
      this.status = { lastPullAtMs: this.nowMs(), lastProblem: null };
      return pulls;
    } catch {
      // The reason can name tables and rows; the indicator only needs to know it failed.
      this.status = { ...this.status, lastProblem: 'The last update of this workstation’s copy did not finish; it is retried.' };
      return null;
    }
  }
}
