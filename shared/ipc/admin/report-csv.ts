import { utilization, type ClinicReport } from './reports';

const cell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const line = (cells: (string | number | null)[]) => cells.map(cell).join(',');

/** One row per doctor and week (RFC 4180). */
export function utilizationCsv(report: ClinicReport): string {
  const rows = [line(['doctor', 'specialization', 'week_start', 'available_minutes', 'booked_minutes', 'utilization_percent'])];
  for (const d of report.doctors) {
    for (const w of d.weeks) {
      const u = utilization(w.bookedMinutes, w.availableMinutes);
      rows.push(line([d.name, d.specialization, w.weekStart, w.availableMinutes, w.bookedMinutes, u === null ? null : (u * 100).toFixed(1)]));
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
