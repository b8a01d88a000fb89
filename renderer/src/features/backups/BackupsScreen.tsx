import { formatMoment } from '../../stores/display-format';
import { useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { BackupView, RestoreResult } from '../../../../shared/ipc/backups/types';
import { Banner } from '../../components/Banner';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { LoadProblem } from '../../components/LoadProblem';
import { BusyButton } from '../../components/BusyButton';
import { useAppStore } from '../../stores/app-store';
import { useBackupsStore } from '../../stores/backups-store';
import { BACKUP_KIND_LABEL, formatSize } from './backup-format';
import { ProblemBanner } from '../../components/ProblemBanner';
import { AdminPage } from '../../components/AdminPage';
import { EmptyState } from '../../components/EmptyState';
import { DataTable } from '../../components/DataTable';
import { useLoadOnOpen } from '../../hooks/use-load-on-open';

function RestoreDialog({ backup, zone, onClose }: { backup: BackupView; zone: string; onClose: () => void }) {
  const restore = useBackupsStore((state) => state.restore);
  const reloadSession = useAppStore((state) => state.load);
  const [done, setDone] = useState<RestoreResult | null>(null);

  if (done) {
    return (
      <Dialog title="The clinic was restored" onClose={() => void reloadSession()}>
        <p className="dialog__text">
          The data is now as it was on {formatMoment(done.restored.takenAt, zone)}: {done.patients} patients and {done.appointments}{' '}
          appointments. The data as it was just before is kept as a backup of its own, so this can be undone.
        </p>
        <p className="dialog__text">Please sign in again.</p>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" onClick={() => void reloadSession()} autoFocus>
            Continue to sign-in
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <ConfirmDialog
      title={`Restore the backup of ${formatMoment(backup.takenAt, zone)}?`}
      confirmLabel="Restore this backup"
      tone="danger"
      failureTitle="Nothing was restored"
      onConfirm={() => restore(backup.name)}
      onConfirmed={setDone}
      onClose={onClose}
      stayOpenWhileBusy
    >
      <p className="dialog__text">
        Every patient, appointment, setting and account goes back to how it was then. Changes made since are replaced; a copy of
        the clinic as it is now is kept first, so you can go back. The audit trail keeps every record.
      </p>
    </ConfirmDialog>
  );
}

/** Admins: this workstation's backups of its local store, with a restore. */
export function BackupsScreen({ zone, standalone }: { zone: string; standalone: boolean }) {
  const { backups, loading, error, creating, load, create } = useBackupsStore();
  const [notice, setNotice] = useState<string | null>(null);
  const [createError, setCreateError] = useState<AppError | null>(null);
  const [restoring, setRestoring] = useState<BackupView | null>(null);

  useLoadOnOpen(load);

  async function backUpNow() {
    setNotice(null);
    setCreateError(null);
    const result = await create();
    if (result.ok) setNotice(`Backup made: ${formatSize(result.data.sizeBytes)}.`);
    else setCreateError(result.error);
  }

  return (
    <AdminPage
      titleId="backups-title"
      title="Backups"
      lead={
        standalone
          ? 'Copies of the clinic’s data on this computer, made automatically and kept in the app’s data folder.'
          : 'Copies of this workstation’s local store (its mirror of the clinic server and the changes waiting to be sent).'
      }
      actions={
        <BusyButton className="button button--primary" busy={creating} onClick={() => void backUpNow()}>
          Back up now
        </BusyButton>
      }
    >

      {notice ? <Banner tone="info" title={notice} key={notice} /> : null}
      <ProblemBanner title="No backup was made" error={createError} />
      {error ? <LoadProblem title="The backups could not be listed" error={error} onRetry={() => void load()} /> : null}

      <DataTable
        label="Backups"
        columns={['Taken', 'Kind', 'Size', { label: 'Actions', visuallyHidden: true }]}
        status={
          <>
            {backups && backups.length === 0 ? <EmptyState>No backups yet. The first one is made automatically, or now with “Back up now”.</EmptyState> : null}
            {!backups && loading ? (
              <EmptyState loading>Loading backups…</EmptyState>
            ) : null}
          </>
        }
      >
        {backups?.map((backup) => (
          <tr key={backup.name}>
            <td className="data-table__strong">{formatMoment(backup.takenAt, zone, true)}</td>
            <td>
              <span className={`tag ${backup.kind === 'before-restore' ? 'tag--warning' : 'tag--neutral'}`}>{BACKUP_KIND_LABEL[backup.kind]}</span>
            </td>
            <td className="data-table__muted">{formatSize(backup.sizeBytes)}</td>
            <td className="data-table__actions">
              {standalone ? (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  onClick={() => setRestoring(backup)}
                  aria-label={`Restore the backup of ${formatMoment(backup.takenAt, zone, true)}`}
                >
                  Restore
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>

      {restoring ? <RestoreDialog backup={restoring} zone={zone} onClose={() => setRestoring(null)} /> : null}
    </AdminPage>
  );
}
