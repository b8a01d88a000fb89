import type { AppError } from '../../../shared/ipc/result';

export interface FieldProblem<Field extends string = string> {
  field: Field;
  message: string;
}

export interface SortedFieldProblems<Field extends string> {
  /** Problems with a field of this form: shown under that field. */
  placed: FieldProblem<Field>[];
  /** Problems naming no field of this form: shown in the banner. */
  unplaced: string[];
}

function isFieldProblem(entry: unknown): entry is FieldProblem {
  if (typeof entry !== 'object' || entry === null) return false;
  const { field, message } = entry as Partial<Record<keyof FieldProblem, unknown>>;
  return typeof field === 'string' && typeof message === 'string';
}

/**
 * Sorts a refusal's field problems onto a form: VALIDATION lists them in `details.fields`
 * (electron/main/ipc/dispatcher.ts), DUPLICATE names one in `details.field` with the message.
 */
export function sortFieldProblems<Field extends string>(error: AppError, isFormField: (name: string) => name is Field): SortedFieldProblems<Field> {
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as { field?: unknown; fields?: unknown };
  const listed = Array.isArray(details.fields) ? details.fields.filter(isFieldProblem) : [];
  const problems = listed.length > 0 ? listed : typeof details.field === 'string' ? [{ field: details.field, message: error.message }] : [];
  const sorted: SortedFieldProblems<Field> = { placed: [], unplaced: [] };
  for (const { field, message } of problems) {
    if (isFormField(field)) sorted.placed.push({ field, message });
    else sorted.unplaced.push(message);
  }
  return sorted;
}

/** A type guard for a form's own field names. */
export const fieldOf =
  <Field extends string>(fields: readonly Field[]) =>
  (name: string): name is Field =>
    (fields as readonly string[]).includes(name);

/** How a form shows one field's problem: react-hook-form's `setError` fits. */
export type SetFieldError<Field extends string> = (field: Field, error: { type: 'server'; message: string }, options: { shouldFocus: boolean }) => void;

/** Shows each problem under its field, the first one focused so the person starts there. */
export function showFieldProblems<Field extends string>(placed: readonly FieldProblem<Field>[], setError: SetFieldError<Field>): void {
  placed.forEach(({ field, message }, index) => setError(field, { type: 'server', message }, { shouldFocus: index === 0 }));
}

/**
 * Puts a refusal's field problems under this form's fields; false when none of them is one of
 * its fields, so the caller shows the refusal as a whole (a banner) instead.
 */
export function placeFieldProblems<Field extends string>(error: AppError, isFormField: (name: string) => name is Field, setError: SetFieldError<Field>): boolean {
  const { placed } = sortFieldProblems(error, isFormField);
  showFieldProblems(placed, setError);
  return placed.length > 0;
}
