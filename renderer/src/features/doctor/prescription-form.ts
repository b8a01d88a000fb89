import { z } from 'zod';
import { count, text } from '../../../../shared/documents/fields';
import type { PrescriptionContentInput } from '../../../../shared/ipc/doctor/schemas';
import type { PrescriptionView } from '../../../../shared/ipc/doctor/types';

/**
 * The editor's own form shape: every text is a string (empty = not given) and numbers come from
 * number inputs. toContent() turns it into what the save channel takes; the same field builders as
 * the stored document give the same messages.
 */
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label} must be at most ${max} characters`);

export const MedicationForm = z.object({
  name: text('Medication name', 200),
  dosage: text('Dosage', 100),
  frequency: text('Frequency', 200),
  duration: text('Duration', 100),
  instructions: optionalText('Instructions', 1000),
  quantity: count('Quantity').min(1, 'Quantity must be at least 1'),
  refillsAllowed: count('Refills allowed').max(12, 'Refills allowed must be at most 12'),
});

export const PrescriptionForm = z
  .object({
    diagnosis: optionalText('Diagnosis', 500),
    medications: z.array(MedicationForm).min(1, 'A prescription needs at least one medication').max(50),
    clinicalNotes: optionalText('Clinical notes', 10_000),
    followUpRequired: z.boolean(),
    followUpDays: z.number({ error: 'Follow-up days must be a number' }).int('Whole days').min(1, 'At least 1 day').max(365, 'At most 365 days').optional(),
    pharmacy: z.object({
      name: optionalText('Pharmacy name', 200),
      address: optionalText('Pharmacy address', 500),
      phone: optionalText('Pharmacy phone', 30),
      faxNumber: optionalText('Pharmacy fax number', 30),
    }),
  })
  .superRefine((form, ctx) => {
    if (form.followUpRequired && form.followUpDays === undefined) {
      ctx.addIssue({ code: 'custom', path: ['followUpDays'], message: 'In how many days?' });
    }
    const { name, address, phone, faxNumber } = form.pharmacy;
    if (!name && (address || phone || faxNumber)) ctx.addIssue({ code: 'custom', path: ['pharmacy', 'name'], message: 'Name the pharmacy' });
  });
export type PrescriptionFormValues = z.input<typeof PrescriptionForm>;

export const EMPTY_MEDICATION: PrescriptionFormValues['medications'][number] = {
  name: '',
  dosage: '',
  frequency: '',
  duration: '',
  instructions: '',
  quantity: undefined as unknown as number,
  refillsAllowed: 0,
};

export function emptyForm(): PrescriptionFormValues {
  return {
    diagnosis: '',
    medications: [{ ...EMPTY_MEDICATION }],
    clinicalNotes: '',
    followUpRequired: false,
    followUpDays: undefined,
    pharmacy: { name: '', address: '', phone: '', faxNumber: '' },
  };
}

export function formFrom(rx: PrescriptionView): PrescriptionFormValues {
  return {
    diagnosis: rx.diagnosis ?? '',
    medications: rx.medications.map((m) => ({ ...m, instructions: m.instructions ?? '' })),
    clinicalNotes: rx.clinicalNotes ?? '',
    followUpRequired: rx.followUpRequired,
    followUpDays: rx.followUpDays ?? undefined,
    pharmacy: {
      name: rx.pharmacy?.name ?? '',
      address: rx.pharmacy?.address ?? '',
      phone: rx.pharmacy?.phone ?? '',
      faxNumber: rx.pharmacy?.faxNumber ?? '',
    },
  };
}

const given = (value: string | undefined) => (value && value.trim() ? value.trim() : undefined);

export function toContent(form: PrescriptionFormValues): PrescriptionContentInput {
  const pharmacyName = given(form.pharmacy.name);
  return {
    medications: form.medications.map((m) => ({ ...m, instructions: given(m.instructions) })),
    diagnosis: given(form.diagnosis),
    clinicalNotes: given(form.clinicalNotes),
    followUpRequired: form.followUpRequired,
    ...(form.followUpRequired && form.followUpDays ? { followUpDays: form.followUpDays } : {}),
    ...(pharmacyName
      ? { pharmacy: { name: pharmacyName, address: given(form.pharmacy.address), phone: given(form.pharmacy.phone), faxNumber: given(form.pharmacy.faxNumber) } }
      : {}),
  };
}

/** Number inputs: empty is "not given", not 0 or NaN. */
export const asNumber = (value: unknown): number | undefined => (value === '' || value === null || value === undefined ? undefined : Number(value));
