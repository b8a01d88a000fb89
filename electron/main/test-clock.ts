import { DateTime } from 'luxon';

/** The environment variable a test launcher sets to start the workstation's clock at a fixed instant. */
export const TEST_NOW_VARIABLE = 'CLINIC_TEST_NOW';

const INSTANT_WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/;

/**
 * A milliseconds clock that starts at `CLINIC_TEST_NOW` and runs on in real time from there, or
 * null when the variable is not set. End-to-end runs use it so "today" in the generated clinic is
 * the same weekday whenever the suite runs; it advances so waits, timers and "late" keep their
 * meaning. The value must name its offset: a bare local time would mean a different instant on
 * every machine.
 */
export function testClockFromEnv(env: NodeJS.ProcessEnv, realNowMs: () => number = Date.now): (() => number) | null {
  const value = env[TEST_NOW_VARIABLE];
  if (value === undefined || value === '') return null;
  const start = INSTANT_WITH_OFFSET.test(value) ? DateTime.fromISO(value, { setZone: true }) : null;
  if (!start?.isValid) {
    throw new Error(`${TEST_NOW_VARIABLE} must be an ISO instant with its offset, e.g. 2026-12-07T10:00:00Z (got "${value}").`);
  }
  const startMs = start.toMillis();
  const realStartMs = realNowMs();
  return () => startMs + (realNowMs() - realStartMs);
}
