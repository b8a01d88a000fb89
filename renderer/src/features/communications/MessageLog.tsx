import { formatMoment } from '../../stores/display-format';
import { useEffect, useMemo, useState } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { COMMUNICATION_TYPES, DELIVERY_STATUSES } from '../../../../shared/documents/communication-logs';
import type { CommunicationLogView } from '../../../../shared/ipc/communications/types';
import type { AppError } from '../../../../shared/ipc/result';
import { isIsoDate } from '../../../../shared/domain/plain-date';
import { Banner } from '../../components/Banner';
import { DateField } from '../../components/DateField';
import { BusyButton } from '../../components/BusyButton';
import { useCommunicationsStore, type LogFilters } from '../../stores/communications-store';
import { METHOD_LABEL, STATUS_LABEL, statusTone, TYPE_LABEL } from './labels';
import { ProblemBanner } from '../../components/ProblemBanner';
import { EmptyState } from '../../components/EmptyState';
import { TableHeadOf } from '../../components/TableHead';
import { FormField } from '../../components/FormField';
import { LabelledOptions } from '../../components/LabelledOptions';

const column = createColumnHelper<CommunicationLogView>();

/** A filter that is off ("Any", the empty value) or names one value of its list. */
function AnyOrOne<Value extends string>({
  id,
  label,
  value,
  onChange,
  values,
  labels,
}: {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  values: readonly Value[];
  labels: Readonly<Record<Value, string>>;
}) {
  return (
    <FormField id={id} label={label}>
      <select id={id} className="field__input field__select" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        <LabelledOptions values={values} labels={labels} />
      </select>
    </FormField>
  );
}

