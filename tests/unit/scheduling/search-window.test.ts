import { describe, expect, it } from 'vitest';
import { firstSearchWindowEnd, type SchedulingRules } from '../../../shared/domain/scheduling';

const weekdays: SchedulingRules['openingHours'] = { '1': [['08:00', '18:00']], '2': [['08:00', '18:00']], '3': [['08:00', '18:00']], '4': [['08:00', '18:00']], '5': [['08:00', '18:00']] };

describe('the first read of a soonest-slot search', () => {
  it('covers the first two dates the clinic opens', () => {
    // 2026-12-07 is a Monday
    expect(firstSearchWindowEnd('2026-12-07', '2027-01-05', { openingHours: weekdays })).toBe('2026-12-08');
    expect(firstSearchWindowEnd('2026-12-11', '2027-01-05', { openingHours: weekdays })).toBe('2026-12-14');
  });

  it('reaches past a weekend, not a week beyond it', () => {
    expect(firstSearchWindowEnd('2026-12-12', '2027-01-05', { openingHours: weekdays })).toBe('2026-12-15');
  });

  it('stops at a week when the clinic does not open, and never passes the last date searched', () => {
    expect(firstSearchWindowEnd('2026-12-07', '2027-01-05', { openingHours: {} })).toBe('2026-12-13');
    expect(firstSearchWindowEnd('2026-12-12', '2026-12-13', { openingHours: weekdays })).toBe('2026-12-13');
    expect(firstSearchWindowEnd('2026-12-07', '2026-12-07', { openingHours: weekdays })).toBe('2026-12-07');
  });
});
