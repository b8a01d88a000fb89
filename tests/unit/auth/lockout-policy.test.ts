import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, minutesLeft, type LockoutState } from '../../../electron/main/services/auth/lockout-policy';

const policy = { threshold: 5, lockMinutes: 15 };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 9, 0) + minute * 60_000);

function failTimes(times: number, from: LockoutState | null = null, minute = 0): LockoutState | null {
  let state = from;
  for (let i = 0; i < times; i++) state = afterFailure(state, at(minute), policy);
  return state;
}

describe('the lockout rule', () => {
  it('locks on the threshold-th failure in a row, not before', () => {
    expect(isLocked(failTimes(4), at(0))).toBe(false);
    const locked = failTimes(5);
    expect(isLocked(locked, at(0))).toBe(true);
    expect(locked?.lockedUntil?.getTime()).toBe(at(15).getTime());
  });

  it('unlocks when the lock runs out, and the next failure starts a fresh count', () => {
    const locked = failTimes(5) as LockoutState;
    expect(isLocked(locked, at(14))).toBe(true);
    expect(isLocked(locked, at(15))).toBe(false);
    const after = afterFailure(locked, at(16), policy);
    expect(after).toEqual({ failedCount: 1, lockedUntil: null });
  });

  it('says how many minutes are left, at least one', () => {
    const locked = failTimes(5) as LockoutState;
    expect(minutesLeft(locked, at(0))).toBe(15);
    expect(minutesLeft(locked, new Date(at(14).getTime() + 59_000))).toBe(1);
  });

  it('never locks for fewer failures than the threshold, whatever the threshold', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 20 }), fc.integer({ min: 0, max: 40 }), (threshold, failures) => {
        let state: LockoutState | null = null;
        for (let i = 0; i < failures; i++) state = afterFailure(state, at(0), { threshold, lockMinutes: 10 });
        expect(isLocked(state, at(0))).toBe(failures >= threshold);
      }),
    );
  });
});
