import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnChoiceKey, readColumnChoice, toggleColumn, writeColumnChoice } from '../../../shared/domain/calendar/column-choice';

describe("the day view's chosen doctor columns", () => {
  it('is remembered per user (kind and id) and read back as written', () => {
    expect(columnChoiceKey({ kind: 'staff', id: 4 })).not.toBe(columnChoiceKey({ kind: 'doctor', id: 4 }));
    expect(readColumnChoice(writeColumnChoice([7, 3, 7]))).toEqual([3, 7]);
  });

  it('anything else stored there hides nothing', () => {
    for (const text of [null, '', 'not json', '{"hidden":"all"}', '{"hidden":[-1]}', '[]']) expect(readColumnChoice(text)).toEqual([]);
  });

  it('toggling hides and shows, but never hides the last shown doctor', () => {
    const all = [1, 2, 3];
    expect(toggleColumn([], 2, all)).toEqual([2]);
    expect(toggleColumn([2], 2, all)).toEqual([]);
    expect(toggleColumn([1, 2], 3, all)).toEqual([1, 2]);
  });

  it('whatever the toggles, at least one doctor stays shown', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 30 }), (toggles) => {
        const all = [1, 2, 3, 4, 5];
        let hidden: number[] = [];
        for (const id of toggles) hidden = toggleColumn(hidden, id, all);
        expect(all.filter((id) => !hidden.includes(id)).length).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});
