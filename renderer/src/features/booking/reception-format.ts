import type { AppError } from '../../../../shared/ipc/result';
import type { SlotView } from '../../../../shared/ipc/scheduling-types';

/** '1984-06-02' → '02 Jun 1984': unambiguous at the desk whatever the reader's habits. */
export function formatBirthDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const month = new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${String(d).padStart(2, '0')} ${month} ${y}`;
}

/** '2026-12-08' → 'Tue 8 Dec'. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The alternatives main offers with a SLOT_TAKEN (and similar) refusal. */
export function alternativesOf(error: AppError): SlotView[] {
  const details = error.details as { alternatives?: unknown } | undefined;
  return Array.isArray(details?.alternatives) ? (details.alternatives as SlotView[]) : [];
}

export const PRIORITY_LABEL: Record<number, string> = { 1: 'Urgent', 2: 'High', 3: 'Normal' };
