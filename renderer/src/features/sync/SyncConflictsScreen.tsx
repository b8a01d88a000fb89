import { formatMoment } from '../../stores/display-format';
import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { ConflictResolution, SyncConflict } from '../../../../shared/ipc/sync/types';
import { Banner } from '../../components/Banner';
import { LoadProblem } from '../../components/LoadProblem';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useConnectionStore } from '../../stores/connection-store';
import { useSyncConflictsStore } from '../../stores/sync-conflicts-store';
import { AnotherSlotDialog } from './AnotherSlotDialog';
import { RESOLUTION_LABEL } from './conflict-labels';
import { AdminPage } from '../../components/AdminPage';
import { EmptyState } from '../../components/EmptyState';

export const NO_CONFLICTS = 'No conflicts: every change made offline reached the clinic server.';

function ConflictRow({
  conflict,
  zone,
  busy,
  error,
  onResolve,
}: {
  conflict: SyncConflict;
  zone: string;
  busy: boolean;
  error: AppError | null;
  onResolve(resolution: ConflictResolution): void;
}) {
  return (
    <li className="conflict card" data-testid="sync-conflict" data-conflict-id={conflict.id}>
      <div className="conflict__body">
        <p className="conflict__what">{conflict.what}</p>
        <p className="conflict__reason">{conflict.reason}</p>
        <p className="conflict__made">
          Made by {conflict.madeBy} on {formatMoment(conflict.madeAt, zone)}, while the clinic server was away
        </p>
        <ProblemBanner title="Not settled" error={error} />
      </div>
      <div className="conflict__actions">
        {conflict.resolutions.map((resolution) => (
          <button
            key={resolution}
            type="button"
            className={`button button--small ${resolution === 'another-slot' ? 'button--primary' : 'button--secondary'}`}
            title={RESOLUTION_LABEL[resolution].hint}
            disabled={busy || (resolution === 'another-slot' && !conflict.booking)}
            onClick={() => onResolve(resolution)}
          >
            {RESOLUTION_LABEL[resolution].label}
          </button>
        ))}
      </div>
    </li>
  );
}

/** Changes made on this workstation while offline that the clinic server refused, each settled in one step. */
export function SyncConflictsScreen({ zone }: { zone: string }) {
  const { conflicts, loading, error, load, resolve } = useSyncConflictsStore();
  // The indicator's count moving (a replay just finished) is the moment to ask again.
  const count = useConnectionStore((state) => state.status?.conflicts ?? null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<number, AppError>>({});
  const [choosing, setChoosing] = useState<SyncConflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load, count]);

  async function settle(conflict: SyncConflict, resolution: ConflictResolution) {
    if (resolution === 'another-slot') {
      setChoosing(conflict);
      return;
    }
    setBusyId(conflict.id);
    setNotice(null);
    const result = await resolve({ conflictId: conflict.id, resolution });
    setBusyId(null);
    setRowErrors(({ [conflict.id]: _dropped, ...rest }) => (result.ok ? rest : { ...rest, [conflict.id]: result.error }));
    if (result.ok) setNotice(result.data.summary);
  }

  return (
    <AdminPage
      titleId="conflicts-title"
      title="Sync conflicts"
      lead={
        <>
          Changes made on this workstation while the clinic server was away, which the server could not take as they were: someone
          else changed the same thing meanwhile. Choose what happens to each.
        </>
      }
    >

      {notice ? <Banner tone="info" title="Settled" key={notice}><p>{notice}</p></Banner> : null}
      {error ? <LoadProblem title="The conflicts could not be listed" error={error} onRetry={() => void load()} /> : null}

      {conflicts && conflicts.length > 0 ? (
        <ul className="conflict-list" aria-label="Conflicts to resolve">
          {conflicts.map((conflict) => (
            <ConflictRow
              key={conflict.id}
              conflict={conflict}
              zone={zone}
              busy={busyId === conflict.id}
              error={rowErrors[conflict.id] ?? null}
              onResolve={(resolution) => void settle(conflict, resolution)}
            />
          ))}
        </ul>
      ) : null}
      {conflicts && conflicts.length === 0 ? (
        <div className="card table-card">
          <p className="table-card__empty" data-testid="no-conflicts">
            {NO_CONFLICTS}
          </p>
        </div>
      ) : null}
      {!conflicts && loading ? (
        <EmptyState loading>Loading conflicts…</EmptyState>
      ) : null}

      {choosing?.booking ? (
        <AnotherSlotDialog
          conflict={choosing}
          booking={choosing.booking}
          zone={zone}
          onClose={() => setChoosing(null)}
          onResolved={(summary) => {
            setChoosing(null);
            setNotice(summary);
          }}
        />
      ) : null}
    </AdminPage>
  );
}
