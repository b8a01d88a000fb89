import { z } from 'zod';
import { text } from '../domain/text';
import { Email, NewPassword } from './schemas';

const Id = z.number().int().positive();
const Name = (label: string) => text().trim().min(1, `${label} is required`).max(50, `${label} must be at most 50 characters`);

export const SignInInput = z
  .object({
    identifier: text().trim().min(1, 'Enter your user name or email').max(100, 'At most 100 characters'),
    // Not trimmed: spaces can be part of a passphrase.
    password: text().min(1, 'Enter your password').max(256, 'At most 256 characters'),
  })
  .strict();
export type SignInInput = z.infer<typeof SignInInput>;

export const UnlockInput = z.object({ password: text().min(1, 'Enter your password').max(256) }).strict();

export const STAFF_ROLES = ['front_desk', 'admin', 'super_admin'] as const;
export type StaffRoleName = (typeof STAFF_ROLES)[number];

export const Username = text()
  .trim()
  .min(3, 'Username must be at least 3 characters')
  .max(50, 'Username must be at most 50 characters')
  .regex(/^[a-zA-Z0-9._-]+$/, 'Username may contain letters, digits, dot, dash and underscore');

export const CreateStaffInput = z
  .object({
    username: Username,
    email: Email,
    firstName: Name('First name'),
    lastName: Name('Last name'),
    role: z.enum(STAFF_ROLES, { error: 'Choose front desk, admin or super admin' }),
    password: NewPassword,
  })
  .strict();
export type CreateStaffInput = z.infer<typeof CreateStaffInput>;

export const SetStaffActiveInput = z.object({ staffId: Id, active: z.boolean() }).strict();
export const ResetStaffPasswordInput = z.object({ staffId: Id, newPassword: NewPassword }).strict();

const IsoDate = text().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-31');

const AUDIT_FILTERS = {
  userId: Id.optional(),
  userType: z.enum(['patient', 'doctor', 'front_desk', 'admin', 'super_admin', 'system']).optional(),
  /**
   * Which table userId is a row of: staff accounts, doctors and patients each count from 1, so
   * "staff member 3" and "doctor 3" are different people. Staff covers every staff user type.
   */
  userKind: z.enum(['staff', 'doctor', 'patient']).optional(),
  patientId: Id.optional(),
  action: text().trim().regex(/^[a-z][a-z0-9_]{0,99}$/, 'Actions are snake_case names').optional(),
  /** Inclusive dates, on the clinic's calendar. */
  fromDate: IsoDate.optional(),
  toDate: IsoDate.optional(),
};
const datesInOrder = (q: { fromDate?: string | undefined; toDate?: string | undefined }) => !q.fromDate || !q.toDate || q.fromDate <= q.toDate;
const DATES_IN_ORDER = { path: ['toDate'], message: 'The end date is before the start date' };

export const AuditSearchInput = z
  .object({
    ...AUDIT_FILTERS,
    limit: z.number().int().min(1).max(200).default(50),
    /** The `next` cursor of the previous page. */
    cursor: text().max(200).optional(),
  })
  .strict()
  .refine(datesInOrder, DATES_IN_ORDER);
export type AuditSearchInput = z.infer<typeof AuditSearchInput>;

/** The same filters, for the whole matching trail as a CSV file. */
export const AuditExportInput = z.object(AUDIT_FILTERS).strict().refine(datesInOrder, DATES_IN_ORDER);
export type AuditExportInput = z.infer<typeof AuditExportInput>;

/** The typeahead of the trail's filters: staff (and doctors) or patients by the start of a name. */
export const AuditPeopleInput = z
  .object({ kind: z.enum(['staff', 'patient']), startsWith: text().trim().min(1, 'Type the start of a name').max(100) })
  .strict();

/** Who opened or changed one patient's record (the patient page, admins). */
export const RecordAccessInput = z.object({ patientId: Id }).strict();
