import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkBooking,
  expandSeries,
  planSeries,
  startOfDay,
  type BusyAppointment,
  type DoctorSchedule,
  type SchedulingRules,
} from '../../../shared/domain/scheduling';
import { everyDay } from './arbitraries';

const ZONE = 'Europe/Berlin';
const MONDAY = '2026-12-07';
const NOW = startOfDay(MONDAY, ZONE) + 7 * 60;
const rules: SchedulingRules = {
  timezone: ZONE,
  slotStepMinutes: 15,
  minimumNoticeMinutes: 0,
  bookingHorizonDays: 365,
  bufferMinutes: 0,
  openingHours: Object.fromEntries(['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [['07:00', '20:00']]])),
};
const weekly = [...everyDay('08:00', '12:00'), ...everyDay('13:00', '18:00')];

function requests(count: number, time = '09:00') {
  return expandSeries({ date: MONDAY, time }, { intervalWeeks: 1, count }, ZONE).map((o) => ({ index: o.index, ruleDate: o.date, date: o.date, time: o.time }));
}

describe('planning a series', () => {
  it('accepts every free occurrence', () => {
    const plan = planSeries(requests(4), 30, { weekly, blocks: [], appointments: [] }, [], rules, NOW);
    expect(plan.map((p) => p.ok)).toEqual([true, true, true, true]);
  });

  it('offers the three nearest free times for a taken occurrence, skipping the patient\'s own appointments', () => {
    const week2 = addDays(MONDAY, 7);
    const doctor: DoctorSchedule = { weekly, blocks: [], appointments: [{ date: week2, time: '09:00', durationMinutes: 30 }] };
    const patient: BusyAppointment[] = [{ date: week2, time: '08:30', durationMinutes: 30 }];
    const [, second] = planSeries(requests(3), 30, doctor, patient, rules, NOW);
    expect(second).toMatchObject({ ok: false, code: 'SLOT_TAKEN', date: week2 });
    if (second?.ok !== false) throw new Error('expected a conflict');
    // 08:30 is 30 minutes off but the patient is busy then; 09:30 ties with it and comes next
    expect(second.alternatives.map((s) => `${s.date} ${s.time}`)).toEqual([`${week2} 09:30`, `${week2} 09:45`, `${week2} 08:00`]);
  });

  it('looks up to three days either side when the doctor is away all day', () => {
    const week2 = addDays(MONDAY, 7);
    const doctor: DoctorSchedule = { weekly, blocks: [{ date: week2, startTime: null, endTime: null }], appointments: [] };
    const [, second] = planSeries(requests(2), 30, doctor, [], rules, NOW);
    if (second?.ok !== false) throw new Error('expected a conflict');
    expect(second.code).toBe('DOCTOR_UNAVAILABLE');
    expect(second.alternatives.map((s) => `${s.date} ${s.time}`)).toEqual([`${addDays(week2, -1)} 09:00`, `${addDays(week2, 1)} 09:00`, `${addDays(week2, -1)} 08:45`]);
  });

  it('checks a chosen alternative like any booking', () => {
    const week2 = addDays(MONDAY, 7);
    const doctor: DoctorSchedule = { weekly, blocks: [], appointments: [{ date: week2, time: '09:00', durationMinutes: 30 }] };
    const chosen = requests(2).map((r) => (r.index === 1 ? { ...r, time: '09:30' } : r));
    expect(planSeries(chosen, 30, doctor, [], rules, NOW).every((p) => p.ok)).toBe(true);
    const stillTaken = requests(2).map((r) => (r.index === 1 ? { ...r, time: '09:15' } : r));
    expect(planSeries(stillTaken, 30, doctor, [], rules, NOW)[1]).toMatchObject({ ok: false, code: 'SLOT_TAKEN' });
  });

  it('offers only alternatives that can be booked with the rest of the series, within three days (property)', () => {
    const appointment = fc
      .tuple(fc.integer({ min: 0, max: 28 }), fc.integer({ min: 32, max: 71 }), fc.constantFrom(15, 30, 45, 60))
      .map(([day, quarter, durationMinutes]): BusyAppointment => ({ date: addDays(MONDAY, day), time: `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`, durationMinutes }));
    fc.assert(
      fc.property(fc.array(appointment, { maxLength: 60 }), fc.array(appointment, { maxLength: 10 }), fc.constantFrom('08:00', '09:00', '11:30', '13:00', '17:30'), (doctorAppointments, patient, time) => {
        const doctor: DoctorSchedule = { weekly, blocks: [], appointments: doctorAppointments };
        const plan = planSeries(requests(4, time), 30, doctor, patient, rules, NOW);
        const kept = plan.filter((p) => p.ok).map((p) => ({ date: p.date, time: p.time, durationMinutes: 30 }));
        for (const occurrence of plan) {
          if (occurrence.ok) continue;
          for (const slot of occurrence.alternatives) {
            const days = (Date.parse(slot.date) - Date.parse(occurrence.ruleDate)) / 86_400_000;
            expect(Math.abs(days)).toBeLessThanOrEqual(3);
            const check = checkBooking(slot, { ...doctor, appointments: [...doctorAppointments, ...kept] }, [...patient, ...kept], rules, NOW);
            expect(check.ok).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
