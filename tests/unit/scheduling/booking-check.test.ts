import { describe, expect, it } from 'vitest';
import { checkBooking, checkTransition, startOfDay, type DoctorSchedule, type SchedulingRules } from '../../../shared/domain/scheduling';
import { everyDay } from './arbitraries';

const rules: SchedulingRules = {
  timezone: 'America/New_York',
  slotStepMinutes: 15,
  minimumNoticeMinutes: 60,
  bookingHorizonDays: 30,
  bufferMinutes: 0,
  openingHours: { '1': [['08:00', '18:00']], '2': [['08:00', '18:00']], '3': [['08:00', '18:00']], '4': [['08:00', '18:00']], '5': [['08:00', '18:00']] },
};
// Monday 2026-12-07; "now" is 08:00 that morning
const date = '2026-12-07';
const now = startOfDay(date, rules.timezone) + 8 * 60;
const doctor: DoctorSchedule = {
  weekly: [...everyDay('09:00', '12:00'), ...everyDay('14:00', '17:00')],
  blocks: [{ date, startTime: '15:00', endTime: '16:00' }],
  appointments: [{ date, time: '10:00', durationMinutes: 30 }],
};
const at = (time: string, durationMinutes = 30) => checkBooking({ date, time, durationMinutes }, doctor, [{ date, time: '11:00', durationMinutes: 30 }], rules, now);

describe('booking rules, each with its own code', () => {
  it('accepts a free time inside the split day', () => expect(at('09:00').ok).toBe(true));
  it('refuses times off the slot grid', () => expect(at('09:05')).toMatchObject({ code: 'OFF_GRID' }));
  it('refuses the past', () => expect(checkBooking({ date: '2026-12-04', time: '09:00', durationMinutes: 30 }, doctor, [], rules, now)).toMatchObject({ code: 'IN_PAST' }));
  it('refuses less than the minimum notice', () => expect(at('08:45')).toMatchObject({ code: 'TOO_SHORT_NOTICE' }));
  it('refuses beyond the horizon', () => expect(checkBooking({ date: '2027-02-01', time: '09:00', durationMinutes: 30 }, { ...doctor, blocks: [] }, [], rules, now)).toMatchObject({ code: 'BEYOND_HORIZON' }));
  it('refuses when the clinic is closed', () => expect(at('17:45')).toMatchObject({ code: 'OUTSIDE_OPENING_HOURS' }));
  it('refuses the lunch gap', () => expect(at('12:00')).toMatchObject({ code: 'OUTSIDE_AVAILABILITY' }));
  it('refuses a range that runs past the end of availability', () => expect(at('11:45')).toMatchObject({ ok: false }));
  it('refuses an unavailable block', () => expect(at('15:30')).toMatchObject({ code: 'DOCTOR_UNAVAILABLE' }));
  it("refuses an overlap with the doctor's appointment", () => expect(at('09:45')).toMatchObject({ code: 'SLOT_TAKEN' }));
  it("refuses an overlap with the patient's appointment", () => expect(at('10:45')).toMatchObject({ code: 'PATIENT_BUSY' }));
  it('keeps the buffer free', () => {
    const buffered = { ...doctor, bufferMinutes: 15 };
    expect(checkBooking({ date, time: '10:30', durationMinutes: 30 }, buffered, [], rules, now)).toMatchObject({ code: 'SLOT_TAKEN' });
    expect(checkBooking({ date, time: '10:45', durationMinutes: 30 }, buffered, [], rules, now).ok).toBe(true);
  });
});

describe('status lifecycle', () => {
  const start = now + 120;
  it('allows only the transitions of the design', () => {
    expect(checkTransition('Scheduled', 'Confirmed', start, now).ok).toBe(true);
    expect(checkTransition('Scheduled', 'Cancelled', start, now).ok).toBe(true);
    expect(checkTransition('Confirmed', 'Cancelled', start, now).ok).toBe(true);
    expect(checkTransition('Scheduled', 'Completed', start, start + 1)).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(checkTransition('Completed', 'Cancelled', start, now)).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(checkTransition('Cancelled', 'Scheduled', start, now)).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
  it('completes or marks a no-show only once the start has passed', () => {
    expect(checkTransition('Confirmed', 'Completed', start, now)).toMatchObject({ code: 'NOT_STARTED' });
    expect(checkTransition('Confirmed', 'Completed', start, start).ok).toBe(true);
    expect(checkTransition('Scheduled', 'No-Show', start, now)).toMatchObject({ code: 'NOT_STARTED' });
    expect(checkTransition('Scheduled', 'No-Show', start, start + 5).ok).toBe(true);
  });
});
