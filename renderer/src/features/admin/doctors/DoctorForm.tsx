import { useMemo, useState } from 'react';
import type { AppError } from '../../../../../shared/ipc/result';
import type { DoctorView } from '../../../../../shared/ipc/admin/doctors';
import { FieldError, TextField } from '../../../components/TextField';
import { fieldOf, placeFieldProblems } from '../../../forms/server-field-problems';
import { useAdminDoctorsStore } from '../../../stores/admin-doctors-store';
import {
  EditDoctorForm,
  EMPTY_DOCTOR_FORM,
  FORM_FIELDS,
  formValuesOf,
  initialsOf,
  NewDoctorForm,
  readPickedImage,
  type PickedImage,
} from './doctor-form';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { PhoneField } from '../../../components/PhoneField';
import { withClinicPhones } from '../../../forms/clinic-phones';
import { useClinicPhoneCountry } from '../../../hooks/use-clinic-phones';
import { FormActions } from '../../../components/FormActions';
import { FormField } from '../../../components/FormField';
import { NewPasswordField } from '../../../components/NewPasswordField';
import { useZodForm } from '../../../forms/use-zod-form';

const isFormField = fieldOf(FORM_FIELDS);

/** Create or edit a doctor (and their picture). Values stay in the form on every refusal. */
export function DoctorForm({ doctor, onDone, onCancel }: { doctor: DoctorView | null; onDone(doctor: DoctorView, created: boolean): void; onCancel(): void }) {
  const { create, update, setImage, removeImage, images } = useAdminDoctorsStore();
  const [problem, setProblem] = useState<AppError | null>(null);
  const [picked, setPicked] = useState<PickedImage | null>(null);
  const [removePicture, setRemovePicture] = useState(false);
  const [imageProblem, setImageProblem] = useState<string | null>(null);
  const phoneCountry = useClinicPhoneCountry();
  const schema = useMemo(() => withClinicPhones(doctor ? EditDoctorForm : NewDoctorForm, ['phone'], phoneCountry), [doctor, phoneCountry]);
  const { register, handleSubmit, setError, errors, isSubmitting, field } = useZodForm(
    schema,
    doctor ? formValuesOf(doctor, phoneCountry) : EMPTY_DOCTOR_FORM,
  );
  const currentPicture = picked?.dataUrl ?? (removePicture || !doctor ? null : (images[doctor.id] ?? null));

  const onSubmit = handleSubmit(async ({ password, ...fields }) => {
    setProblem(null);
    const result = doctor ? await update({ ...fields, doctorId: doctor.id }) : await create({ ...fields, password });
    if (!result.ok) {
      if (!placeFieldProblems(result.error, isFormField, setError)) setProblem(result.error);
      return;
    }
    const saved = result.data;
    if (picked) {
      const stored = await setImage(saved.id, picked.mediaType, picked.dataBase64);
      if (!stored.ok) {
        setImageProblem(stored.error.message);
        setProblem({ code: stored.error.code, message: `${saved.firstName} ${saved.lastName} was saved, but not the picture: ${stored.error.message}` });
        return;
      }
    } else if (removePicture && doctor?.hasProfileImage) {
      await removeImage(saved.id);
    }
    onDone(saved, !doctor);
  });

  return (
    <form className="card doctor-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="doctor-form-title">
      <div className="staff-form__header">
        <h3 id="doctor-form-title" className="section-title">
          {doctor ? `Edit Dr. ${doctor.firstName} ${doctor.lastName}` : 'New doctor'}
        </h3>
        <p className="section-lead">
          {doctor ? 'Changes show on every workstation at once.' : 'The doctor signs in at their workstation with this email and the first password.'}
        </p>
      </div>
      <ProblemBanner title={doctor ? 'The changes were not saved' : 'The doctor was not created'} error={problem} />
      <div className="doctor-form__layout">
        <div className="doctor-form__picture">
          <div className="doctor-avatar doctor-avatar--large" aria-hidden="true">
            {currentPicture ? <img src={currentPicture} alt="" /> : <span>{doctor ? initialsOf(doctor) : '?'}</span>}
          </div>
          <label className="button button--secondary button--small doctor-form__file">
            Choose picture…
            <input
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-label="Profile picture"
              className="visually-hidden"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (!file) return;
                setImageProblem(null);
                readPickedImage(file).then(
                  (image) => {
                    setPicked(image);
                    setRemovePicture(false);
                  },
                  (error: Error) => setImageProblem(error.message),
                );
              }}
            />
          </label>
          {currentPicture ? (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                setPicked(null);
                setRemovePicture(true);
              }}
            >
              Remove picture
            </button>
          ) : null}
          {imageProblem ? <FieldError id="doctor-image-error" message={imageProblem} /> : <p className="field__hint">PNG, JPEG or WebP, up to 2 MB.</p>}
        </div>
        <div className="doctor-form__fields">
          <div className="form-row">
            <TextField label="First name" {...field('firstName')} autoFocus />
            <TextField label="Last name" {...field('lastName')} />
          </div>
          <div className="form-row">
            <TextField label="Email" type="email" {...field('email')} autoComplete="off" />
            <PhoneField label="Phone" {...field('phone')} />
          </div>
          <div className="form-row">
            <TextField label="Specialization" {...field('specialization')} />
            <TextField label="License number" {...field('licenseNumber')} autoComplete="off" />
          </div>
          <div className="form-row">
            <TextField label="Years of experience" {...field('yearsExperience')} />
            <TextField label="Consultation fee" {...field('consultationFee')} hint="An amount like 120.00; empty if not charged." />
          </div>
          <FormField id="doctor-bio" label="Bio" error={errors.bio?.message}>
            <textarea id="doctor-bio" className="field__input field__textarea" rows={3} {...register('bio')} aria-invalid={errors.bio ? true : undefined} />
          </FormField>
          {!doctor ? (
            <NewPasswordField label="First password" {...field('password')} advice="Tell the doctor in person." />
          ) : null}
        </div>
      </div>
      <FormActions className="staff-form__actions" busy={isSubmitting} onCancel={onCancel} confirmLabel={doctor ? 'Save changes' : 'Create doctor'} />
    </form>
  );
}
