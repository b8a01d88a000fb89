import { describe, expect, it } from 'vitest';
import { comparable, sameRow } from '../../../electron/main/services/sync/row-values';

describe('values of the two sides of the mirror', () => {
  it('reads an instant the same from mysql2 (Date) and from SQLite (Sequelize text)', () => {
    const instant = new Date('2026-11-25T04:15:30.250Z');
    expect(comparable('2026-11-25 04:15:30.250 +00:00')).toBe(comparable(instant));
    expect(comparable('2026-11-25 05:15:30.250 +01:00')).toBe(comparable(instant));
    expect(comparable('2026-11-25 04:15:30.250')).toBe(comparable(instant));
  });
  it('reads money, flags and plain text as equal values, and keeps dates and times apart from instants', () => {
    expect(comparable('150.00')).toBe(comparable(150));
    expect(comparable(true)).toBe(comparable(1));
    expect(comparable('2026-11-25')).toBe('2026-11-25');
    expect(comparable('09:30:00')).toBe('09:30:00');
  });
  it('tells rows apart on any listed column', () => {
    const a = { id: 1, phone: '+4930111', updated_at: new Date('2026-11-25T04:00:00Z') };
    expect(sameRow(a, { id: 1, phone: '+4930111', updated_at: '2026-11-25 04:00:00.000 +00:00' }, ['id', 'phone', 'updated_at'])).toBe(true);
    expect(sameRow(a, { id: 1, phone: '+4930999', updated_at: '2026-11-25 04:00:00.000 +00:00' }, ['id', 'phone', 'updated_at'])).toBe(false);
  });
});
