import { describe, expect, it } from 'vitest';
import { testClockFromEnv } from '../../../electron/main/test-clock';

describe('the pinned clock of a test run', () => {
  it('is absent without CLINIC_TEST_NOW', () => {
    expect(testClockFromEnv({})).toBeNull();
    expect(testClockFromEnv({ CLINIC_TEST_NOW: '' })).toBeNull();
  });

  it('starts at the given instant and runs on with the real clock', () => {
    let realMs = Date.parse('2031-05-17T23:59:00Z');
    const nowMs = testClockFromEnv({ CLINIC_TEST_NOW: '2026-12-07T11:00:00+01:00' }, () => realMs);
    expect(nowMs && new Date(nowMs()).toISOString()).toBe('2026-12-07T10:00:00.000Z');
    realMs += 90_000;
    expect(nowMs && new Date(nowMs()).toISOString()).toBe('2026-12-07T10:01:30.000Z');
  });

  it.each(['2026-12-07T10:00:00', '2026-12-07', 'monday', '2026-13-07T10:00:00Z'])('refuses %s, naming the variable', (value) => {
    expect(() => testClockFromEnv({ CLINIC_TEST_NOW: value })).toThrow(/CLINIC_TEST_NOW must be an ISO instant with its offset/);
  });
});
