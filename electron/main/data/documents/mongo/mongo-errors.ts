import mongoose from 'mongoose';
import { AppFailure } from '../../../../../shared/ipc/result';
import { duplicateFailure, validationFailure } from '../validation';
import { MONGO_UNREACHABLE_ERRORS } from './unreachable-errors';

export interface ErrorContext {
  /** Names the document in messages ("audit record"). */
  label: string;
  /** The first field of each unique index of the collection. */
  uniqueFields: readonly string[];
}

/**
 * MongoDB names the index (and keyPattern) in a duplicate-key error; FerretDB 1.24 only names
 * the collection, so with a single unique index that index is the answer.
 */
function duplicatedField(
  error: InstanceType<typeof mongoose.mongo.MongoServerError>,
  uniqueFields: readonly string[],
): string {
  const keyPattern: unknown = error.keyPattern;
  if (typeof keyPattern === 'object' && keyPattern !== null) {
    const field = Object.keys(keyPattern)[0];
    if (field) return field;
  }
  const fromMessage = /index: (\w+?)_-?1\b/.exec(error.message)?.[1];
  return fromMessage ?? (uniqueFields.length === 1 ? (uniqueFields[0] ?? '') : '');
}


/**
 * Mongoose's own validation (the second line behind zod) becomes VALIDATION like zod's; a
 * unique index refusing a second document becomes DUPLICATE; an
 * unreachable server becomes STORE_UNAVAILABLE, so callers can queue the write. Anything else is
 * rethrown unchanged.
 */
export function translateMongoError(error: unknown, context: ErrorContext): unknown {
  if (error instanceof AppFailure) return error;
  if (error instanceof mongoose.mongo.MongoServerError && error.code === 11000) {
    return duplicateFailure(context.label, duplicatedField(error, context.uniqueFields));
  }
  if (error instanceof mongoose.Error.ValidationError) {
    return validationFailure(
      Object.values(error.errors).map((problem) => ({ field: problem.path, message: problem.message })),
    );
  }
  if (error instanceof mongoose.Error.CastError) {
    return validationFailure([{ field: error.path, message: `${error.path} has the wrong type` }]);
  }
  if (error instanceof Error && MONGO_UNREACHABLE_ERRORS.has(error.name)) {
    return new AppFailure('STORE_UNAVAILABLE', 'The document server cannot be reached right now. Try again shortly.');
  }
  return error;
}

/** Runs a store operation with its errors translated. */
export async function guarded<T>(context: ErrorContext, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw translateMongoError(error, context);
  }
}
