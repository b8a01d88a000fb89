import { AppFailure } from '../../../../shared/ipc/result';

/** A VALIDATION refusal naming one input field, shaped like the dispatcher's own. */
export function fieldFailure(field: string, message: string): AppFailure {
  return new AppFailure('VALIDATION', `${field}: ${message}`, { field, fields: [{ field, message }] });
}
