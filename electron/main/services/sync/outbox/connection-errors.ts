import { isAppFailure } from '../../../../../shared/ipc/result';
import { MONGO_UNREACHABLE_ERRORS } from '../../../data/documents/mongo/unreachable-errors';

/** Driver codes and error names that mean "the server did not answer", not "the change is wrong". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CONNECTION_KILLED',
  'ER_CON_COUNT_ERROR',
]);

const UNREACHABLE_NAMES = new Set([
  'SequelizeConnectionError',
  'SequelizeConnectionRefusedError',
  'SequelizeConnectionTimedOutError',
  'SequelizeHostNotReachableError',
  'SequelizeHostNotFoundError',
  'SequelizeConnectionAcquireTimeoutError',
  ...MONGO_UNREACHABLE_ERRORS,
]);

/** True when a call failed because the clinic server went away under it: try again later, do not give up on the change. */
export function isConnectionError(error: unknown): boolean {
  if (isAppFailure(error)) return error.code === 'STORE_UNAVAILABLE' || error.code === 'SERVER_UNREACHABLE';
  const e = error as { name?: string; code?: string; message?: string; original?: { code?: string }; parent?: { code?: string } };
  if (e?.name && UNREACHABLE_NAMES.has(e.name)) return true;
  const code = e?.original?.code ?? e?.parent?.code ?? e?.code;
  if (code && UNREACHABLE_CODES.has(code)) return true;
  return /connection is in closed state|connection lost|socket hang up|Connection terminated/i.test(e?.message ?? '');
}
