import type { AppError } from '../../../shared/ipc/result';

/**
 * True when main refused because the clinic server is away and this channel needs the server
 * itself (its channel's `offline: 'server'`), or kept a change whose answer from the server
 * was lost to send it again (OFFLINE_QUEUED): not a failure, a state that passes.
 */
export function isOfflineError(error: AppError): boolean {
  return error.code === 'OFFLINE' || error.code === 'OFFLINE_QUEUED';
}
