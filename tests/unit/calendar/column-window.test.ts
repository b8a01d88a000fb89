import { describe, expect, it } from 'vitest';
import { columnsInView, nextColumnToFill } from '../../../shared/domain/calendar/column-window';

const base = { gutter: 64, columnWidth: 176, count: 30, overscan: 1 };

describe('columnsInView', () => {
  it('takes the columns the view shows right of the gutter, and one more on each side', () => {
    // 1376 px wide view: 1312 px of columns, 7.45 columns: 0..7 shown, 8 as overscan.
    expect(columnsInView({ ...base, scrollLeft: 0, viewWidth: 1376 })).toEqual({ from: 0, to: 8 });
  });

  it('follows a sideways scroll, a half-shown column counting as shown', () => {
    // 400 px in: column 2 (352–528) is cut on the left; the right edge at 1712 cuts column 9.
    expect(columnsInView({ ...base, scrollLeft: 400, viewWidth: 1376 })).toEqual({ from: 1, to: 10 });
  });

  it('stops at the last column when scrolled to the end', () => {
    const end = 30 * 176 - (1376 - 64);
    expect(columnsInView({ ...base, scrollLeft: end, viewWidth: 1376 })).toEqual({ from: 21, to: 29 });
  });

  it('a column touching the right edge only is not in view', () => {
    expect(columnsInView({ ...base, overscan: 0, scrollLeft: 0, viewWidth: 64 + 2 * 176 })).toEqual({ from: 0, to: 1 });
  });

  it('every column before the grid is laid out, none when there are none', () => {
    expect(columnsInView({ ...base, columnWidth: 0, scrollLeft: 0, viewWidth: 0 })).toEqual({ from: 0, to: 29 });
    expect(columnsInView({ ...base, count: 0, scrollLeft: 0, viewWidth: 1376 })).toEqual({ from: 0, to: -1 });
  });

  it('few wide columns: all of them', () => {
    expect(columnsInView({ ...base, count: 4, columnWidth: 328, scrollLeft: 0, viewWidth: 1376 })).toEqual({ from: 0, to: 3 });
  });
});

describe('nextColumnToFill', () => {
  it('fills outward from the view, right first, skipping filled columns', () => {
    const span = { from: 3, to: 5 };
    expect(nextColumnToFill(span, new Set(), 10)).toBe(6);
    expect(nextColumnToFill(span, new Set([6]), 10)).toBe(2);
    expect(nextColumnToFill(span, new Set([6, 2, 7, 1, 8, 0, 9]), 10)).toBeNull();
  });
});
