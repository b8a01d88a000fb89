import type { CollectionName } from '../collections';

/**
 * The SQLite layout of the four collections: one table each, the whole document as JSON in
 * `body`, and the fields the app looks documents up by copied into real, indexed columns (the
 * same fields MongoDB indexes). Other fields are still filterable, through json_extract.
 */

/**
 * integer/text: as is. instant: ISO 8601 in UTC (`toISOString`), which sorts chronologically as
 * text. mixed: no declared type, so SQLite keeps numbers and strings apart as MongoDB does.
 */
export type ColumnKind = 'integer' | 'text' | 'instant' | 'mixed';

export interface IndexedColumn {
  field: string;
  column: string;
  kind: ColumnKind;
}

export interface DocumentTable {
  table: string;
  columns: readonly IndexedColumn[];
  /** Column lists; a descending time column in a compound index is not needed in SQLite. */
  indexes: readonly (readonly string[])[];
  /** Columns whose value no two documents may share (a second insert: DUPLICATE). */
  uniqueColumns?: readonly string[];
}

const patientId: IndexedColumn = { field: 'patientId', column: 'patient_id', kind: 'integer' };
const doctorId: IndexedColumn = { field: 'doctorId', column: 'doctor_id', kind: 'integer' };
const appointmentId: IndexedColumn = { field: 'appointmentId', column: 'appointment_id', kind: 'integer' };
const instant = (field: string, column: string): IndexedColumn => ({ field, column, kind: 'instant' });

/** Columns and indexes of a collection whose documents belong to a patient's visit. */
function visitTable(
  table: string,
  time: IndexedColumn,
  extraIndexes: readonly (readonly string[])[] = [],
): DocumentTable {
  return {
    table,
    columns: [patientId, doctorId, appointmentId, time],
    indexes: [
      ['patient_id'],
      ['doctor_id'],
      ['appointment_id'],
      [time.column],
      ['patient_id', time.column],
      ...extraIndexes,
    ],
  };
}

/** One document per appointment (feedback), as the unique index in MongoDB: the unique index replaces the plain one. */
function oneDocumentPerAppointment(table: DocumentTable): DocumentTable {
  return {
    ...table,
    indexes: table.indexes.filter((columns) => columns.join() !== 'appointment_id'),
    uniqueColumns: ['appointment_id'],
  };
}

export const DOCUMENT_TABLES: Readonly<Record<CollectionName, DocumentTable>> = {
  prescriptions: visitTable('doc_prescriptions', instant('prescriptionDate', 'prescription_date')),
  // A doctor's reviews, newest first, as in MongoDB.
  patient_feedback: oneDocumentPerAppointment(
    visitTable('doc_patient_feedback', instant('feedbackDate', 'feedback_date'), [['doctor_id', 'feedback_date']]),
  ),
  communication_logs: visitTable('doc_communication_logs', instant('sentAt', 'sent_at')),
  system_audit_logs: {
    table: 'doc_system_audit_logs',
    columns: [
      { field: 'eventId', column: 'event_id', kind: 'text' },
      instant('timestamp', 'timestamp'),
      patientId,
      { field: 'userId', column: 'user_id', kind: 'integer' },
      { field: 'resourceType', column: 'resource_type', kind: 'text' },
      { field: 'resourceId', column: 'resource_id', kind: 'mixed' },
    ],
    indexes: [
      ['timestamp'],
      ['patient_id', 'timestamp'],
      ['user_id', 'timestamp'],
      ['resource_type', 'resource_id', 'timestamp'],
    ],
    uniqueColumns: ['event_id'],
  },
};

const SQL_TYPES: Readonly<Record<ColumnKind, string>> = {
  integer: ' INTEGER',
  text: ' TEXT',
  instant: ' TEXT',
  mixed: '',
};

export const quote = (identifier: string) => `"${identifier}"`;

/** CREATE TABLE / CREATE INDEX statements, all IF NOT EXISTS: safe to run at every start. */
export function tableStatements(layout: DocumentTable, timestamped: boolean): string[] {
  const columns = [
    'id TEXT PRIMARY KEY NOT NULL',
    ...layout.columns.map(({ column, kind }) => `${quote(column)}${SQL_TYPES[kind]}`),
    ...(timestamped ? ['created_at TEXT NOT NULL', 'updated_at TEXT NOT NULL'] : []),
    'body TEXT NOT NULL CHECK (json_valid(body))',
  ];
  const create = `CREATE TABLE IF NOT EXISTS ${quote(layout.table)} (\n  ${columns.join(',\n  ')}\n)`;
  const indexes = layout.indexes.map(
    (indexColumns) =>
      `CREATE INDEX IF NOT EXISTS ${quote(`idx_${layout.table}_${indexColumns.join('_')}`)} ON ${quote(layout.table)} (${indexColumns.map(quote).join(', ')})`,
  );
  const unique = (layout.uniqueColumns ?? []).map(
    (column) =>
      `CREATE UNIQUE INDEX IF NOT EXISTS ${quote(`uq_${layout.table}_${column}`)} ON ${quote(layout.table)} (${quote(column)})`,
  );
  return [create, ...indexes, ...unique];
}
