import { clinicToday, formatBirthDate } from '../../stores/display-format';
import { useMemo, useState } from 'react';
import { DateFormField } from '../../components/DateField';
import {
  PATIENT_GENDERS,
  PatientFields,
  type PatientFieldsInput,
  type PatientFieldsValue,
} from '../../../../shared/ipc/reception/patient-schemas';
import type { AppError } from '../../../../shared/ipc/result';
import type {
  DuplicateCandidate,
  PatientDetails,
  PossibleDuplicateDetails,
} from '../../../../shared/ipc/reception/types';
import { FormSection } from '../../components/FormSection';
import { TextField } from '../../components/TextField';
import { fieldOf, placeFieldProblems } from '../../forms/server-field-problems';
import { useReceptionStore } from '../../stores/reception-store';
import { ProblemBanner } from '../../components/ProblemBanner';
import { PhoneField } from '../../components/PhoneField';
import { withClinicPhones } from '../../forms/clinic-phones';
import { useClinicPhoneCountry, usePhoneFormat } from '../../hooks/use-clinic-phones';
import { formatPhone } from '../../../../shared/domain/phone';
import { emailForDisplay, isNoEmailPlaceholder } from '../../../../shared/domain/reception/no-email';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { useZodForm, type ZodForm } from '../../forms/use-zod-form';
import { LabelledOptions } from '../../components/LabelledOptions';

type FieldName = keyof PatientFieldsInput;
const FIELDS: readonly FieldName[] = [
  'firstName',
  'lastName',
  'email',
  'noEmail',
  'phone',
  'dateOfBirth',
  'gender',
  'address',
  'emergencyContactName',
  'emergencyContactPhone',
];
const isPatientField = fieldOf(FIELDS);

const BLANK: PatientFieldsInput = {
  firstName: '',
  lastName: '',
  email: '',
  noEmail: false,
  phone: '',
  dateOfBirth: '',
  gender: '' as PatientFieldsInput['gender'],
  address: '',
  emergencyContactName: '',
  emergencyContactPhone: '',
};

/** A typed name goes into the right boxes: "Quenby" → last name, "Orla Quenby" → first and last. */
export function valuesFromTyped(typed: string): Partial<PatientFieldsInput> {
  const words = typed.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || /\d|@/.test(typed))
    return /@/.test(typed)
      ? { email: typed.trim() }
      : /\d/.test(typed) && !/^\d{4}-/.test(typed)
        ? { phone: typed.trim() }
        : {};
  return words.length === 1
    ? { lastName: words[0] }
    : { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1] };
}

const REASON: Record<DuplicateCandidate['reasons'][number], string> = {
  same_name_and_birth_date: 'same name and date of birth',
  same_phone: 'same phone',
};

const todayText = () => clinicToday();

/** The form checks what the schema says, plus a birth date in the past (main checks it again on the clinic's clock). */
const FormSchema = PatientFields.refine((fields) => fields.dateOfBirth === '' || fields.dateOfBirth < todayText(), {
  path: ['dateOfBirth'],
  message: 'The date of birth must be in the past',
});

const PHONE_FIELDS = ['phone', 'emergencyContactPhone'] as const;

export interface PatientFormProps {
  /** Editing this patient; without it, registering a new one. */
  patient?: PatientDetails;
  initial?: Partial<PatientFieldsInput>;
  onSaved(patient: PatientDetails): void;
  onCancel(): void;
  /** Opens an existing patient shown in a duplicate warning (instead of registering a twin). */
  onUseExisting?: (candidate: DuplicateCandidate) => void;
  compact?: boolean;
}

/**
 * The patient's fields and their save: what the patient form and the booking dialog's inline
 * registration share. `save` resolves to the saved patient, or null when the fields need
 * attention (field errors placed, a likely duplicate or a refusal shown).
 */
