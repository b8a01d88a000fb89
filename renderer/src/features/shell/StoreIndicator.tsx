import { formatMoment } from '../../stores/display-format';
import { useEffect } from 'react';
import type { AppStatus } from '../../../../shared/ipc/types';
import type { ReplicaStatus } from '../../../../shared/ipc/sync/types';
import { useConnectionStore } from '../../stores/connection-store';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function replicaLine(replica: ReplicaStatus): string {
  switch (replica.state) {
    case 'ok':
      return `in use${replica.lagSeconds ? `, ${replica.lagSeconds} s behind` : ''}`;
    case 'unchecked':
      return 'not looked at yet';
    default:
      return `skipped (reads go to the primary): ${replica.problem ?? replica.state}`;
  }
}

/**
 * Where this workstation keeps its data, with a dot that says whether that store answers; in
 * networked mode also since when the server is away, what waits on this workstation to be sent,
 * and the conflicts staff must settle (a button to the screen that settles them).
 */
export function StoreIndicator({ status, onOpenConflicts }: { status: AppStatus; onOpenConflicts?: () => void }) {
  const connection = useConnectionStore((state) => state.status);
  const watch = useConnectionStore((state) => state.watch);
  useEffect(() => watch(), [watch]);

  const storesHealthy = status.stores.length > 0 && status.stores.every((store) => store.ok);
  const online = connection ? connection.online : storesHealthy;
  const networked = status.mode === 'networked';
  const zone = status.timezone ?? 'UTC';
  const label = !networked ? 'Local store' : online ? 'Clinic server' : 'Offline';
  const since = !online && connection?.offlineSince ? `since ${formatMoment(connection.offlineSince, zone).split(', ')[1]}` : null;
  const pending = connection?.pendingChanges ?? 0;
  const conflicts = connection?.conflicts ?? 0;
  // Back online but the outbox is still replaying: screens still read this workstation's copy.
  const sending = online && networked && connection?.servingFromMirror === true;
  const auditWaiting = connection?.pendingAuditRecords ?? 0;
  // Filled for admins only: a skipped replica is theirs to look after.
  const replicas = connection?.replicas ?? [];
  const skippedReplicas = replicas.filter((replica) => replica.state === 'lagging' || replica.state === 'down').length;
  const detail = [
    ...status.stores.map((store) => `${store.description}: ${store.ok ? 'connected' : (store.problem ?? 'not available')}`),
    ...(connection?.lastMirrorPull ? [`This workstation's copy updated ${formatMoment(connection.lastMirrorPull, zone, true)}`] : []),
    ...(connection?.mirrorProblem ? [connection.mirrorProblem] : []),
    ...(pending > 0 ? [`${plural(pending, 'change', 'changes')} made here, waiting to be sent to the clinic server`] : []),
    ...(auditWaiting > 0 ? [`${plural(auditWaiting, 'audit record', 'audit records')} waiting to be sent`] : []),
    ...replicas.map((replica) => `${replica.description}: ${replicaLine(replica)}`),
  ].join('\n');
  return (
    <div className="store-status">
      <div className={`store-indicator${online ? '' : ' store-indicator--offline'}`} title={detail} data-testid="connection-indicator">
        <span className={`health-dot${online ? ' health-dot--ok' : ' health-dot--failed'}`} aria-hidden="true" />
        <span className="store-indicator__mode">{label}</span>
        {since ? <span className="store-indicator__since">{since}</span> : null}
        {sending ? <span className="store-indicator__sending">· Sending changes…</span> : null}
        {pending > 0 ? (
          <span className="store-indicator__pending" data-testid="pending-changes">
            {plural(pending, 'change', 'changes')} waiting
          </span>
        ) : null}
        {skippedReplicas > 0 ? (
          <span className="store-indicator__replicas" data-testid="replicas-skipped">
            {plural(skippedReplicas, 'replica', 'replicas')} skipped
          </span>
        ) : null}
        <span className="visually-hidden">{online ? ', connected' : ', not available'}</span>
      </div>
      {conflicts > 0 ? (
        <button
          type="button"
          className="store-conflicts"
          data-testid="sync-conflicts"
          onClick={onOpenConflicts}
          title="Changes made offline that the clinic server refused: choose what happens to each"
        >
          {plural(conflicts, 'conflict', 'conflicts')} to resolve
        </button>
      ) : null}
    </div>
  );
}
