import { useEffect } from 'react';
import type { AppStatus } from '../../../../shared/ipc/types';
import { useConnectionStore } from '../../stores/connection-store';
import { formatMoment } from '../staff/staff-format';

/**
 * Where this workstation keeps its data, with a dot that says whether that store answers; in
 * networked mode also since when the server is away and what waits on this workstation.
 */
export function StoreIndicator({ status }: { status: AppStatus }) {
  const connection = useConnectionStore((state) => state.status);
  const watch = useConnectionStore((state) => state.watch);
  useEffect(() => watch(), [watch]);

  const storesHealthy = status.stores.length > 0 && status.stores.every((store) => store.ok);
  const online = connection ? connection.online : storesHealthy;
  const networked = status.mode === 'networked';
  const zone = status.timezone ?? 'UTC';
  const label = !networked ? 'Local store' : online ? 'Clinic server' : 'Offline';
  const since = !online && connection?.offlineSince ? `since ${formatMoment(connection.offlineSince, zone).split(', ')[1]}` : null;
  const waiting = connection?.pendingAuditRecords ?? 0;
  const detail = [
    ...status.stores.map((store) => `${store.description}: ${store.ok ? 'connected' : (store.problem ?? 'not available')}`),
    ...(connection?.lastMirrorPull ? [`This workstation's copy updated ${formatMoment(connection.lastMirrorPull, zone, true)}`] : []),
    ...(connection?.mirrorProblem ? [connection.mirrorProblem] : []),
    ...(waiting > 0 ? [`${waiting} audit record${waiting === 1 ? '' : 's'} waiting to be sent`] : []),
  ].join('\n');
  return (
    <div className={`store-indicator${online ? '' : ' store-indicator--offline'}`} title={detail} data-testid="connection-indicator">
      <span className={`health-dot${online ? ' health-dot--ok' : ' health-dot--failed'}`} aria-hidden="true" />
      <span className="store-indicator__mode">{label}</span>
      {since ? <span className="store-indicator__since">{since}</span> : null}
      {waiting > 0 ? (
        <span className="store-indicator__pending" aria-label={`${waiting} waiting to be sent`}>
          {waiting}
        </span>
      ) : null}
      <span className="visually-hidden">{online ? ', connected' : ', not available'}</span>
    </div>
  );
}
