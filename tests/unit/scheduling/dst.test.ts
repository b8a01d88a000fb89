import { describe, expect, it } from 'vitest';
import { checkBooking, freeSlots, type SchedulingRules } from '../../../shared/domain/scheduling';
import { startOfDay } from '../../../shared/domain/scheduling';
import { everyDay } from './arbitraries';

const berlin: SchedulingRules = {
  timezone: 'Europe/Berlin',
  slotStepMinutes: 30,
  minimumNoticeMinutes: 0,
  bookingHorizonDays: 365,
  bufferMinutes: 0,
  openingHours: Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [['00:00', '24:00']]])),
};
const night = { weekly: everyDay('01:00', '04:00'), blocks: [], appointments: [] };

describe('daylight-saving days in Europe/Berlin', () => {
  it('spring forward (2026-03-29): 02:00–03:00 does not exist, so no slot is offered in it', () => {
    const now = startOfDay('2026-03-28', 'Europe/Berlin');
    const slots = freeSlots(night, berlin, { now, dates: ['2026-03-29'], durationMinutes: 30 });
    expect(slots.map((s) => s.time)).toEqual(['01:00', '01:30', '03:00', '03:30']);
    const refused = checkBooking({ date: '2026-03-29', time: '02:30', durationMinutes: 30 }, night, [], berlin, now);
    expect(refused).toMatchObject({ ok: false, code: 'NONEXISTENT_TIME' });
  });

  it('fall back (2026-10-25): the repeated hour is offered once, and 01:00–04:00 is four real hours', () => {
    const now = startOfDay('2026-10-24', 'Europe/Berlin');
    const slots = freeSlots(night, berlin, { now, dates: ['2026-10-25'], durationMinutes: 30 });
    expect(slots.map((s) => s.time)).toEqual(['01:00', '01:30', '02:00', '02:30', '03:00', '03:30']);
    // a 90-minute visit starting 01:30 really ends at 02:00 of the second pass: it fits before 04:00
    const long = freeSlots(night, berlin, { now, dates: ['2026-10-25'], durationMinutes: 150 });
    expect(long.map((s) => s.time)).toContain('01:30');
  });
});