export function usePatientEntry({
  patient,
  initial,
}: {
  patient?: PatientDetails;
  initial?: Partial<PatientFieldsInput>;
}) {
  const registerPatient = useReceptionStore((state) => state.registerPatient);
  const updatePatient = useReceptionStore((state) => state.updatePatient);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  // national numbers are read in the clinic's default phone country before the channel's schema
  const phoneCountry = useClinicPhoneCountry();
  const schema = useMemo(() => withClinicPhones(FormSchema, PHONE_FIELDS, phoneCountry), [phoneCountry]);
  const form = useZodForm(
    schema,
    patient
      ? {
          firstName: patient.firstName,
          lastName: patient.lastName,
          email: isNoEmailPlaceholder(patient.email) ? '' : patient.email,
          noEmail: isNoEmailPlaceholder(patient.email),
          // shown as the clinic reads it; saved again as E.164 (an old unparsable number as stored)
          phone: formatPhone(patient.phone, phoneCountry),
          dateOfBirth: patient.dateOfBirth,
          gender: patient.gender,
          address: patient.address,
          emergencyContactName: patient.emergencyContactName,
          emergencyContactPhone: formatPhone(patient.emergencyContactPhone, phoneCountry),
        }
      : { ...BLANK, ...initial },
  );
  const { handleSubmit, setError } = form;

  async function save(acknowledgeDuplicates: boolean): Promise<PatientDetails | null> {
    let saved: PatientDetails | null = null;
    await handleSubmit(async (values) => {
      setProblem(null);
      const result = patient
        ? await updatePatient({ patientId: patient.id, patient: values, acknowledgeDuplicates })
        : await registerPatient({ patient: values, acknowledgeDuplicates });
      if (result.ok) {
        setDuplicates(null);
        saved = result.data;
        return;
      }
      if (result.error.code === 'POSSIBLE_DUPLICATE') {
        setDuplicates((result.error.details as PossibleDuplicateDetails).duplicates);
        return;
      }
      setDuplicates(null);
      const unprefixed = { ...result.error, details: prefixless(result.error.details) };
      if (!placeFieldProblems(unprefixed, isPatientField, setError)) setProblem(result.error);
    })();
    return saved;
  }

  return { form, save, problem, duplicates };
}

/**
 * Register or edit a patient. A refusal keeps every value; a likely duplicate is shown with the
 * existing records, and "Save anyway" goes ahead knowingly.
 */
