/** One row as a driver returns it (column name → value). */
export type Row = Record<string, unknown>;

const SQLITE_DATETIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d+)?)(?: ?([+-]\d{2}:\d{2}))?$/;

/**
 * The same value as MySQL (mysql2) and SQLite (Sequelize's text format) hand it back, so the two
 * sides of the mirror can be compared: instants as ISO strings, booleans and numbers as numbers.
 */
export function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const match = SQLITE_DATETIME.exec(value);
    if (match) return new Date(`${match[1]}T${match[2]}${match[3] ?? 'Z'}`).toISOString();
    // DECIMAL arrives as text from mysql2 and as a number from SQLite
    if (/^-?\d+\.\d+$/.test(value)) return Number(value);
  }
  return value;
}

export function sameRow(a: Row, b: Row, columns: readonly string[]): boolean {
  return columns.every((column) => comparable(a[column]) === comparable(b[column]));
}
