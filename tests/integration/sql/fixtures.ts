import type { AppFailure, ErrorCode } from '../../../shared/ipc/result';
import { translateSqlError } from '../../../electron/main/data/sql/errors';
import type { SqlModels } from '../../../electron/main/data/sql/models';

let counter = 0;
/** A value unique within the test run, so that tests sharing one database do not collide. */
export const unique = (prefix: string): string => `${prefix}${++counter}x${Date.now() % 100_000}`;

export const patientValues = (overrides: Partial<Parameters<SqlModels['Patient']['create']>[0]> = {}) => ({
  firstName: 'Odessa',
  lastName: 'Quillmere',
  email: `${unique('ada')}@example.org`,
  phone: '+15550100100',
  dateOfBirth: '1985-12-10',
  gender: 'Female' as const,
  passwordHash: 'scrypt$fake',
  ...overrides,
});

export const doctorValues = (overrides: Partial<Parameters<SqlModels['Doctor']['create']>[0]> = {}) => ({
  firstName: 'Maren',
  lastName: 'Thistlewood',
  email: `${unique('sarah')}@clinic.example`,
  phone: '+1-555-0123',
  specialization: 'General Practice',
  licenseNumber: unique('LIC-'),
  passwordHash: 'scrypt$fake',
  ...overrides,
});

export const adminValues = (overrides: Partial<Parameters<SqlModels['Admin']['create']>[0]> = {}) => ({
  username: unique('desk'),
  email: `${unique('admin')}@clinic.example`,
  firstName: 'Ilse',
  lastName: 'Brackwater',
  passwordHash: 'scrypt$fake',
  ...overrides,
});

/** Awaits a write that must fail, and returns the failure as the app's code. */
export async function refusal(write: Promise<unknown>): Promise<AppFailure> {
  let thrown: unknown;
  try {
    await write;
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('Expected the database write to be refused, but it succeeded');
  return translateSqlError(thrown);
}

/** The failure's code and named field, for compact assertions. */
export function codeAndField(failure: AppFailure): { code: ErrorCode; field: unknown } {
  const details = failure.details as { field?: unknown } | undefined;
  return { code: failure.code, field: details?.field };
}
