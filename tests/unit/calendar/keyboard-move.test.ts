import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepCarry, type Carry } from '../../../shared/domain/calendar/keyboard-move';

const range = { start: 7 * 60, end: 20 * 60 };
const carry: Carry = { fromCol: 1, col: 1, minutes: 9 * 60, durationMinutes: 30 };

describe('moving an appointment with the keyboard', () => {
  it('arrows move a slot step or a column', () => {
    expect(stepCarry(carry, 'ArrowDown', 3, range).minutes).toBe(9 * 60 + 15);
    expect(stepCarry(carry, 'ArrowUp', 3, range).minutes).toBe(9 * 60 - 15);
    expect(stepCarry(carry, 'ArrowRight', 3, range).col).toBe(2);
    expect(stepCarry(carry, 'ArrowLeft', 3, range).col).toBe(0);
    expect(stepCarry(carry, 'x', 3, range)).toEqual(carry);
  });

  it('whatever the keys, the visit stays inside the grid and its columns', () => {
    const keys = fc.array(fc.constantFrom('ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight'), { maxLength: 200 });
    fc.assert(
      fc.property(keys, fc.integer({ min: 1, max: 30 }), (pressed, columns) => {
        let at: Carry = { ...carry, col: 0, fromCol: 0 };
        for (const key of pressed) at = stepCarry(at, key, columns, range);
        expect(at.col).toBeGreaterThanOrEqual(0);
        expect(at.col).toBeLessThan(columns);
        expect(at.minutes).toBeGreaterThanOrEqual(range.start);
        expect(at.minutes + at.durationMinutes).toBeLessThanOrEqual(range.end);
      }),
    );
  });
});
