import { STEP_MINUTES, type GridRange } from './grid-geometry';

/** An appointment picked up with the keyboard: where it would land now. */
export interface Carry {
  /** The column it came from. */
  fromCol: number;
  col: number;
  /** Start, minutes after midnight. */
  minutes: number;
  durationMinutes: number;
}

/**
 * One arrow key while carrying: up/down a slot step, left/right a column, kept inside the grid
 * (a visit never hangs past the grid's end). Other keys leave it where it is.
 */
export function stepCarry(carry: Carry, key: string, columns: number, range: GridRange): Carry {
  const latest = range.end - carry.durationMinutes;
  if (key === 'ArrowDown') return { ...carry, minutes: Math.min(latest, carry.minutes + STEP_MINUTES) };
  if (key === 'ArrowUp') return { ...carry, minutes: Math.max(range.start, carry.minutes - STEP_MINUTES) };
  if (key === 'ArrowRight') return { ...carry, col: Math.min(columns - 1, carry.col + 1) };
  if (key === 'ArrowLeft') return { ...carry, col: Math.max(0, carry.col - 1) };
  return carry;
}
