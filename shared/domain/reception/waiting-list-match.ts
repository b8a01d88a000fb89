/**
 * Which waiting-list entries an opened slot can serve, best placed first. Pure.
 * Times are clinic wall-clock 'HH:MM'; dates 'YYYY-MM-DD' (both compare as text).
 */
import { parseTime } from '../plain-date';

export interface WaitingListEntry {
  id: number;
  patientId: number;
  doctorId: number | null;
  specialization: string | null;
  fromDate: string;
  toDate: string;
  /** The appointment may start at this time of day at the earliest ... */
  earliestTime: string;
  /** ... and must end by this one. */
  latestTime: string;
  durationMinutes: number;
  /** 1 = most urgent. */
  priority: number;
  /** Epoch milliseconds (or any increasing number): the order of joining the list. */
  createdAt: number;
}

export interface OpenedSlot {
  doctorId: number;
  specialization: string;
  date: string;
  time: string;
  /** How long the opening is. */
  durationMinutes: number;
}

/** True when the entry's patient would take this slot: right doctor, inside both windows, long enough. */
export function entryFitsSlot(entry: WaitingListEntry, slot: OpenedSlot): boolean {
  const forDoctor =
    entry.doctorId !== null
      ? entry.doctorId === slot.doctorId
      : entry.specialization !== null && entry.specialization.toLowerCase() === slot.specialization.toLowerCase();
  if (!forDoctor) return false;
  if (slot.date < entry.fromDate || slot.date > entry.toDate) return false;
  if (entry.durationMinutes > slot.durationMinutes) return false;
  const start = parseTime(slot.time);
  return start >= parseTime(entry.earliestTime) && start + entry.durationMinutes <= parseTime(entry.latestTime);
}

/** Best placed first: higher priority (lower number), then who has waited longest, then id. */
export function compareWaitingOrder(a: WaitingListEntry, b: WaitingListEntry): number {
  return a.priority - b.priority || a.createdAt - b.createdAt || a.id - b.id;
}

/** The entries that fit the opened slot, ranked; `exclude` drops patients who cannot take it (already busy then). */
export function rankWaitingListMatches(
  entries: readonly WaitingListEntry[],
  slot: OpenedSlot,
  exclude: (entry: WaitingListEntry) => boolean = () => false,
): WaitingListEntry[] {
  return entries.filter((entry) => entryFitsSlot(entry, slot) && !exclude(entry)).sort(compareWaitingOrder);
}
