import type { SyncStatus } from '../../../../shared/ipc/sync/types';
import type { AppRuntime } from '../../runtime/app-runtime';
import type { ConnectionMonitor } from './connection-monitor';
import type { MirrorSync } from './mirror-sync';

/** The jobs of a networked workstation; a standalone one has neither. */
export interface WorkstationSync {
  monitor: ConnectionMonitor | null;
  mirror: MirrorSync | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function syncStatus(runtime: AppRuntime, sync: WorkstationSync): Promise<SyncStatus> {
  const connection = sync.monitor?.state;
  const pendingAuditRecords = runtime.state.ready ? await runtime.state.stores.local.models.AuditOutbox.count() : 0;
  return {
    mode: runtime.config?.mode ?? 'standalone',
    online: connection?.online ?? runtime.state.ready,
    offlineSince: iso(connection?.offlineSinceMs ?? null),
    servingFromMirror: false,
    pendingChanges: 0,
    conflicts: 0,
    pendingAuditRecords,
    lastMirrorPull: iso(sync.mirror?.lastPull.lastPullAtMs ?? null),
    mirrorProblem: sync.mirror?.lastPull.lastProblem ?? null,
  };
}
