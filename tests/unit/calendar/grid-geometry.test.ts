import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  mondayOf,
  monthDates,
  shiftMonth,
  dayOfWeek,
} from '../../../shared/domain/plain-date';
import {
  blockLayout,
  gridRange,
  laneLayout,
  offHours,
  PX_PER_MINUTE,
  slotAt,
  topOf,
} from '../../../shared/domain/calendar/grid-geometry';
import type { CalendarAppointment } from '../../../shared/ipc/scheduling-types';

const at = (id: number, time: string, durationMinutes = 30): CalendarAppointment => ({
  id,
  patientId: id,
  patientFirstName: 'T',
  patientLastName: 'P',
  patientPhone: '+1555',
  time,
  durationMinutes,
  status: 'Scheduled',
  appointmentType: 'Consultation',
  seriesId: null,
  checkedInAt: null,
});
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

describe('grid geometry', () => {
  it('shows 07:00–20:00 unless hours or appointments reach further', () => {
    expect(gridRange([])).toEqual({ start: 420, end: 1200 });
    expect(gridRange([{ working: [{ start: '06:30', end: '21:15' }], blocks: [], appointments: [] }])).toEqual({
      start: 360,
      end: 1320,
    });
    expect(gridRange([{ working: [], blocks: [], appointments: [at(1, '22:00', 60)] }])).toEqual({
      start: 420,
      end: 1380,
    });
  });

  it('maps a y offset to the 15-minute slot under it, inside the grid', () => {
    const range = { start: 420, end: 1200 };
    expect(slotAt(0, range)).toBe(420);
    expect(slotAt(topOf(600, range) + 1, range)).toBe(600);
    expect(slotAt(topOf(614, range), range)).toBe(600);
    expect(slotAt(-50, range)).toBe(420);
    expect(slotAt(10_000, range)).toBe(1185);
    expect(topOf(480, range)).toBe(60 * PX_PER_MINUTE);
  });

  it('shades what lies outside the working hours', () => {
    expect(
      offHours(
        [
          { start: '08:00', end: '12:00' },
          { start: '13:00', end: '18:00' },
        ],
        { start: 420, end: 1200 },
      ),
    ).toEqual([
      { start: 420, end: 480 },
      { start: 720, end: 780 },
      { start: 1080, end: 1200 },
    ]);
    expect(offHours([], { start: 420, end: 1200 })).toEqual([{ start: 420, end: 1200 }]);
  });

  it('lanes: overlapping appointments never share a lane, and a lane is within its cluster', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ start: fc.integer({ min: 28, max: 76 }), length: fc.integer({ min: 1, max: 8 }) }), {
          maxLength: 25,
        }),
        (items) => {
          const list = items.map((item, i) => at(i + 1, hhmm(item.start * 15), item.length * 15));
          const lanes = laneLayout(list);
          expect(lanes.size).toBe(list.length);
          for (const a of list) {
            const la = lanes.get(a.id)!;
            expect(la.lane).toBeLessThan(la.lanes);
            for (const b of list) {
              if (a.id >= b.id) continue;
              const [sa, sb] = [
                Number(a.time.slice(0, 2)) * 60 + Number(a.time.slice(3)),
                Number(b.time.slice(0, 2)) * 60 + Number(b.time.slice(3)),
              ];
              const overlap = sa < sb + b.durationMinutes && sb < sa + a.durationMinutes;
              if (overlap) expect(lanes.get(b.id)!.lane).not.toBe(la.lane);
            }
          }
        },
      ),
    );
    expect(laneLayout([at(1, '09:00'), at(2, '09:30')]).get(2)).toEqual({ lane: 0, lanes: 1 });
  });

  it('a cancelled visit under a live one becomes a tab beside it; live ones share lanes', () => {
    const cancelled = { ...at(1, '09:00'), status: 'Cancelled' as const };
    const places = blockLayout([
      cancelled,
      at(2, '09:00'),
      at(3, '09:15'),
      { ...at(4, '11:00'), status: 'No-Show' as const },
    ]);
    expect(places.get(1)).toEqual({ lane: 0, lanes: 1, tab: true, besideTab: false });
    expect(places.get(2)).toEqual({ lane: 0, lanes: 2, tab: false, besideTab: true });
    expect(places.get(3)).toEqual({ lane: 1, lanes: 2, tab: false, besideTab: true });
    // alone, a no-show keeps its full block
    expect(places.get(4)).toEqual({ lane: 0, lanes: 1, tab: false, besideTab: false });
  });

  it('calendar dates: weeks start on Monday, months have their days, months shift across years', () => {
    expect(dayOfWeek('2026-12-07')).toBe(1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), (n) => {
        const date = addDays('2024-01-01', n);
        const monday = mondayOf(date);
        expect(dayOfWeek(monday)).toBe(1);
        expect(addDays(monday, 7) > date && monday <= date).toBe(true);
      }),
    );
    expect(monthDates('2028-02')).toHaveLength(29);
    expect(monthDates('2026-12').at(-1)).toBe('2026-12-31');
    expect(shiftMonth('2026-12-15', 1)).toBe('2027-01-01');
    expect(shiftMonth('2026-01-31', -1)).toBe('2025-12-01');
  });
});
