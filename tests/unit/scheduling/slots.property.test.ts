import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  appointmentInterval,
  blockIntervals,
  busyIntervals,
  checkBooking,
  containedIn,
  freeSlots,
  instantToWall,
  openingIntervals,
  availabilityIntervals,
  overlaps,
  parseTime,
  type BusyAppointment,
} from '../../../shared/domain/scheduling';
import { scenarioArb } from './arbitraries';

const RUNS = { numRuns: 400 };
vi.setConfig({ testTimeout: 60_000 });

describe('free slots (property)', () => {
  it('never overlap a live appointment (with its buffer) or an unavailable block', () => {
    fc.assert(
      fc.property(scenarioArb, ({ date, rules, now, duration, schedule }) => {
        const slots = freeSlots(schedule, rules, { now, dates: [date], durationMinutes: duration });
        const busy = busyIntervals(schedule.appointments, schedule.bufferMinutes ?? rules.bufferMinutes, rules.timezone);
        const blocks = blockIntervals(date, schedule.blocks, rules.timezone);
        for (const slot of slots) {
          const interval = { start: slot.startsAt, end: slot.endsAt };
          expect(busy.some((b) => overlaps(b, interval))).toBe(false);
          expect(blocks.some((b) => overlaps(b, interval))).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('lie inside the availability and the opening hours, after the notice', () => {
    fc.assert(
      fc.property(scenarioArb, ({ date, rules, now, duration, schedule }) => {
        const slots = freeSlots(schedule, rules, { now, dates: [date], durationMinutes: duration });
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
  });

  it('can each be booked when nobody else books', () => {
    fc.assert(
      fc.property(scenarioArb, ({ date, rules, now, duration, schedule }) => {
        for (const slot of freeSlots(schedule, rules, { now, dates: [date], durationMinutes: duration })) {
          const check = checkBooking({ date, time: slot.time, durationMinutes: duration }, schedule, [], rules, now);
          expect(check).toEqual({ ok: true, startsAt: slot.startsAt, endsAt: slot.endsAt });
        }
      }),
      RUNS,
    );
  });

  it('behave on daylight-saving days: no slot in a skipped hour, none counted twice', () => {
    fc.assert(
      fc.property(scenarioArb, ({ date, rules, now, duration, schedule }) => {
        const slots = freeSlots(schedule, rules, { now, dates: [date], durationMinutes: duration });
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
  });

  it('booking slots one after another never double-books and each booked slot disappears', () => {
    fc.assert(
      fc.property(scenarioArb, fc.array(fc.nat(), { maxLength: 6 }), ({ date, rules, now, duration, schedule }, picks) => {
        const booked: BusyAppointment[] = [...schedule.appointments];
        for (const pick of picks) {
          const current = { ...schedule, appointments: booked };
          const slots = freeSlots(current, rules, { now, dates: [date], durationMinutes: duration });
          if (slots.length === 0) break;
          const slot = slots[pick % slots.length]!;
          expect(checkBooking({ date, time: slot.time, durationMinutes: duration }, current, [], rules, now).ok).toBe(true);
          booked.push({ date, time: slot.time, durationMinutes: duration });
          const after = freeSlots({ ...schedule, appointments: booked }, rules, { now, dates: [date], durationMinutes: duration });
          expect(after.some((s) => s.time === slot.time)).toBe(false);
        }
        const mine = booked.slice(schedule.appointments.length).map((a) => appointmentInterval(a, rules.timezone)!);
        for (let i = 0; i < mine.length; i++) for (let j = i + 1; j < mine.length; j++) expect(overlaps(mine[i]!, mine[j]!)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
