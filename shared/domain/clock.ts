import type { EpochMinutes } from './scheduling/wall-clock';

/**
 * "Now" in whole minutes since the epoch, the unit every scheduling rule works in. Injected
 * wherever a rule depends on the time so tests pin it and a replay runs at the moment the change
 * was made; code that needs milliseconds or a `Date` takes its own clock with that unit.
 */
export type EpochMinuteClock = () => EpochMinutes;

export const systemMinuteClock: EpochMinuteClock = () => Math.floor(Date.now() / 60_000);

/** The minute clock read off a milliseconds one (the workstation's, which a test run may pin). */
export const minuteClockOf =
  (nowMs: () => number): EpochMinuteClock =>
  () =>
    Math.floor(nowMs() / 60_000);
