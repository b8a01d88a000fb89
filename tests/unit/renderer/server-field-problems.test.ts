/**
 * A refusal's field problems land under the form's own fields, the first focused; a refusal that
 * names none of them is left to the caller's banner.
 */
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/ipc/result';
import { fieldOf, placeFieldProblems } from '../../../renderer/src/forms/server-field-problems';

const isStaffField = fieldOf(['username', 'email'] as const);

function recordingSetError() {
  const calls: { field: string; message: string; shouldFocus: boolean }[] = [];
  const setError = (field: string, error: { message: string }, options: { shouldFocus: boolean }) => {
    calls.push({ field, message: error.message, shouldFocus: options.shouldFocus });
  };
  return { calls, setError };
}

describe('placeFieldProblems', () => {
  it('puts each problem under its field and focuses only the first', () => {
    const refusal: AppError = {
      code: 'VALIDATION',
      message: 'username: taken',
      details: { fields: [{ field: 'username', message: 'Taken' }, { field: 'email', message: 'Not an email' }] },
    };
    const { calls, setError } = recordingSetError();
    expect(placeFieldProblems(refusal, isStaffField, setError)).toBe(true);
    expect(calls).toEqual([
      { field: 'username', message: 'Taken', shouldFocus: true },
      { field: 'email', message: 'Not an email', shouldFocus: false },
    ]);
  });

  it('places nothing and says so when the refusal names no field of the form', () => {
    const refusal: AppError = { code: 'VALIDATION', message: 'role: unknown', details: { fields: [{ field: 'role', message: 'Unknown' }] } };
    const { calls, setError } = recordingSetError();
    expect(placeFieldProblems(refusal, isStaffField, setError)).toBe(false);
    expect(calls).toEqual([]);
  });
});
