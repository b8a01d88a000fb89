import { flexRender, type Table } from '@tanstack/react-table';

/** A column of a data table: its heading, or a heading only assistive technology reads (a column of buttons). */
export type TableColumn = string | { label: string; className?: string; visuallyHidden?: boolean };

/** The heading row of a `data-table`: one column header per column, in order. */
export function TableHead({ columns }: { columns: readonly TableColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => {
          const { label, className, visuallyHidden } = typeof column === 'string' ? { label: column } : column;
          return (
            <th key={label} scope="col" className={className}>
              {visuallyHidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

/** The heading rows of a table laid out by TanStack Table, from its column definitions. */
export function TableHeadOf<Row>({ table }: { table: Table<Row> }) {
  return (
    <thead>
      {table.getHeaderGroups().map((group) => (
        <tr key={group.id}>
          {group.headers.map((header) => (
            <th key={header.id} scope="col">
              {flexRender(header.column.columnDef.header, header.getContext())}
            </th>
          ))}
        </tr>
      ))}
    </thead>
  );
}
