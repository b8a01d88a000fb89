import { z } from 'zod';
import { SetupInput } from '../../../../shared/ipc/schemas';

/** The first-run form: the contract's SetupInput plus the password confirmation, which stays here. */
export const SetupForm = SetupInput.extend({ passwordConfirm: z.string() }).refine(
  (form) => form.admin.password === form.passwordConfirm,
  {
    path: ['passwordConfirm'],
    message: 'The two passwords do not match',
    // Compare as soon as both are typed, even while other fields still have errors, so every
    // problem shows at once instead of one round at a time.
    when: ({ value }) => hasPasswordPair(value),
  },
);
export type SetupFormValues = z.input<typeof SetupForm>;
export type SetupFormOutput = z.output<typeof SetupForm>;

function hasPasswordPair(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { admin, passwordConfirm } = value as { admin?: { password?: unknown }; passwordConfirm?: unknown };
  return typeof admin?.password === 'string' && admin.password.length > 0 && typeof passwordConfirm === 'string';
}

/** Only the contract's fields go to main: the confirmation never leaves the form. */
export function toSetupInput({ passwordConfirm: _confirmation, ...input }: SetupFormOutput): SetupInput {
  return input;
}

export type SetupFieldPath =
  | 'clinicName'
  | 'timezone'
  | 'admin.username'
  | 'admin.email'
  | 'admin.firstName'
  | 'admin.lastName'
  | 'admin.password'
  | 'passwordConfirm';

const FIELD_PATHS: readonly SetupFieldPath[] = [
  'clinicName',
  'timezone',
  'admin.username',
  'admin.email',
  'admin.firstName',
  'admin.lastName',
  'admin.password',
  'passwordConfirm',
];

function isSetupFieldPath(field: string): field is SetupFieldPath {
  return (FIELD_PATHS as readonly string[]).includes(field);
}

export interface FieldProblem<Field extends string = string> {
  field: Field;
  message: string;
}

export interface SortedFieldProblems {
  /** Problems with a field of this form: shown under that field. */
  placed: FieldProblem<SetupFieldPath>[];
  /** Problems naming no field of this form: shown in the banner. */
  unplaced: string[];
}

function isFieldProblem(entry: unknown): entry is FieldProblem {
  if (typeof entry !== 'object' || entry === null) return false;
  const { field, message } = entry as Partial<Record<keyof FieldProblem, unknown>>;
  return typeof field === 'string' && typeof message === 'string';
}

/** Sorts the dispatcher's VALIDATION details (`{ fields: [{ field, message }] }`, see electron/main/ipc/dispatcher.ts). */
export function sortFieldProblems(details: unknown): SortedFieldProblems {
  const fields = typeof details === 'object' && details !== null && 'fields' in details ? details.fields : null;
  const problems = Array.isArray(fields) ? fields.filter(isFieldProblem) : [];
  const sorted: SortedFieldProblems = { placed: [], unplaced: [] };
  for (const { field, message } of problems) {
    if (isSetupFieldPath(field)) sorted.placed.push({ field, message });
    else sorted.unplaced.push(message);
  }
  return sorted;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function emptySetupForm(timezone: string): SetupFormValues {
  return {
    clinicName: '',
    timezone,
    admin: { username: '', email: '', firstName: '', lastName: '', password: '' },
    passwordConfirm: '',
  };
}
