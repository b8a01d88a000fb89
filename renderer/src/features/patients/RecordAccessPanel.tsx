import { useEffect } from 'react';
import { formatMoment } from '../../stores/display-format';
import { ProblemBanner } from '../../components/ProblemBanner';
import { useRecordAccessStore } from '../../stores/record-access-store';
import { TableHead } from '../../components/TableHead';
import { EmptyState } from '../../components/EmptyState';

/** "Who viewed this record": the people who opened or changed it, newest first, by name (admins). */
export function RecordAccessPanel({ patientId, zone }: { patientId: number; zone: string }) {
  const { error, load } = useRecordAccessStore();
  const shown = useRecordAccessStore((state) => (state.patientId === patientId ? state.entries : null));

  useEffect(() => {
    void load(patientId);
  }, [patientId, load]);

  return (
    <section className="card table-card" aria-labelledby="record-access-title">
      <h3 className="card__title" id="record-access-title">
        Who viewed this record {shown ? <span className="card__count">{shown.length}</span> : null}
      </h3>
      <p className="record-access__lead">Everyone who opened or changed this patient’s information, newest first (the latest 50).</p>
      <ProblemBanner title="Could not say who viewed this record" error={error} />
      {!shown && !error ? (
        <EmptyState loading>Reading the audit trail…</EmptyState>
      ) : null}
      {shown && shown.length === 0 ? <EmptyState>Nobody has opened this record yet.</EmptyState> : null}
      {shown && shown.length > 0 ? (
        <table className="data-table data-table--compact" aria-label="Who viewed this record">
          <TableHead columns={['When', 'Who', 'What', 'Workstation']} />
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.id}>
                <td className="data-table__nowrap">{formatMoment(entry.timestamp, zone)}</td>
                <td>{entry.userName ?? 'Unknown account'}</td>
                <td>
                  {entry.actionText}
                  {entry.outcome === 'denied' ? <span className="status-pill status-pill--denied record-access__denied">Refused</span> : null}
                </td>
                <td className="data-table__muted">{entry.workstation ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
