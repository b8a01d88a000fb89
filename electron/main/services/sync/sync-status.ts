import type { SyncStatus } from '../../../../shared/ipc/sync/types';
import type { AppRuntime } from '../../runtime/app-runtime';
import type { ConnectionMonitor } from './connection-monitor';
import type { MirrorSync } from './mirror-sync';
import type { OfflineOutbox } from './outbox/offline-outbox';
import { mayMake } from './outbox/conflicts';
import type { SessionUser } from '../../../../shared/ipc/types';

/** What the sync status reads of the runtime. */
export type SyncStatusRuntime = Pick<AppRuntime, 'config' | 'localStore' | 'replicaHealth' | 'servingMirror' | 'state'>;

/** The jobs of a networked workstation; a standalone one has none. */
export interface WorkstationSync {
  monitor: ConnectionMonitor | null;
  mirror: MirrorSync | null;
  outbox: OfflineOutbox | null;
  /** Replays the outbox, then flushes the audit records and pulls the mirror (what coming back does). */
  catchUp?: () => Promise<void>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function syncStatus(runtime: SyncStatusRuntime, sync: WorkstationSync, user: SessionUser | null): Promise<SyncStatus> {
  const connection = sync.monitor?.state;
  const local = runtime.localStore();
  const pendingAuditRecords = local ? await local.models.AuditOutbox.count() : 0;
  const { pending, conflicts } = (await sync.outbox?.counts((channel) => user !== null && mayMake(user, channel))) ?? { pending: 0, conflicts: 0 };
  return {
    mode: runtime.config?.mode ?? 'standalone',
    online: connection?.online ?? runtime.state.ready,
    offlineSince: iso(connection?.offlineSinceMs ?? null),
    servingFromMirror: runtime.servingMirror,
    pendingChanges: pending,
    conflicts,
    pendingAuditRecords,
    lastMirrorPull: iso(sync.mirror?.lastPull.lastPullAtMs ?? null),
    mirrorProblem: sync.mirror?.lastPull.lastProblem ?? null,
    // Which replica is skipped is for whoever looks after the server, not for the front desk.
    replicas:
      user?.kind === 'staff' && (user.role === 'admin' || user.role === 'super_admin')
        ? runtime.replicaHealth().map((replica) => ({ ...replica, problem: replica.problem ?? null }))
        : [],
  };
}
