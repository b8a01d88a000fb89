import { AllergyListSchema } from '../../domain/allergies/allergy-list';
import { z } from 'zod';
import { text, emailText } from '../../domain/text';
import { isIsoDate } from '../../domain/plain-date';

export const PATIENT_GENDERS = ['Male', 'Female', 'Other'] as const;
export type PatientGender = (typeof PATIENT_GENDERS)[number];

const Id = z.number().int().positive();

/** Digits with an optional leading +, spaces, dashes, dots or brackets; 6 to 15 characters (the seed's VARCHAR(15)). */
export const PHONE_PATTERN = /^\+?[0-9][0-9 ().-]{4,13}$/;
const phoneDigits = (text: string) => text.replace(/\D/g, '').length;

export const PhoneText = text()
  .trim()
  .min(1, 'Phone is required')
  .max(15, 'At most 15 characters')
  .refine(
    (text) => PHONE_PATTERN.test(text) && phoneDigits(text) >= 6,
    'Use a phone number like +1 555 010 0100 (digits, spaces, dashes)',
  );

const OptionalPhone = text()
  .trim()
  .max(15, 'At most 15 characters')
  .refine(
    (text) => text === '' || (PHONE_PATTERN.test(text) && phoneDigits(text) >= 6),
    'Use a phone number like +1 555 010 0100 (digits, spaces, dashes)',
  );

const Name = (label: string) => text().trim().min(1, `${label} is required`).max(50, 'At most 50 characters');

/**
 * A patient's details as the front desk enters them: the seed's columns (password_hash aside).
 * Date of birth must be in the past: checked against the clinic's today in the service, and
 * against the browser's today in the form. An emergency contact needs both a name and a phone.
 */
export const PatientFields = z
  .object({
    firstName: Name('First name'),
    lastName: Name('Last name'),
    email: text()
      .trim()
      .min(1, 'Email is required')
      .max(100, 'At most 100 characters')
      .pipe(emailText('Use an email like name@example.org')),
    phone: PhoneText,
    dateOfBirth: text().refine(isIsoDate, 'Use a date like 1980-04-23'),
    gender: z.enum(PATIENT_GENDERS, 'Choose Male, Female or Other'),
    address: text().trim().max(1000, 'At most 1000 characters').default(''),
    emergencyContactName: text().trim().max(100, 'At most 100 characters').default(''),
    emergencyContactPhone: OptionalPhone.default(''),
  })
  .strict()
  .superRefine((fields, ctx) => {
    const name = fields.emergencyContactName ?? '';
    const phone = fields.emergencyContactPhone ?? '';
    if (name !== '' && phone === '')
      ctx.addIssue({
        code: 'custom',
        path: ['emergencyContactPhone'],
        message: "Give the emergency contact's phone too",
      });
    if (name === '' && phone !== '')
      ctx.addIssue({
        code: 'custom',
        path: ['emergencyContactName'],
        message: "Give the emergency contact's name too",
      });
  });
export type PatientFieldsInput = z.input<typeof PatientFields>;
export type PatientFieldsValue = z.output<typeof PatientFields>;

export const PatientSearchInput = z
  .object({
    /** A name (first, last or both, any order), a phone, an email or a date of birth (YYYY-MM-DD). */
    query: text().trim().min(1, 'Type at least one character').max(100),
    limit: z.number().int().min(1).max(50).default(20),
    includeInactive: z.boolean().default(false),
  })
  .strict();

export const PatientGetInput = z.object({ patientId: Id }).strict();

/** The whole allergy record replaces the last one: what the desk sees is what is kept. */
export const SetPatientAllergiesInput = z.object({ patientId: Id, allergies: AllergyListSchema }).strict();

export const RegisterPatientInput = z
  .object({
    patient: PatientFields,
    /** The receptionist saw the likely duplicates and registers anyway. */
    acknowledgeDuplicates: z.boolean().default(false),
  })
  .strict();

export const UpdatePatientInput = z
  .object({ patientId: Id, patient: PatientFields, acknowledgeDuplicates: z.boolean().default(false) })
  .strict();

export const SetPatientActiveInput = z.object({ patientId: Id, active: z.boolean() }).strict();
