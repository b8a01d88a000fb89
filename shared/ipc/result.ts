export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'SLOT_TAKEN',
  'PATIENT_BUSY',
  'OUTSIDE_AVAILABILITY',
  'OUTSIDE_OPENING_HOURS',
  'DOCTOR_UNAVAILABLE',
  'NONEXISTENT_TIME',
  'OFF_GRID',
  'IN_PAST',
  'TOO_SHORT_NOTICE',
  'BEYOND_HORIZON',
  'INVALID_TRANSITION',
  'NOT_STARTED',
  'REASON_REQUIRED',
  'OFFLINE_QUEUED',
  'OFFLINE',
  'ALREADY_APPLIED',
  'SERVER_UNREACHABLE',
  'STORE_UNAVAILABLE',
  'SCHEMA_TOO_NEW',
  'ALREADY_SET_UP',
  'LOCKED_OUT',
  'INVALID_CREDENTIALS',
  'ACCOUNT_INACTIVE',
  'SESSION_LOCKED',
  'INTERNAL',
  'SERIES_CONFLICT',
  'NOT_TODAY',
  'POSSIBLE_DUPLICATE',
  'NOT_ARRIVED',
  'OUT_OF_ORDER',
  'ALLERGY_NOT_ACKNOWLEDGED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Errors cross the process boundary as plain data: Electron drops custom error properties. */
export interface AppError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});

/**
 * Thrown by services and repositories when a rule refuses a request; the dispatcher turns it
 * into `{ ok: false, error }`. Anything else thrown becomes INTERNAL.
 */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppFailure';
  }
}

export function isAppFailure(error: unknown): error is AppFailure {
  return error instanceof AppFailure;
}
