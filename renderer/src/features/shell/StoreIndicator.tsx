import type { AppStatus } from '../../../../shared/ipc/types';

/** Where this workstation keeps its data, with a dot that says whether that store is healthy. */
export function StoreIndicator({ status }: { status: AppStatus }) {
  const healthy = status.stores.length > 0 && status.stores.every((store) => store.ok);
  const mode = status.mode === 'networked' ? 'Clinic server' : 'Local store';
  const detail = status.stores
    .map((store) => `${store.description}: ${store.ok ? 'connected' : (store.problem ?? 'not available')}`)
    .join('\n');
  return (
    <div className="store-indicator" title={detail}>
      <span className={`health-dot${healthy ? ' health-dot--ok' : ' health-dot--failed'}`} aria-hidden="true" />
      <span className="store-indicator__mode">{mode}</span>
      <span className="visually-hidden">{healthy ? ', connected' : ', not available'}</span>
    </div>
  );
}
