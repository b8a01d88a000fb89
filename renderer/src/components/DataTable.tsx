import type { ReactNode } from 'react';
import { TableHead, type TableColumn } from './TableHead';

/**
 * A list shown as a table in a card: its named table, the column headings, the rows the caller
 * renders (or, given `empty`, one full-width row saying there are none), and under them the
 * list's state (loading, nothing yet) when there is one.
 */
export function DataTable({
  label,
  columns,
  empty,
  status,
  children,
}: {
  label: string;
  columns: readonly TableColumn[];
  /** Shown in place of the rows when there are none: pass it only then. */
  empty?: ReactNode;
  status?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="card table-card">
      <table className="data-table" aria-label={label}>
        <TableHead columns={columns} />
        <tbody>
          {empty ? (
            <tr>
              <td colSpan={columns.length} className="data-table__muted">
                {empty}
              </td>
            </tr>
          ) : (
            children
          )}
        </tbody>
      </table>
      {status}
    </div>
  );
}
