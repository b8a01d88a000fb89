import { useState } from 'react';
import type { IntegrityItem, IntegrityKindReport, IntegrityRepair } from '../../../../shared/ipc/consistency/types';
import type { AppError } from '../../../../shared/ipc/result';
import { Banner } from '../../components/Banner';
import { LoadProblem } from '../../components/LoadProblem';
import { ProblemBanner } from '../../components/ProblemBanner';
import { Spinner } from '../../components/Spinner';
import { BusyButton } from '../../components/BusyButton';
import { itemKey, useDataHealthStore } from '../../stores/data-health-store';
import { formatMoment } from '../../stores/display-format';
import { AdminPage } from '../../components/AdminPage';
import { TableHead } from '../../components/TableHead';
import { useLoadOnOpen } from '../../hooks/use-load-on-open';

const REPAIR_LABEL: Record<IntegrityRepair, string> = {
  resync_copy: 'Re-sync names',
  write_missing_log: 'Write log entry',
  flag_for_review: 'Flag for review',
};

const COLLECTION_LABEL: Record<IntegrityItem['collection'], string> = {
  prescriptions: 'Prescription',
  patient_feedback: 'Feedback',
  communication_logs: 'Message',
  system_audit_logs: 'Audit record',
  message_claims: 'Sent message',
};

function KindPanel({
  kind,
  onRepaired,
  onFailed,
}: {
  kind: IntegrityKindReport;
  onRepaired(summary: string): void;
  onFailed(error: AppError): void;
}) {
  const { repair, repairing } = useDataHealthStore();
  const clean = kind.count === 0;
  async function run(item: IntegrityItem) {
    const result = await repair(item);
    if (result.ok) onRepaired(result.data.summary);
    else onFailed(result.error);
  }
  return (
    <section
      className={`card data-health__kind${clean ? ' data-health__kind--clean' : ''}`}
      aria-label={kind.label}
      data-testid={`kind-${kind.kind}`}
    >
      <header className="data-health__kind-header">
        <h3 className="data-health__kind-title">{kind.label}</h3>
        <span
          className={`data-health__count${clean ? '' : ' data-health__count--found'}`}
          data-testid={`count-${kind.kind}`}
        >
          {clean ? 'None' : kind.count}
        </span>
      </header>
      {clean ? null : (
        <table className="data-table" aria-label={kind.label}>
          <TableHead columns={['Record', 'Patient no.', 'Found', { label: 'Repair', visuallyHidden: true }]} />
          <tbody>
            {kind.items.map((item) => {
              const busy = repairing.includes(itemKey(item));
              return (
                <tr key={itemKey(item)}>
                  <td>
                    {COLLECTION_LABEL[item.collection]} <code className="data-health__id">{item.documentId}</code>
                  </td>
                  <td>{item.patientId ?? '—'}</td>
                  <td>{item.detail}</td>
                  <td className="data-table__actions">
                    {item.flagged ? (
                      <span className="tag tag--warning">Flagged for review</span>
                    ) : item.repair ? (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={busy}
                        onClick={() => void run(item)}
                      >
                        {busy ? <Spinner /> : null}
                        {REPAIR_LABEL[item.repair]}
                      </button>
                    ) : (
                      <span className="data-health__history">History: kept as it is</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {kind.count > kind.items.length ? (
        <p className="data-health__more">
          The first {kind.items.length} of {kind.count} are listed.
        </p>
      ) : null}
    </section>
  );
}

/** Admins: where the relational store and the document store disagree, with a safe repair for each where one exists. */
export function DataHealthScreen({ zone }: { zone: string }) {
  const { report, checking, error, check } = useDataHealthStore();
  const [notice, setNotice] = useState<string | null>(null);
  const [repairError, setRepairError] = useState<AppError | null>(null);

  useLoadOnOpen(check);

  const found = report ? report.kinds.reduce((n, k) => n + k.count, 0) : 0;
  return (
    <AdminPage
      titleId="data-health-title"
      title="Data health"
      lead={
        <>
          Checks that prescriptions, feedback, messages and the audit trail agree with the clinic’s patients, doctors
          and appointments. Every repair is recorded in the audit trail.
        </>
      }
      actions={
        <BusyButton className="button button--primary" busy={checking} onClick={() => void check()}>
          Check again
        </BusyButton>
      }
    >

      {notice ? <Banner tone="info" title={notice} key={notice} /> : null}
      <ProblemBanner title="Nothing was repaired" error={repairError} />
      {error ? <LoadProblem title="The check could not run" error={error} onRetry={() => void check()} /> : null}

      {report ? (
        <>
          <p className="data-health__summary" data-testid="data-health-summary">
            {found === 0 ? 'Everything agrees.' : `${found} ${found === 1 ? 'problem' : 'problems'} found.`} Checked{' '}
            {formatMoment(report.checkedAt, zone)} in {(report.tookMs / 1000).toFixed(1)} s:{' '}
            {report.scanned.prescriptions} prescriptions, {report.scanned.patient_feedback} feedback entries,{' '}
            {report.scanned.communication_logs} messages, {report.scanned.system_audit_logs} audit records about
            patients.
            {report.lastScheduled
              ? ` The nightly check of ${report.lastScheduled.runDate} found ${Object.values(report.lastScheduled.counts).reduce((n, c) => n + c, 0)}.`
              : ''}
          </p>
          <div className="data-health__kinds">
            {report.kinds.map((kind) => (
              <KindPanel
                key={kind.kind}
                kind={kind}
                onRepaired={(summary) => {
                  setRepairError(null);
                  setNotice(summary);
                }}
                onFailed={(e) => {
                  setNotice(null);
                  setRepairError(e);
                }}
              />
            ))}
          </div>
        </>
      ) : checking ? (
        <Spinner />
      ) : null}
    </AdminPage>
  );
}
