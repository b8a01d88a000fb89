import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/plain-date';
import { neighbourDates, viewFreshness, type HeaderParameters } from '../../../shared/domain/calendar/view-freshness';

const NOTHING = { dayDate: null, week: null, month: null };
const day = (date: string): HeaderParameters => ({ view: 'day', date, weekDoctorId: null, specialization: null });

describe('whether the calendar shows what its header states', () => {
  it('day view: the previous day stays only as stale while the next one loads', () => {
    expect(viewFreshness(day('2026-12-08'), { ...NOTHING, dayDate: '2026-12-07' })).toEqual({
      state: 'stale',
      showing: '2026-12-07',
    });
    expect(viewFreshness(day('2026-12-08'), { ...NOTHING, dayDate: '2026-12-08' })).toEqual({ state: 'fresh' });
    expect(viewFreshness(day('2026-12-08'), NOTHING)).toEqual({ state: 'loading' });
  });

  it('week view: another week or another doctor is stale; any date of the same week is fresh', () => {
    const loaded = { ...NOTHING, week: { weekStart: '2026-12-07', doctorId: 3 } };
    const week = (date: string, weekDoctorId: number): HeaderParameters => ({
      view: 'week',
      date,
      weekDoctorId,
      specialization: null,
    });
    expect(viewFreshness(week('2026-12-13', 3), loaded)).toEqual({ state: 'fresh' });
    expect(viewFreshness(week('2026-12-14', 3), loaded).state).toBe('stale');
    expect(viewFreshness(week('2026-12-09', 4), loaded).state).toBe('stale');
  });

  it('month view: another month or another specialization filter is stale', () => {
    const loaded = { ...NOTHING, month: { month: '2026-12', specialization: null } };
    const month = (date: string, specialization: string | null): HeaderParameters => ({
      view: 'month',
      date,
      weekDoctorId: null,
      specialization,
    });
    expect(viewFreshness(month('2026-12-31', null), loaded)).toEqual({ state: 'fresh' });
    expect(viewFreshness(month('2027-01-01', null), loaded)).toEqual({ state: 'stale', showing: '2026-12' });
    expect(viewFreshness(month('2026-12-06', 'Dermatology'), loaded).state).toBe('stale');
  });

  it('a day view is fresh exactly when the loaded date is the header date (any two dates)', () => {
    const dates = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(dates, dates, (header, loaded) => {
        const result = viewFreshness(day(header), { ...NOTHING, dayDate: loaded });
        expect(result.state === 'fresh').toBe(header === loaded);
      }),
    );
  });

  it('the neighbours of a day are the next and the previous day, across a month end', () => {
    expect(neighbourDates('2026-12-31')).toEqual(['2027-01-01', '2026-12-30']);
  });
});
