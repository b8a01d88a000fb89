import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkVisitStep, VISIT_STEPS, type VisitStep } from '../../../shared/domain/scheduling/visit-steps';
import { APPOINTMENT_STATUSES } from '../../../shared/domain/scheduling/lifecycle';

const TODAY = '2026-12-07';
const here = { status: 'Confirmed' as const, date: TODAY, arrived: true, recorded: [] as VisitStep[] };

describe('the steps of a visit after the arrival', () => {
  it('in the room, with the doctor, checked out, in order; a step may be skipped', () => {
    expect(checkVisitStep(here, 'in-room', TODAY)).toEqual({ ok: true, alreadyRecorded: false });
    expect(checkVisitStep({ ...here, recorded: ['in-room'] }, 'with-doctor', TODAY).ok).toBe(true);
    expect(checkVisitStep(here, 'with-doctor', TODAY).ok).toBe(true);
    expect(checkVisitStep({ ...here, recorded: ['with-doctor'] }, 'checked-out', TODAY).ok).toBe(true);
  });

  it('refuses before the arrival, on another day, backwards, and on a closed visit', () => {
    expect(checkVisitStep({ ...here, arrived: false }, 'in-room', TODAY)).toMatchObject({ ok: false, code: 'NOT_ARRIVED' });
    expect(checkVisitStep(here, 'in-room', '2026-12-08')).toMatchObject({ ok: false, code: 'NOT_TODAY' });
    expect(checkVisitStep({ ...here, recorded: ['with-doctor'] }, 'in-room', TODAY)).toMatchObject({
      ok: false,
      code: 'OUT_OF_ORDER',
      message: 'The patient is already with the doctor.',
    });
    expect(checkVisitStep({ ...here, status: 'Cancelled' }, 'in-room', TODAY)).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    // The doctor marked the visit Completed: the desk can still check the patient out, not put them in a room.
    expect(checkVisitStep({ ...here, status: 'Completed' }, 'checked-out', TODAY).ok).toBe(true);
    expect(checkVisitStep({ ...here, status: 'Completed' }, 'in-room', TODAY).ok).toBe(false);
  });

  it('a step recorded twice keeps the first (two desks, a double click)', () => {
    expect(checkVisitStep({ ...here, recorded: ['in-room'] }, 'in-room', TODAY)).toEqual({ ok: true, alreadyRecorded: true });
  });

  it('never accepts a step before one already recorded after it, whatever the visit', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...APPOINTMENT_STATUSES),
        fc.subarray([...VISIT_STEPS]),
        fc.constantFrom(...VISIT_STEPS),
        fc.boolean(),
        (status, recorded, step, arrived) => {
          const result = checkVisitStep({ status, date: TODAY, arrived, recorded }, step, TODAY);
          const laterRecorded = recorded.some((r) => VISIT_STEPS.indexOf(r) > VISIT_STEPS.indexOf(step));
          if (result.ok && !result.alreadyRecorded) {
            expect(laterRecorded).toBe(false);
            expect(arrived).toBe(true);
          }
        },
      ),
    );
  });

  it('names the visit day as the clinic writes dates', () => {
    const US = { locale: 'en-US', hourCycle: 'h12', weekStart: 7, currency: 'USD' } as const;
    const check = checkVisitStep(here, 'in-room', '2026-12-08', US);
    expect(check).toMatchObject({ code: 'NOT_TODAY', message: 'A visit can be marked in the room only on its day (Dec 7, 2026).' });
    expect(checkVisitStep(here, 'in-room', '2026-12-08')).toMatchObject({ message: expect.stringContaining('(7 Dec 2026)') });
  });
});
