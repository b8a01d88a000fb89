import { z } from 'zod';
import { text } from '../../domain/text';
import { Email, NewPassword } from '../schemas';
import { phoneText } from '../../domain/phone';

const Id = z.number().int().positive();

const required = (max: number, label: string) =>
  text().trim().min(1, `${label} is required`).max(max, `${label} must be at most ${max} characters`);

/** DECIMAL(10,2): up to 8 digits before the point, 2 after; stored and shown as text ("150.00"), never a float. */
export const Money = text()
  .trim()
  .regex(/^\d{1,8}([.,]\d{1,2})?$/, 'Enter an amount like 120 or 120.50 (at most 99999999.99)')
  .transform((text) => {
    const [whole, fraction = ''] = text.replace(',', '.').split('.') as [string, string?];
    return `${String(Number(whole))}.${fraction.padEnd(2, '0')}`;
  });

/** The fields an admin edits; the same for create and edit. */
export const DoctorFields = z.object({
  firstName: required(50, 'First name'),
  lastName: required(50, 'Last name'),
  email: Email,
  // written as people write it (international), stored as E.164 in the seed's VARCHAR(15)
  phone: phoneText(),
  specialization: required(100, 'Specialization'),
  // Upper case: MySQL compares case-insensitively, SQLite does not; one form keeps "unique" the same on both.
  licenseNumber: required(50, 'License number')
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, 'Letters, digits, space, dot, slash and dash only')
    .transform((v) => v.toUpperCase()),
  yearsExperience: z.number().int('Whole years').min(0, 'Cannot be negative').max(80, 'At most 80 years'),
  consultationFee: Money.nullable(),
  bio: text().trim().max(5000, 'At most 5000 characters').nullable(),
});
export type DoctorFieldsInput = z.input<typeof DoctorFields>;

export const CreateDoctorInput = DoctorFields.extend({ password: NewPassword }).strict();
export type CreateDoctorInput = z.output<typeof CreateDoctorInput>;
export const UpdateDoctorInput = DoctorFields.extend({ doctorId: Id }).strict();
export type UpdateDoctorInput = z.output<typeof UpdateDoctorInput>;
export const SetDoctorActiveInput = z.object({ doctorId: Id, active: z.boolean() }).strict();
export const ResetDoctorPasswordInput = z.object({ doctorId: Id, newPassword: NewPassword }).strict();
export const DoctorListInput = z.object({ includeInactive: z.boolean().default(true) }).strict();
export const DoctorRefInput = z.object({ doctorId: Id }).strict();

export const PROFILE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ProfileImageType = (typeof PROFILE_IMAGE_TYPES)[number];
/** 2 MiB of image; base64 makes it a third larger on the way. */
export const PROFILE_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

export const SetDoctorImageInput = z
  .object({
    doctorId: Id,
    mediaType: z.enum(PROFILE_IMAGE_TYPES, 'Choose a PNG, JPEG or WebP image'),
    dataBase64: text()
      .min(1, 'The image is empty')
      .max(Math.ceil(PROFILE_IMAGE_MAX_BYTES / 3) * 4 + 4, 'The image is larger than 2 MB')
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Not base64 data'),
  })
  .strict();
export type SetDoctorImageInput = z.infer<typeof SetDoctorImageInput>;

/** A doctor as the admin screens show it: never the password hash. */
export interface DoctorView {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  specialization: string;
  licenseNumber: string;
  yearsExperience: number;
  /** "150.00", or null when not set. */
  consultationFee: string | null;
  bio: string | null;
  hasProfileImage: boolean;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface DoctorImage {
  doctorId: number;
  /** data: URL (the window's CSP allows data: images), or null without a picture. */
  dataUrl: string | null;
}