/** The communication log: every message sent or attempted, newest first, filtered on the server. */
export function MessageLog({ zone, canRunJob }: { zone: string; canRunJob: boolean }) {
  const { log, logTotal, logLoading, logError, lastRun, searchLog, loadMoreLog, runNow } = useCommunicationsStore();
  const [type, setType] = useState('');
  const [status, setStatus] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<AppError | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  // a date being typed (not yet a date) searches nothing: its field says how to write it
  const unreadDate = (from !== '' && !isIsoDate(from)) || (to !== '' && !isIsoDate(to));
  const rangeProblem = !unreadDate && from && to && from > to ? 'The end date is before the start date' : null;

  const filters = useMemo((): LogFilters => {
    const f: LogFilters = {};
    if (type) f.type = type as LogFilters['type'];
    if (status) f.status = status as LogFilters['status'];
    if (from) f.from = from;
    if (to) f.to = to;
    return f;
  }, [type, status, from, to]);

  useEffect(() => {
    if (!rangeProblem && !unreadDate) void searchLog(filters);
  }, [filters, rangeProblem, unreadDate, searchLog]);

  const columns = useMemo(
    () => [
      column.accessor('sentAt', { header: 'Sent', cell: (c) => (c.getValue() ? formatMoment(c.getValue() as string, zone) : '—') }),
      column.accessor('type', { header: 'Message', cell: (c) => <span className="data-table__strong">{TYPE_LABEL[c.getValue()]}</span> }),
      column.accessor('patientName', { header: 'Patient', cell: (c) => c.getValue() ?? `#${c.row.original.patientId}` }),
      column.accessor('method', { header: 'By', cell: (c) => METHOD_LABEL[c.getValue()] }),
      column.accessor('recipient', { header: 'To', cell: (c) => <span className="data-table__muted">{c.getValue()}</span> }),
      column.accessor('subject', { header: 'Subject', cell: (c) => c.getValue() ?? <span className="data-table__muted">(SMS)</span> }),
      column.accessor('deliveryStatus', {
        header: 'Status',
        cell: (c) => (
          <span className={`status-pill status-pill--${statusTone(c.getValue())}`} title={c.row.original.reason ?? undefined}>
            {STATUS_LABEL[c.getValue()]}
          </span>
        ),
      }),
      column.display({
        id: 'details',
        header: '',
        cell: (c) => (
          <button type="button" className="button button--ghost button--small" aria-expanded={expanded === c.row.original.id} onClick={() => setExpanded(expanded === c.row.original.id ? null : c.row.original.id)}>
            {expanded === c.row.original.id ? 'Hide' : 'Details'}
          </button>
        ),
      }),
    ],
    [zone, expanded],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is meant to be read afresh every render
  const table = useReactTable({ data: log ?? [], columns, getCoreRowModel: getCoreRowModel(), getRowId: (row) => row.id });

  async function run() {
    setRunning(true);
    const result = await runNow();
    setRunning(false);
    setRunError(result.ok ? null : result.error);
  }

  return (
    <div className="message-log">
      <form className="card log-filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <AnyOrOne id="log-type" label="Message" value={type} onChange={setType} values={COMMUNICATION_TYPES} labels={TYPE_LABEL} />
        <AnyOrOne id="log-status" label="Status" value={status} onChange={setStatus} values={DELIVERY_STATUSES} labels={STATUS_LABEL} />
        <DateField label="Sent from" id="log-from" value={from} onChange={setFrom} />
        <DateField label="Sent until" id="log-to" value={to} onChange={setTo} error={rangeProblem} />
        <div className="log-filters__actions">
          <button
            type="button"
            className="button button--ghost"
            onClick={() => {
              setType('');
              setStatus('');
              setFrom('');
              setTo('');
            }}
          >
            Clear
          </button>
          {canRunJob ? (
            <BusyButton className="button button--primary" busy={running} onClick={() => void run()}>
              Send due messages now
            </BusyButton>
          ) : null}
        </div>
        {from || to ? <p className="field__hint log-filters__note">Messages that were never sent have no date and are left out of a date filter.</p> : null}
      </form>

      {lastRun ? (
        <Banner tone="info" title="Due messages checked">
          <p data-testid="run-summary">
            {lastRun.sent} sent, {lastRun.retrying} waiting for a retry, {lastRun.failed} failed, {lastRun.notSent} not sent.
            {lastRun.emailPaused ? ` Email is paused: ${lastRun.emailPaused}` : ''}
          </p>
        </Banner>
      ) : null}
      <ProblemBanner title="The messages could not be checked" error={runError} />
      <ProblemBanner title="The log could not be searched" error={logError} />

      <div className="card table-card">
        <table className="data-table" aria-label="Communication log">
          <TableHeadOf table={table} />
          <tbody>
            {table.getRowModel().rows.map((row) => [
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={cell.column.id === 'sentAt' ? 'data-table__nowrap' : undefined}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>,
              expanded === row.id ? (
                <tr key={`${row.id}-details`} className="log-details">
                  <td colSpan={columns.length}>
                    <div className="log-details__body">
                      <pre className="message-text">{row.original.content}</pre>
                      <dl className="log-details__facts">
                        {row.original.reason ? (
                          <>
                            <dt>Reason</dt>
                            <dd>{row.original.reason}</dd>
                          </>
                        ) : null}
                        {row.original.attempts !== null ? (
                          <>
                            <dt>Attempts</dt>
                            <dd>{row.original.attempts}</dd>
                          </>
                        ) : null}
                        {row.original.messageId ? (
                          <>
                            <dt>Message id</dt>
                            <dd className="data-table__mono">{row.original.messageId}</dd>
                          </>
                        ) : null}
                        {row.original.patientConfirmed ? (
                          <>
                            <dt>Confirmed</dt>
                            <dd>{row.original.confirmedAt ? formatMoment(row.original.confirmedAt, zone) : 'yes'}</dd>
                          </>
                        ) : null}
                      </dl>
                    </div>
                  </td>
                </tr>
              ) : null,
            ])}
          </tbody>
        </table>
        {log && log.length === 0 ? <EmptyState as="div">No messages match these filters.</EmptyState> : null}
        {!log && logLoading ? (
          <EmptyState loading as="div">Loading…</EmptyState>
        ) : null}
        {log && log.length < logTotal ? (
          <div className="table-card__footer">
            <button type="button" className="button button--secondary" onClick={() => void loadMoreLog()} disabled={logLoading}>
              Show more ({logTotal - log.length} older)
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