export function PatientForm({ patient, initial, onSaved, onCancel, onUseExisting, compact }: PatientFormProps) {
  const { form, save, problem, duplicates } = usePatientEntry({ patient, initial });
  const { isSubmitting } = form;
  const submit = (acknowledgeDuplicates: boolean) => {
    void save(acknowledgeDuplicates).then((saved) => {
      if (saved) onSaved(saved);
    });
  };

  const saveLabel = patient ? 'Save changes' : 'Register patient';
  return (
    <form
      className={`card patient-form${compact ? ' patient-form--compact' : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit(false);
      }}
      noValidate
      aria-label={patient ? 'Edit patient' : 'Register a patient'}
    >
      {problem ? (
        <ProblemBanner
          title={patient ? 'The changes were not saved' : 'The patient was not registered'}
          error={problem}
        />
      ) : null}
      {duplicates ? (
        <DuplicateWarning
          duplicates={duplicates}
          onUseExisting={onUseExisting}
          confirm={{
            label: patient ? 'Save anyway' : 'Register anyway',
            busy: isSubmitting,
            onConfirm: () => submit(true),
          }}
        />
      ) : null}
      <PatientFieldset form={form} initial={initial} />
      <FormActions className="form-actions" busy={isSubmitting} onCancel={onCancel} confirmLabel={saveLabel} />
    </form>
  );
}

/**
 * The existing records a new or changed patient may duplicate. `confirm` offers saving anyway;
 * without it the surrounding form's own button does (the booking dialog has one set of buttons).
 */
export function DuplicateWarning({
  duplicates,
  onUseExisting,
  confirm,
}: {
  duplicates: DuplicateCandidate[];
  onUseExisting?: ((candidate: DuplicateCandidate) => void) | undefined;
  confirm?: { label: string; busy: boolean; onConfirm(): void };
}) {
  const showPhone = usePhoneFormat();
  return (
    <div className="duplicate-warning" role="alert" aria-label="Possible duplicate">
      <p className="duplicate-warning__title">This may be a patient who is already registered</p>
      <p className="duplicate-warning__lead">Check with the patient before saving a second record.</p>
      <ul className="duplicate-warning__list">
        {duplicates.map((candidate) => (
          <li key={candidate.id} className="duplicate-warning__item">
            <div>
              <span className="duplicate-warning__name">
                {candidate.firstName} {candidate.lastName}
              </span>
              <span className="duplicate-warning__meta">
                born {formatBirthDate(candidate.dateOfBirth)} · {showPhone(candidate.phone)} · {emailForDisplay(candidate.email)}
                {candidate.isActive ? '' : ' · inactive'}
              </span>
              <span className="duplicate-warning__why">
                Matches on {candidate.reasons.map((r) => REASON[r]).join(' and ')}
              </span>
            </div>
            {onUseExisting ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => onUseExisting(candidate)}
              >
                Use this patient
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {confirm ? (
        <div className="duplicate-warning__actions">
          <button type="button" className="button button--primary" onClick={confirm.onConfirm} disabled={confirm.busy}>
            {confirm.label}
          </button>
        </div>
      ) : null}
    </div>
  );
}

type PatientEntryForm = ZodForm<PatientFieldsInput, PatientFieldsValue>;

/** The patient's fields, registered on a form from `usePatientEntry`. */
export function PatientFieldset({
  form: { register, control, errors, field },
  initial,
}: {
  form: PatientEntryForm;
  initial?: Partial<PatientFieldsInput> | undefined;
}) {
  return (
    <>
      <FormSection title="Person">
        <div className="form-row">
          <TextField label="First name" {...field('firstName')} autoComplete="off" autoFocus={!initial?.firstName} />
          <TextField label="Last name" {...field('lastName')} autoComplete="off" />
        </div>
        <div className="form-row">
          <DateFormField
            control={control}
            name="dateOfBirth"
            label="Date of birth"
            error={errors.dateOfBirth?.message}
            autoFocus={Boolean(initial?.firstName)}
          />
          <FormField id="patient-gender" label="Gender" error={errors.gender?.message}>
            <select
              id="patient-gender"
              className="field__input field__select"
              aria-invalid={errors.gender ? true : undefined}
              {...register('gender')}
            >
              <option value="">Choose…</option>
              <LabelledOptions values={PATIENT_GENDERS} />
            </select>
          </FormField>
        </div>
      </FormSection>
      <FormSection title="Contact">
        <div className="form-row">
          <PhoneField label="Phone" {...field('phone')} />
          {/* CSS shows the email box or the "no email" note from the checkbox, so this fieldset
              needs nothing more than its form's fields */}
          <div className="field-stack patient-email">
            <div className="patient-email__address">
              <TextField
                label="Email"
                type="email"
                {...field('email')}
                autoComplete="off"
                hint="Reminders go here; also a kiosk sign-in name."
              />
            </div>
            <div className="field patient-email__none">
              <span className="field__label">Email</span>
              <p className="patient-form__no-email">No email: nothing is sent to this patient by mail.</p>
            </div>
            <label className="checkbox">
              <input type="checkbox" className="patient-email__toggle" {...register('noEmail')} />
              The patient has no email
            </label>
          </div>
        </div>
        <TextField label="Address" {...field('address')} autoComplete="off" />
      </FormSection>
      <FormSection title="Emergency contact" lead="Optional; a name and a phone together.">
        <div className="form-row">
          <TextField label="Contact name" {...field('emergencyContactName')} autoComplete="off" />
          <PhoneField label="Contact phone" {...field('emergencyContactPhone')} />
        </div>
      </FormSection>
    </>
  );
}

/** Main names fields of the nested input ('patient.email'); the form's own names have no prefix. */
function prefixless(details: unknown): unknown {
  if (typeof details !== 'object' || details === null) return details;
  const { field, fields } = details as { field?: unknown; fields?: unknown };
  const strip = (name: unknown) => (typeof name === 'string' ? name.replace(/^patient\./, '') : name);
  return {
    ...details,
    field: strip(field),
    fields: Array.isArray(fields)
      ? fields.map((f: { field?: unknown; message?: unknown }) => ({ ...f, field: strip(f.field) }))
      : fields,
  };
}
