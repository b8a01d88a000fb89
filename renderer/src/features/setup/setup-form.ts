import { fieldOf } from '../../forms/server-field-problems';
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

/** Whether a field named by the server is one of this form's. */
export const isSetupFieldPath = fieldOf(FIELD_PATHS);

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
