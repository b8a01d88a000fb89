import { utilization, type ClinicReport } from './reports';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV Injection"):
 * `=`, `+`, `-`, `@`, tab and carriage return. Text we did not compute ourselves (a doctor's name,
 * a specialization an admin typed) could start with one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field as RFC 4180 writes it (quoted when it holds a quote, comma or line break). Text that a
 * spreadsheet would run as a formula gets a leading `'`, so it shows as the text it is. Numbers we
 * computed are written as they are: a negative figure must stay a number.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly (string | number | null)[]): string => cells.map(csvField).join(',');

/** A CSV file: UTF-8 text, CRLF after every record (RFC 4180). */
export const csvDocument = (lines: readonly string[]): string => lines.map((l) => `${l}\r\n`).join('');

/** One row per doctor and week. */
export function utilizationCsv(report: ClinicReport): string {
  const rows = [csvLine(['doctor', 'specialization', 'week_start', 'available_minutes', 'booked_minutes', 'utilization_percent'])];
  for (const d of report.doctors) {
    for (const w of d.weeks) {
      const u = utilization(w.bookedMinutes, w.availableMinutes);
      rows.push(csvLine([d.name, d.specialization, w.weekStart, w.availableMinutes, w.bookedMinutes, u === null ? null : (u * 100).toFixed(1)]));
    }
  }
  return csvDocument(rows);
}
