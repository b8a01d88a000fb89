import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  appointmentInterval,
  blockIntervals,
  busyIntervals,
  checkBooking,
  containedIn,
  formatTime,
  freeSlots,
  instantToWall,
  openingIntervals,
  availabilityIntervals,
  overlaps,
  parseTime,
  type BusyAppointment,
  type DoctorSchedule,
  type SchedulingRules,
} from '../../../shared/domain/scheduling';
import { everyDay, scenarioArb } from './arbitraries';

const RUNS = { numRuns: 400 };
vi.setConfig({ testTimeout: 60_000 });

/**
 * Counts the scenarios whose slots a property checked: a property over the slots holds for an
 * empty list, so it guards only what it sees, and a quarter of the generated days must have slots.
 */
function slotsSeen(): { checked: <T>(slots: T[]) => T[]; expectManyHadSlots: () => void } {
  let scenarios = 0;
  let withSlots = 0;
  return {
    checked: (slots) => {
      scenarios++;
      if (slots.length > 0) withSlots++;
      return slots;
    },
    expectManyHadSlots: () => expect(withSlots, `${withSlots} of ${scenarios} scenarios had slots`).toBeGreaterThan(scenarios / 4),
  };
}

describe('free slots (property)', () => {
  it('never overlap a live appointment (with its buffer) or an unavailable block', () => {
    const { checked, expectManyHadSlots } = slotsSeen();
    fc.assert(
      fc.property(scenarioArb, ({ date, rules, now, duration, schedule }) => {
        const slots = checked(freeSlots(schedule, rules, { now, dates: [date], durationMinutes: duration }));
        const busy = busyIntervals(
          schedule.appointments,
          schedule.bufferMinutes ?? rules.bufferMinutes,
          rules.timezone,
        );
        const blocks = blockIntervals(date, schedule.blocks, rules.timezone);
        for (const slot of slots) {
          const interval = { start: slot.startsAt, end: slot.endsAt };
          expect(busy.some((b) => overlaps(b, interval))).toBe(false);
          expect(blocks.some((b) => overlaps(b, interval))).toBe(false);
        }
      }),
      RUNS,
    );
    expectManyHadSlots();
  });

  it('lie inside the availability and the opening hours, after the notice', () => {
    const { checked, expectManyHadSlots } = slotsSeen();
    fc.assert(
      fc.property(scenarioArb, ({ date, rules, now, duration, schedule }) => {
        const slots = checked(freeSlots(schedule, rules, { now, dates: [date], durationMinutes: duration }));
        const availability = availabilityIntervals(date, schedule.weekly, rules.timezone);
        const opening = openingIntervals(date, rules);
        for (const slot of slots) {
          const interval = { start: slot.startsAt, end: slot.endsAt };
          expect(containedIn(interval, availability)).toBe(true);
          expect(containedIn(interval, opening)).toBe(true);
          expect(slot.startsAt).toBeGreaterThanOrEqual(now + rules.minimumNoticeMinutes);
          expect(parseTime(slot.time) % rules.slotStepMinutes).toBe(0);
        }
      }),
      RUNS,
    );
    expectManyHadSlots();
  });

  it('are exactly the grid times a booking would be accepted at: every free time on the grid is offered', () => {
    let scenariosWithSlots = 0;
    fc.assert(
      fc.property(scenarioArb, ({ date, rules, now, duration, schedule }) => {
        const offered = freeSlots(schedule, rules, { now, dates: [date], durationMinutes: duration }).map(
          (s) => s.time,
        );
        const bookable: string[] = [];
        for (let minute = 0; minute < 24 * 60; minute += rules.slotStepMinutes) {
          const time = formatTime(minute);
          if (checkBooking({ date, time, durationMinutes: duration }, schedule, [], rules, now).ok) bookable.push(time);
        }
        expect(offered).toEqual(bookable);
        if (offered.length > 0) scenariosWithSlots++;
      }),
      { numRuns: 200 },
    );
    // the generated days are not all full: many of them have free time to offer
    expect(scenariosWithSlots).toBeGreaterThan(50);
  });

  it('offer a doctor with nothing booked every grid time of the working hours that fits', () => {
    fc.assert(
      fc.property(scenarioArb, ({ date, rules, now, duration }) => {
        const open: DoctorSchedule = {
          weekly: everyDay('00:00', '24:00'),
          blocks: [],
          appointments: [],
          bufferMinutes: 0,
        };
        const allDay: SchedulingRules = {
          ...rules,
          openingHours: Object.fromEntries(
            ['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [['00:00', '24:00']]]),
          ) as SchedulingRules['openingHours'],
        };
        const slots = freeSlots(open, allDay, { now, dates: [date], durationMinutes: duration });
        // a whole free day (22 h or more of real time) has a slot in every hour that exists and lets the visit end by midnight
        expect(slots.length).toBeGreaterThanOrEqual(Math.floor((22 * 60 - duration) / rules.slotStepMinutes));
      }),
      RUNS,
    );
  });

  it('can each be booked when nobody else books', () => {
    const { checked, expectManyHadSlots } = slotsSeen();
    fc.assert(
      fc.property(scenarioArb, ({ date, rules, now, duration, schedule }) => {
        for (const slot of checked(freeSlots(schedule, rules, { now, dates: [date], durationMinutes: duration }))) {
          const check = checkBooking({ date, time: slot.time, durationMinutes: duration }, schedule, [], rules, now);
          expect(check).toEqual({ ok: true, startsAt: slot.startsAt, endsAt: slot.endsAt });
        }
      }),
      RUNS,
    );
    expectManyHadSlots();
  });

  it('behave on daylight-saving days: no slot in a skipped hour, none counted twice', () => {
    const { checked, expectManyHadSlots } = slotsSeen();
    fc.assert(
      fc.property(scenarioArb, ({ date, rules, now, duration, schedule }) => {
        const slots = checked(freeSlots(schedule, rules, { now, dates: [date], durationMinutes: duration }));
        const starts = slots.map((s) => s.startsAt);
        expect(new Set(starts).size).toBe(starts.length);
        expect(new Set(slots.map((s) => s.time)).size).toBe(slots.length);
        for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1] as number);
        for (const slot of slots) {
          // the wall-clock label of the real instant is the slot's own label: the time exists
          expect(instantToWall(slot.startsAt, rules.timezone)).toEqual({ date, minutes: parseTime(slot.time) });
          expect(slot.endsAt - slot.startsAt).toBe(duration);
        }
      }),
      RUNS,
    );
    expectManyHadSlots();
  });

  it('booking slots one after another never double-books and each booked slot disappears', () => {
    let scenariosWithPicks = 0;
    let scenariosBooked = 0;
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.nat(), { maxLength: 6 }),
        ({ date, rules, now, duration, schedule }, picks) => {
          const booked: BusyAppointment[] = [...schedule.appointments];
          if (picks.length > 0) scenariosWithPicks++;
          for (const pick of picks) {
            const current = { ...schedule, appointments: booked };
            const slots = freeSlots(current, rules, { now, dates: [date], durationMinutes: duration });
            if (slots.length === 0) break;
            const slot = slots[pick % slots.length]!;
            expect(checkBooking({ date, time: slot.time, durationMinutes: duration }, current, [], rules, now).ok).toBe(
              true,
            );
            booked.push({ date, time: slot.time, durationMinutes: duration });
            if (booked.length === schedule.appointments.length + 1) scenariosBooked++;
            const after = freeSlots({ ...schedule, appointments: booked }, rules, {
              now,
              dates: [date],
              durationMinutes: duration,
            });
            expect(after.some((s) => s.time === slot.time)).toBe(false);
          }
          const mine = booked.slice(schedule.appointments.length).map((a) => appointmentInterval(a, rules.timezone)!);
          for (let i = 0; i < mine.length; i++)
            for (let j = i + 1; j < mine.length; j++) expect(overlaps(mine[i]!, mine[j]!)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
    // most scenarios that try to book find a slot: the loop above checks something
    expect(scenariosBooked).toBeGreaterThan(scenariosWithPicks / 4);
  });
});

