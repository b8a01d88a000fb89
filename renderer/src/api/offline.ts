import type { AppError } from '../../../shared/ipc/result';

/**
 * True when main refused because the clinic server is away and this channel needs the server
 * itself (`shared/ipc/offline-policy.ts`, 'server'): not a failure, a state that passes.
 */
export function isOfflineError(error: AppError): boolean {
  return error.code === 'OFFLINE';
}
