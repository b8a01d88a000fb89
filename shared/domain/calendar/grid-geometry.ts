import type { CalendarAppointment, CalendarBlock, WallTimeRange } from '../../ipc/scheduling-types';
import { parseTime } from '../plain-date';

/** Pixels per minute of the time grid (an hour is 64 px: a 15-minute slot is 16 px). */
export const PX_PER_MINUTE = 64 / 60;
/** The grid's step for selecting and dropping: the clinic's default slot step. */
export const STEP_MINUTES = 15;
/** What a click on a free slot selects. */
export const DEFAULT_SELECTION_MINUTES = 30;

/** The default hours the grid shows, widened to whatever the day's data needs. */
const DEFAULT_FIRST_HOUR = 7;
const DEFAULT_END_HOUR = 20;

export interface GridRange {
  /** minutes after midnight of the first hour shown */
  start: number;
  /** minutes after midnight where the grid ends (a whole hour) */
  end: number;
}

export interface ColumnData {
  working: WallTimeRange[];
  blocks: CalendarBlock[];
  appointments: CalendarAppointment[];
}

/** 07:00–20:00, or wider when a doctor works or an appointment sits outside it (never a whole-day block). */
export function gridRange(columns: readonly ColumnData[]): GridRange {
  let start = DEFAULT_FIRST_HOUR * 60;
  let end = DEFAULT_END_HOUR * 60;
  for (const column of columns) {
    for (const range of column.working) {
      start = Math.min(start, parseTime(range.start));
      end = Math.max(end, parseTime(range.end));
    }
    for (const a of column.appointments) {
      start = Math.min(start, parseTime(a.time));
      end = Math.max(end, parseTime(a.time) + a.durationMinutes);
    }
  }
  return { start: Math.floor(start / 60) * 60, end: Math.min(24 * 60, Math.ceil(end / 60) * 60) };
}

export function hoursOf(range: GridRange): number[] {
  const hours: number[] = [];
  for (let m = range.start; m < range.end; m += 60) hours.push(m / 60);
  return hours;
}

/** Where a wall-clock time sits in the grid, in px from its top. */
export function topOf(minutes: number, range: GridRange): number {
  return (minutes - range.start) * PX_PER_MINUTE;
}

/** The slot a y offset (px from the grid's top) falls in, snapped down to the step and kept in the grid. */
export function slotAt(y: number, range: GridRange, step = STEP_MINUTES): number {
  const minutes = range.start + Math.floor(y / PX_PER_MINUTE / step) * step;
  return Math.max(range.start, Math.min(range.end - step, minutes));
}

/**
 * Side-by-side lanes for overlapping appointments (cancelled ones overlap the live ones that took
 * their place): each appointment gets a lane and the number of lanes of its cluster.
 */
export function laneLayout(appointments: readonly CalendarAppointment[]): Map<number, { lane: number; lanes: number }> {
  const sorted = [...appointments].sort((a, b) => parseTime(a.time) - parseTime(b.time) || a.id - b.id);
  const result = new Map<number, { lane: number; lanes: number }>();
  let cluster: { id: number; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    const lanes = Math.max(1, laneEnds.length);
    for (const item of cluster) result.set(item.id, { lane: item.lane, lanes });
    cluster = [];
    laneEnds = [];
  };
  for (const a of sorted) {
    const start = parseTime(a.time);
    const end = start + a.durationMinutes;
    if (start >= clusterEnd) close();
    let lane = laneEnds.findIndex((laneEnd) => laneEnd <= start);
    if (lane === -1) lane = laneEnds.push(end) - 1;
    else laneEnds[lane] = end;
    cluster.push({ id: a.id, lane });
    clusterEnd = Math.max(clusterEnd, end);
  }
  close();
  return result;
}

/** The parts of the grid outside the doctor's working hours: shaded. */
export function offHours(working: readonly WallTimeRange[], range: GridRange): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let cursor = range.start;
  for (const w of [...working].sort((a, b) => parseTime(a.start) - parseTime(b.start))) {
    const s = Math.max(range.start, parseTime(w.start));
    const e = Math.min(range.end, parseTime(w.end));
    if (s > cursor) parts.push({ start: cursor, end: s });
    cursor = Math.max(cursor, e);
  }
  if (cursor < range.end) parts.push({ start: cursor, end: range.end });
  return parts;
}

const isInactive = (a: CalendarAppointment) => a.status === 'Cancelled' || a.status === 'No-Show';
const spanOf = (a: CalendarAppointment) => [parseTime(a.time), parseTime(a.time) + a.durationMinutes] as const;
const overlaps = (a: CalendarAppointment, b: CalendarAppointment) => {
  const [as, ae] = spanOf(a);
  const [bs, be] = spanOf(b);
  return as < be && bs < ae;
};

export interface BlockPlace {
  lane: number;
  lanes: number;
  /** A cancelled or no-show appointment under a live one: a narrow tab at the column's right edge. */
  tab: boolean;
  /** A live appointment with such a tab beside it: leaves room for the tab. */
  besideTab: boolean;
}

/**
 * Where each block goes. Live appointments share lanes among themselves; a cancelled or no-show
 * one that overlaps a live one (its slot was given away) becomes a narrow tab beside it instead
 * of halving the live block, so the names that matter stay readable.
 */
export function blockLayout(appointments: readonly CalendarAppointment[]): Map<number, BlockPlace> {
  const tabs = appointments.filter((a) => isInactive(a) && appointments.some((b) => !isInactive(b) && overlaps(a, b)));
  const tabIds = new Set(tabs.map((a) => a.id));
  const lanes = laneLayout(appointments.filter((a) => !tabIds.has(a.id)));
  const places = new Map<number, BlockPlace>();
  for (const a of appointments) {
    if (tabIds.has(a.id)) places.set(a.id, { lane: 0, lanes: 1, tab: true, besideTab: false });
    else
      places.set(a.id, {
        ...(lanes.get(a.id) ?? { lane: 0, lanes: 1 }),
        tab: false,
        besideTab: tabs.some((t) => overlaps(a, t)),
      });
  }
  return places;
}
