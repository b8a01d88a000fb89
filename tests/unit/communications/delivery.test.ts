import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_SEND_ATTEMPTS } from '../../../shared/domain/communications/delivery';

describe('afterFailure', () => {
  it('waits 1, 5, then 15 minutes, and gives up after the last attempt', () => {
    expect(afterFailure(1, true, 100)).toEqual({ retry: true, nextAttemptAt: 101 });
    expect(afterFailure(2, true, 100)).toEqual({ retry: true, nextAttemptAt: 105 });
    expect(afterFailure(3, true, 100)).toEqual({ retry: true, nextAttemptAt: 115 });
    expect(afterFailure(MAX_SEND_ATTEMPTS, true, 100)).toEqual({ retry: false });
  });

  it('never retries a permanent refusal', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 }), fc.integer(), (attempts, now) => {
        expect(afterFailure(attempts, false, now).retry).toBe(false);
      }));
  });

  it('property: a retry is always later, and waits never shrink', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_SEND_ATTEMPTS - 2 }), fc.integer({ min: 0, max: 1e8 }), (attempts, now) => {
        const a = afterFailure(attempts, true, now);
        const b = afterFailure(attempts + 1, true, now);
        if (!a.retry || !b.retry) throw new Error('expected retries');
        expect(a.nextAttemptAt).toBeGreaterThan(now);
        expect(b.nextAttemptAt).toBeGreaterThanOrEqual(a.nextAttemptAt);
      }),
    );
  });
});
