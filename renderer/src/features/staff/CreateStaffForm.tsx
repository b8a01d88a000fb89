import { useState } from 'react';
import type { z } from 'zod';
import { CreateStaffInput, STAFF_ROLES } from '../../../../shared/ipc/auth-schemas';
import type { AppError } from '../../../../shared/ipc/result';
import type { StaffAccountView } from '../../../../shared/ipc/types';
import { FormActions } from '../../components/FormActions';
import { TextField } from '../../components/TextField';
import { useAdminStore } from '../../stores/admin-store';
import { STAFF_ROLE_LABEL } from './staff-format';
import { fieldOf, placeFieldProblems } from '../../forms/server-field-problems';
import { ProblemBanner } from '../../components/ProblemBanner';
import { FormField } from '../../components/FormField';
import { NewPasswordField } from '../../components/NewPasswordField';
import { useZodForm } from '../../forms/use-zod-form';
import { LabelledOptions } from '../../components/LabelledOptions';

type FieldName = keyof CreateStaffInput;
type CreateStaffValues = z.input<typeof CreateStaffInput>;
const FIELDS: readonly FieldName[] = ['username', 'email', 'firstName', 'lastName', 'role', 'password'];

const EMPTY: CreateStaffValues = { username: '', email: '', firstName: '', lastName: '', role: 'front_desk', password: '' };

const isStaffField = fieldOf(FIELDS);

export function CreateStaffForm({ onCreated, onCancel }: { onCreated: (account: StaffAccountView) => void; onCancel: () => void }) {
  const createStaff = useAdminStore((state) => state.createStaff);
  const [problem, setProblem] = useState<AppError | null>(null);
  const { register, handleSubmit, setError, errors, isSubmitting, field } = useZodForm(CreateStaffInput, EMPTY);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    const result = await createStaff(values);
    if (result.ok) {
      onCreated(result.data);
      return;
    }
    if (!placeFieldProblems(result.error, isStaffField, setError)) setProblem(result.error);
  });

  return (
    <form className="card staff-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="staff-form-title">
      <div className="staff-form__header">
        <h2 id="staff-form-title" className="section-title">
          New staff account
        </h2>
        <p className="section-lead">They sign in with the user name or email and this first password.</p>
      </div>
      <ProblemBanner title="The account could not be created" error={problem} />
      <div className="form-row">
        <TextField label="First name" {...field('firstName')} autoFocus />
        <TextField label="Last name" {...field('lastName')} />
      </div>
      <div className="form-row">
        <TextField label="Username" {...field('username')} autoComplete="off" />
        <TextField label="Email" type="email" {...field('email')} autoComplete="off" />
      </div>
      <div className="form-row">
        <FormField id="staff-role" label="Role" error={errors.role?.message}>
          <select id="staff-role" className="field__input field__select" {...register('role')}>
            <LabelledOptions values={STAFF_ROLES} labels={STAFF_ROLE_LABEL} />
          </select>
        </FormField>
        <NewPasswordField label="First password" {...field('password')} />
      </div>
      <FormActions className="staff-form__actions" busy={isSubmitting} onCancel={onCancel} confirmLabel={isSubmitting ? 'Creating…' : 'Create account'} />
    </form>
  );
}