describe('free slots (fixed days that must produce slots)', () => {
  const rules: SchedulingRules = {
    timezone: 'Europe/Berlin',
    slotStepMinutes: 30,
    minimumNoticeMinutes: 0,
    bookingHorizonDays: 30,
    bufferMinutes: 0,
    openingHours: Object.fromEntries(
      ['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [['00:00', '24:00']]]),
    ) as SchedulingRules['openingHours'],
  };
  const dayBefore = (date: string) => instantToWallStart(date) - 12 * 60;
  const instantToWallStart = (date: string) =>
    appointmentInterval({ date, time: '00:00', durationMinutes: 1 }, rules.timezone)!.start;
  const times = (schedule: DoctorSchedule, date: string, durationMinutes = 30) =>
    freeSlots(schedule, rules, { now: dayBefore(date), dates: [date], durationMinutes }).map((s) => s.time);

  it('an ordinary Monday: the morning around one booked visit', () => {
    const schedule: DoctorSchedule = {
      weekly: [{ dayOfWeek: 1, startTime: '09:00', endTime: '12:00', isAvailable: true }],
      blocks: [],
      appointments: [{ date: '2026-06-15', time: '10:00', durationMinutes: 30 }],
    };
    expect(times(schedule, '2026-06-15')).toEqual(['09:00', '09:30', '10:30', '11:00', '11:30']);
    expect(times(schedule, '2026-06-15', 60)).toEqual(['09:00', '10:30', '11:00']);
    expect(times({ ...schedule, bufferMinutes: 15 }, '2026-06-15')).toEqual(['09:00', '11:00', '11:30']);
  });

  it('a part-day block and the notice period take their time away', () => {
    const schedule: DoctorSchedule = {
      weekly: everyDay('08:00', '11:00'),
      blocks: [{ date: '2026-06-16', startTime: '09:00', endTime: '10:00' }],
      appointments: [],
    };
    expect(times(schedule, '2026-06-16')).toEqual(['08:00', '08:30', '10:00', '10:30']);
    const eightFifteen = instantToWallStart('2026-06-16') + 8 * 60 + 15;
    expect(
      freeSlots(
        schedule,
        { ...rules, minimumNoticeMinutes: 30 },
        { now: eightFifteen, dates: ['2026-06-16'], durationMinutes: 30 },
      ).map((s) => s.time),
    ).toEqual(['10:00', '10:30']);
  });

  it('the spring-forward night: the skipped hour has no slots, the hours either side do', () => {
    expect(times({ weekly: everyDay('01:00', '04:00'), blocks: [], appointments: [] }, '2026-03-29')).toEqual([
      '01:00',
      '01:30',
      '03:00',
      '03:30',
    ]);
  });

  it('the fall-back night: each wall-clock time once', () => {
    expect(times({ weekly: everyDay('01:00', '04:00'), blocks: [], appointments: [] }, '2026-10-25')).toEqual([
      '01:00',
      '01:30',
      '02:00',
      '02:30',
      '03:00',
      '03:30',
    ]);
  });
});
