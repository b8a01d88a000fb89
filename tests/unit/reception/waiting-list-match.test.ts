import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareWaitingOrder,
  entryFitsSlot,
  rankWaitingListMatches,
  type OpenedSlot,
  type WaitingListEntry,
} from '../../../shared/domain/reception/waiting-list-match';

const SLOT: OpenedSlot = {
  doctorId: 7,
  specialization: 'Cardiology',
  date: '2026-12-10',
  time: '10:00',
  durationMinutes: 30,
};
const entry = (overrides: Partial<WaitingListEntry> = {}): WaitingListEntry => ({
  id: 1,
  patientId: 1,
  doctorId: 7,
  specialization: null,
  fromDate: '2026-12-08',
  toDate: '2026-12-12',
  earliestTime: '09:00',
  latestTime: '12:00',
  durationMinutes: 30,
  priority: 3,
  createdAt: 0,
  ...overrides,
});

describe('does a waiting entry fit an opened slot', () => {
  it('fits the same doctor, or any doctor of the same specialization (any case)', () => {
    expect(entryFitsSlot(entry(), SLOT)).toBe(true);
    expect(entryFitsSlot(entry({ doctorId: 8 }), SLOT)).toBe(false);
    expect(entryFitsSlot(entry({ doctorId: null, specialization: 'cardiology' }), SLOT)).toBe(true);
    expect(entryFitsSlot(entry({ doctorId: null, specialization: 'Dermatology' }), SLOT)).toBe(false);
  });

  it('needs the date inside the window, the visit inside the times, and the opening long enough', () => {
    expect(entryFitsSlot(entry({ fromDate: '2026-12-11' }), SLOT)).toBe(false);
    expect(entryFitsSlot(entry({ toDate: '2026-12-09' }), SLOT)).toBe(false);
    expect(entryFitsSlot(entry({ earliestTime: '10:15' }), SLOT)).toBe(false);
    expect(entryFitsSlot(entry({ latestTime: '10:30' }), SLOT)).toBe(true);
    expect(entryFitsSlot(entry({ latestTime: '10:29' }), SLOT)).toBe(false);
    expect(entryFitsSlot(entry({ durationMinutes: 45, latestTime: '18:00' }), SLOT)).toBe(false);
  });

  it('ranks by priority, then who waited longest, leaving out the excluded', () => {
    const list = [
      entry({ id: 1, priority: 3, createdAt: 1 }),
      entry({ id: 2, priority: 1, createdAt: 5 }),
      entry({ id: 3, priority: 1, createdAt: 2 }),
      entry({ id: 4, doctorId: 9 }),
      entry({ id: 5, priority: 2, patientId: 5 }),
    ];
    expect(rankWaitingListMatches(list, SLOT).map((e) => e.id)).toEqual([3, 2, 5, 1]);
    expect(rankWaitingListMatches(list, SLOT, (e) => e.patientId === 5).map((e) => e.id)).toEqual([3, 2, 1]);
  });
});

const time = fc
  .integer({ min: 0, max: 23 * 4 })
  .map((q) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`);
const date = fc.integer({ min: 1, max: 20 }).map((d) => `2026-12-${String(d).padStart(2, '0')}`);
const arbitraryEntry = fc
  .record({
    id: fc.integer({ min: 1, max: 1000 }),
    patientId: fc.integer({ min: 1, max: 50 }),
    doctorId: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    specialization: fc.constantFrom('Cardiology', 'Dermatology'),
    dates: fc.tuple(date, date),
    times: fc.tuple(time, time),
    durationMinutes: fc.constantFrom(15, 30, 45, 60),
    priority: fc.integer({ min: 1, max: 3 }),
    createdAt: fc.integer({ min: 0, max: 1000 }),
  })
  .map(({ dates, times, specialization, ...rest }): WaitingListEntry => ({
    ...rest,
    specialization: rest.doctorId === null ? specialization : null,
    fromDate: dates[0] < dates[1] ? dates[0] : dates[1],
    toDate: dates[0] < dates[1] ? dates[1] : dates[0],
    earliestTime: times[0] < times[1] ? times[0] : times[1],
    latestTime: times[0] < times[1] ? times[1] : times[0],
  }));
const arbitrarySlot = fc.record({
  doctorId: fc.integer({ min: 1, max: 3 }),
  specialization: fc.constantFrom('Cardiology', 'Dermatology'),
  date,
  time,
  durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
});
const uniqueEntries = fc.uniqueArray(arbitraryEntry, { selector: (e) => e.id, maxLength: 30 });

describe('the matcher, for any list and any opened slot', () => {
  it('returns exactly the fitting entries, each once', () => {
    fc.assert(
      fc.property(uniqueEntries, arbitrarySlot, (entries, slot) => {
        const ranked = rankWaitingListMatches(entries, slot);
        expect(new Set(ranked.map((e) => e.id)).size).toBe(ranked.length);
        expect(ranked.map((e) => e.id).sort((a, b) => a - b)).toEqual(
          entries
            .filter((e) => entryFitsSlot(e, slot))
            .map((e) => e.id)
            .sort((a, b) => a - b),
        );
      }),
    );
  });

  it('is in priority then waiting order, whatever the order of the list', () => {
    fc.assert(
      fc.property(uniqueEntries, arbitrarySlot, fc.integer(), (entries, slot, seed) => {
        const ranked = rankWaitingListMatches(entries, slot);
        for (let i = 1; i < ranked.length; i++) expect(compareWaitingOrder(ranked[i - 1]!, ranked[i]!)).toBeLessThan(0);
        const shuffled = [...entries].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
        expect(rankWaitingListMatches(shuffled, slot).map((e) => e.id)).toEqual(ranked.map((e) => e.id));
      }),
    );
  });

  it("never offers a slot outside the entry's windows or shorter than its visit", () => {
    fc.assert(
      fc.property(uniqueEntries, arbitrarySlot, (entries, slot) => {
        for (const e of rankWaitingListMatches(entries, slot)) {
          expect(slot.date >= e.fromDate && slot.date <= e.toDate).toBe(true);
          expect(slot.time >= e.earliestTime).toBe(true);
          expect(e.durationMinutes).toBeLessThanOrEqual(slot.durationMinutes);
          expect(e.doctorId === null ? e.specialization === slot.specialization : e.doctorId === slot.doctorId).toBe(
            true,
          );
        }
      }),
    );
  });
});
