import { describe, expect, it } from 'vitest';
import { checkArrival } from '../../../shared/domain/scheduling';

describe('checkArrival', () => {
  const today = '2026-12-07';
  it('confirms a Scheduled or Confirmed visit of today', () => {
    expect(checkArrival({ status: 'Scheduled', date: today, checkedIn: false }, today)).toEqual({ ok: true, alreadyRecorded: false, newStatus: 'Confirmed' });
    expect(checkArrival({ status: 'Confirmed', date: today, checkedIn: false }, today)).toMatchObject({ ok: true, alreadyRecorded: false });
  });
  it('keeps an arrival already recorded', () => {
    expect(checkArrival({ status: 'Confirmed', date: today, checkedIn: true }, today)).toMatchObject({ ok: true, alreadyRecorded: true, newStatus: 'Confirmed' });
  });
  it('refuses other days and finished or cancelled visits', () => {
    expect(checkArrival({ status: 'Scheduled', date: '2026-12-08', checkedIn: false }, today)).toMatchObject({ ok: false, code: 'NOT_TODAY' });
    for (const status of ['Completed', 'Cancelled', 'No-Show'] as const) {
      expect(checkArrival({ status, date: today, checkedIn: false }, today)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    }
  });
});
