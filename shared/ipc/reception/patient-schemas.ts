import { AllergyListSchema } from '../../domain/allergies/allergy-list';
import { z } from 'zod';
import { text, emailText } from '../../domain/text';
import { isIsoDate } from '../../domain/plain-date';
import { optionalPhoneText, phoneText } from '../../domain/phone';
import { isNoEmailPlaceholder } from '../../domain/reception/no-email';

export const PATIENT_GENDERS = ['Male', 'Female', 'Other'] as const;
export type PatientGender = (typeof PATIENT_GENDERS)[number];

const Id = z.number().int().positive();

/** A required phone in channel input: international, stored as E.164 (see shared/domain/phone). */
export const PhoneText = phoneText();

const Name = (label: string) => text().trim().min(1, `${label} is required`).max(50, 'At most 50 characters');

/**
 * A patient's details as the front desk enters them: the seed's columns (password_hash aside).
 * Date of birth must be in the past: checked against the clinic's today in the service, and
 * against the browser's today in the form. An emergency contact needs both a name and a phone.
 * Phones arrive international and leave as E.164; a patient without email says so with `noEmail`.
 */
export const PatientFields = z
  .object({
    firstName: Name('First name'),
    lastName: Name('Last name'),
    /** Ignored (stored as a `.invalid` placeholder) when `noEmail` is set. */
    email: text().trim().max(100, 'At most 100 characters').default(''),
    /** The patient has no email address (a child, many older people). */
    noEmail: z.boolean().default(false),
    phone: PhoneText,
    dateOfBirth: text().refine(isIsoDate, 'Use a date like 1980-04-23'),
    gender: z.enum(PATIENT_GENDERS, 'Choose Male, Female or Other'),
    address: text().trim().max(1000, 'At most 1000 characters').default(''),
    emergencyContactName: text().trim().max(100, 'At most 100 characters').default(''),
    emergencyContactPhone: optionalPhoneText().default(''),
  })
  .strict()
  .superRefine((fields, ctx) => {
    if (!fields.noEmail) {
      if (fields.email === '')
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'Email is required (or tick "No email")' });
      else if (!emailText('x').safeParse(fields.email).success)
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'Use an email like name@example.org' });
      else if (isNoEmailPlaceholder(fields.email))
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'That address cannot receive mail: tick "No email" instead' });
    }
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

/** The most patients one search lists; past it, the receptionist narrows the words. */
export const PATIENT_SEARCH_MAX_LIMIT = 60;

export const PatientSearchInput = z
  .object({
    /** A name (first, last or both, any order), a phone, an email or a date of birth (YYYY-MM-DD). */
    query: text().trim().min(1, 'Type at least one character').max(100),
    /** "Show more" asks again with a higher limit: the list is merged from several index ranges, so pages by offset would not line up. */
    limit: z.number().int().min(1).max(PATIENT_SEARCH_MAX_LIMIT).default(20),
    includeInactive: z.boolean().default(false),
  })
  .strict();

export const PatientGetInput = z.object({ patientId: Id }).strict();

/** The whole allergy record replaces the last one: what the desk sees is what is kept. */
export const SetPatientAllergiesInput = z
  .object({
    patientId: Id,
    allergies: AllergyListSchema,
    /**
     * The record the editor started from (null: never recorded). When the server's record is no
     * longer that, someone changed it meanwhile and the change is refused with CONFLICT rather
     * than silently replacing theirs. Left out, the change replaces whatever is there (keep mine).
     */
    basedOn: AllergyListSchema.nullable().optional(),
  })
  .strict();

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
