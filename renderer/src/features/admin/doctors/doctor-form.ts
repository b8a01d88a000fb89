import { formatMoney } from '../../../stores/display-format';
import { z } from 'zod';
import { DoctorFields, Money, PROFILE_IMAGE_MAX_BYTES, PROFILE_IMAGE_TYPES, type DoctorView, type ProfileImageType } from '../../../../../shared/ipc/admin/doctors';
import { NewPassword } from '../../../../../shared/ipc/schemas';
import { formatPhone, type PhoneCountry } from '../../../../../shared/domain/phone';

/** The form keeps every input as typed text; the schema turns it into the channel's values. */
export interface DoctorFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  specialization: string;
  licenseNumber: string;
  yearsExperience: string;
  consultationFee: string;
  bio: string;
  password: string;
}

const blankToNull = <O>(schema: z.ZodType<O, string | null>) => z.string().transform((v) => (v.trim() === '' ? null : v)).pipe(schema);

const fields = {
  ...DoctorFields.shape,
  yearsExperience: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, 'Whole years from 0 to 80')
    .transform(Number)
    .pipe(z.number().max(80, 'At most 80 years')),
  consultationFee: blankToNull(Money.nullable()),
  bio: blankToNull(z.string().trim().max(5000, 'At most 5000 characters').nullable()),
};

export const NewDoctorForm = z.object({ ...fields, password: NewPassword });
export const EditDoctorForm = z.object({ ...fields, password: z.string() });
export type DoctorFormOutput = z.output<typeof NewDoctorForm>;

export const FORM_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'specialization', 'licenseNumber', 'yearsExperience', 'consultationFee', 'bio', 'password'] as const;

export const EMPTY_DOCTOR_FORM: DoctorFormValues = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  specialization: '',
  licenseNumber: '',
  yearsExperience: '0',
  consultationFee: '',
  bio: '',
  password: '',
};

export function formValuesOf(doctor: DoctorView, phoneCountry: PhoneCountry): DoctorFormValues {
  return {
    firstName: doctor.firstName,
    lastName: doctor.lastName,
    email: doctor.email,
    // shown as the clinic reads it; saved again as E.164
    phone: formatPhone(doctor.phone, phoneCountry),
    specialization: doctor.specialization,
    licenseNumber: doctor.licenseNumber,
    yearsExperience: String(doctor.yearsExperience),
    consultationFee: doctor.consultationFee ?? '',
    bio: doctor.bio ?? '',
    password: '',
  };
}

export interface PickedImage {
  mediaType: ProfileImageType;
  dataBase64: string;
  dataUrl: string;
}

/** Reads a chosen file; the size and type are checked again in main, from the bytes. */
export function readPickedImage(file: File): Promise<PickedImage> {
  return new Promise((resolve, reject) => {
    if (!(PROFILE_IMAGE_TYPES as readonly string[]).includes(file.type)) {
      reject(new Error('Choose a PNG, JPEG or WebP image.'));
      return;
    }
    if (file.size > PROFILE_IMAGE_MAX_BYTES) {
      reject(new Error('The image is larger than 2 MB.'));
      return;
    }
    const reader = new FileReader();
    reader.onerror = () => reject(new Error('The file could not be read.'));
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve({ mediaType: file.type as ProfileImageType, dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1), dataUrl });
    };
    reader.readAsDataURL(file);
  });
}

export const formatFee = (fee: string | null) => (fee === null ? '—' : formatMoney(fee));
export const initialsOf = (doctor: Pick<DoctorView, 'firstName' | 'lastName'>) => `${doctor.firstName.charAt(0)}${doctor.lastName.charAt(0)}`.toUpperCase();
