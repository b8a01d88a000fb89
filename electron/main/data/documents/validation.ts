import type { z } from 'zod';
import { AppFailure } from '../../../../shared/ipc/result';

export interface FieldProblem {
  field: string;
  message: string;
}

/** VALIDATION with the first problem in the message ("ratings.overall: ...") and all in details. */
export function validationFailure(problems: readonly FieldProblem[]): AppFailure {
  const first = problems[0] ?? { field: '', message: 'The document is not valid' };
  const message = first.field ? `${first.field}: ${first.message}` : first.message;
  return new AppFailure('VALIDATION', message, { field: first.field, fields: problems });
}

/** The validated document, or a VALIDATION failure naming every field that is wrong. */
export function validateDocument<Fields, Input>(
  schema: z.ZodType<Fields, Input>,
  candidate: unknown,
  label: string,
): Fields {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    throw validationFailure([{ field: '', message: `A ${label} must be an object` }]);
  }
  const result = schema.safeParse(candidate);
  if (result.success) return result.data;
  throw validationFailure(result.error.issues.flatMap(problemsOf));
}

/** One problem per field; an unknown key (a misspelt field) is reported at the key itself. */
function problemsOf(issue: z.core.$ZodIssue): FieldProblem[] {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: [...path, key].join('.'),
      message: `${key} is not a field of this document`,
    }));
  }
  return [{ field: path.join('.'), message: issue.message }];
}

/**
 * The document a patch leads to: top-level fields replaced, fields patched to undefined removed.
 * Callers validate the result as a whole.
 */
export function applyPatch(
  current: Readonly<Record<string, unknown>>,
  patch: unknown,
  label: string,
): Record<string, unknown> {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
    throw validationFailure([{ field: '', message: `A change to a ${label} must be an object` }]);
  }
  const next: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) delete next[field];
    else next[field] = value;
  }
  return next;
}

/** DUPLICATE for a second document with the value of a unique field (e.g. a re-delivered eventId). */
export function duplicateFailure(label: string, field: string): AppFailure {
  const message = field ? `A ${label} with this ${field} is stored already` : `This ${label} is stored already`;
  return new AppFailure('DUPLICATE', message, { field, fields: [{ field, message }] });
}
