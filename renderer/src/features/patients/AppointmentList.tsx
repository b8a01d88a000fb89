import { formatClockTime, formatDayShort } from '../../stores/display-format';
import { useRef } from 'react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { PatientAppointment } from '../../../../shared/ipc/reception/types';
import { PendingTag } from '../../components/PendingTag';
import { TableHeadOf } from '../../components/TableHead';

const column = createColumnHelper<PatientAppointment>();
const COLUMNS = [
  column.accessor('date', { header: 'Date', cell: (c) => formatDayShort(c.getValue()) + ` ${c.getValue().slice(0, 4)}` }),
  column.accessor('time', { header: 'Time', cell: (c) => `${formatClockTime(c.getValue())} · ${c.row.original.durationMinutes} min` }),
  column.accessor('doctorName', {
    header: 'Doctor',
    cell: (c) => (
      <span className="cell-stack">
        <span>{c.getValue()}</span>
        <span className="cell-stack__meta">{c.row.original.specialization}</span>
      </span>
    ),
  }),
  column.accessor('appointmentType', { header: 'Type' }),
  column.accessor('status', {
    header: 'Status',
    cell: (c) => (
      <>
        <span
          className={`status-pill status-pill--${c
            .getValue()
            .toLowerCase()
            .replace(/[^a-z]/g, '')}`}
        >
          {c.getValue()}
        </span>{' '}
        <PendingTag id={c.row.original.id} kind="appointment" />
      </>
    ),
  }),
];

const ROW_HEIGHT = 53;

/**
 * A patient's appointments as a table; long histories scroll inside a fixed height with only
 * the visible rows rendered (TanStack Virtual: spacer rows above and below).
 */
export function AppointmentList({
  label,
  appointments,
  empty,
}: {
  label: string;
  appointments: PatientAppointment[];
  empty: string;
}) {
  // TanStack Table and Virtual hand out fresh functions on every render: not for the React Compiler to memoize.
  'use no memo';
  const table = useReactTable({ data: appointments, columns: COLUMNS, getCoreRowModel: getCoreRowModel() });
  const scroller = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  if (appointments.length === 0) return <p className="table-card__empty">{empty}</p>;
  return (
    <div className="appointment-list" ref={scroller}>
      <table className="data-table" aria-label={label}>
        <TableHeadOf table={table} />
        <tbody>
          {top > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: top, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index]!;
            return (
              <tr key={row.id} style={{ height: ROW_HEIGHT }}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            );
          })}
          {bottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: bottom, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** One titled card of the patient page holding a list of appointments, its count in the title. */
export function AppointmentsCard({
  id,
  title,
  label,
  appointments,
  empty,
}: {
  /** The title's id, which names the card's region. */
  id: string;
  title: string;
  label: string;
  appointments: PatientAppointment[];
  empty: string;
}) {
  return (
    <section className="card table-card" aria-labelledby={id}>
      <h3 className="card__title" id={id}>
        {title} <span className="card__count">{appointments.length}</span>
      </h3>
      <AppointmentList label={label} appointments={appointments} empty={empty} />
    </section>
  );
}
