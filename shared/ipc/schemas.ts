import { z } from 'zod';
import { text } from '../domain/text';
import { isValidTimeZone } from '../domain/timezone';

const trimmed = (max: number, label: string) =>
  text()
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

export const Email = text().trim().toLowerCase().max(100).email('Enter a valid email address');

/** OWASP ASVS: length over composition rules; 12 characters minimum for staff accounts. */
export const NEW_PASSWORD_MIN_LENGTH = 12;
export const NewPassword = text()
  .min(NEW_PASSWORD_MIN_LENGTH, `Password must be at least ${NEW_PASSWORD_MIN_LENGTH} characters`)
  .max(256, 'Password must be at most 256 characters');

export const TimeZone = text()
  .trim()
  .refine(isValidTimeZone, { message: 'Choose a time zone from the list (for example Europe/Berlin)' });

export const SetupInput = z
  .object({
    clinicName: trimmed(100, 'Clinic name'),
    timezone: TimeZone,
    admin: z
      .object({
        username: text()
          .trim()
          .min(3, 'Username must be at least 3 characters')
          .max(50)
          .regex(/^[a-zA-Z0-9._-]+$/, 'Username may contain letters, digits, dot, dash and underscore'),
        email: Email,
        firstName: trimmed(50, 'First name'),
        lastName: trimmed(50, 'Last name'),
        password: NewPassword,
      })
      .strict(),
  })
  .strict();
export type SetupInput = z.infer<typeof SetupInput>;

export const StoreRetryInput = z.object({}).strict();
