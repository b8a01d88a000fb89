import { useState, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import type { AppError } from '../../../shared/ipc/result';
import { Banner } from '../components/Banner';
import { Brand } from '../components/BrandMark';
import { FormSection } from '../components/FormSection';
import { BusyButton } from '../components/BusyButton';
import { TextField } from '../components/TextField';
import { sortFieldProblems, showFieldProblems } from '../forms/server-field-problems';
import { TimeZoneField } from '../features/setup/TimeZoneField';
import {
  browserTimeZone,
  emptySetupForm,
  SetupForm,
  isSetupFieldPath,
  toSetupInput,
} from '../features/setup/setup-form';
import { useAppStore } from '../stores/app-store';
import { NewPasswordField } from '../components/NewPasswordField';
import { useZodForm } from '../forms/use-zod-form';

/** What the banner says about a refusal that no single field explains. */
interface FormProblem {
  error: AppError;
  /** Server field messages that name no field of this form. */
  unplacedFields: string[];
}

function bannerTitle(error: AppError): string {
  if (error.code === 'ALREADY_SET_UP') return 'This clinic is already set up';
  if (error.code === 'VALIDATION') return 'Some details need another look';
  return 'The clinic could not be created';
}

function bannerBody({ error, unplacedFields }: FormProblem): ReactNode {
  if (error.code === 'ALREADY_SET_UP') {
    return <p>Another workstation finished the setup first. Sign in with an account created there.</p>;
  }
  if (unplacedFields.length > 0) return unplacedFields.map((message) => <p key={message}>{message}</p>);
  return <p>{error.message}</p>;
}

/** First run: creates the clinic and its super admin, then signs that admin in (main does). */
export function FirstRunSetup() {
  const completeSetup = useAppStore((state) => state.completeSetup);
  const reload = useAppStore((state) => state.load);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const setupDefaults = emptySetupForm(browserTimeZone());
  const { control, handleSubmit, setError, isSubmitting, field } = useZodForm(SetupForm, setupDefaults);

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    const result = await completeSetup(toSetupInput(values));
    if (result.ok) return;
    // The form keeps every value: only errors are added, nothing is reset.
    const { placed, unplaced } = sortFieldProblems(result.error, isSetupFieldPath);
    showFieldProblems(placed, setError);
    if (result.error.code !== 'VALIDATION' || placed.length === 0 || unplaced.length > 0) {
      setProblem({ error: result.error, unplacedFields: unplaced });
    }
  });

  return (
    <main className="setup">
      <div className="setup__intro">
        <Brand size={40} className="brand brand--large" />
        <h1 className="setup__title">Set up your clinic</h1>
        <p className="setup__lead">
          This happens once, on the first workstation. You create the clinic and the first administrator account;
          doctors, staff and opening hours are added afterwards in Admin.
        </p>
        <ol className="setup__steps">
          <li>Name the clinic and choose its time zone</li>
          <li>Create the super administrator account</li>
          <li>Open the calendar</li>
        </ol>
      </div>

      <form
        className="card setup__card"
        aria-busy={isSubmitting}
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        aria-labelledby="setup-form-title"
      >
        <h2 id="setup-form-title" className="visually-hidden">
          Clinic and administrator
        </h2>
        {problem ? (
          <Banner
            tone="error"
            title={bannerTitle(problem.error)}
            action={
              problem.error.code === 'ALREADY_SET_UP' ? (
                <button type="button" className="button button--secondary" onClick={() => void reload()}>
                  Go to sign-in
                </button>
              ) : undefined
            }
          >
            {bannerBody(problem)}
          </Banner>
        ) : null}

        <FormSection title="Clinic">
          <TextField label="Clinic name" {...field('clinicName')} autoComplete="organization" autoFocus />
          <Controller
            control={control}
            name="timezone"
            render={({ field, fieldState }) => (
              <TimeZoneField
                label="Time zone"
                name={field.name}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                inputRef={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
        </FormSection>

        <FormSection
          title="Super administrator"
          lead="Manages the clinic’s settings and staff accounts. You can add more administrators later."
        >
          <div className="form-row">
            <TextField label="First name" {...field('admin.firstName')} autoComplete="given-name" />
            <TextField label="Last name" {...field('admin.lastName')} autoComplete="family-name" />
          </div>
          <div className="form-row">
            <TextField
              label="Username"
              {...field('admin.username')}
              autoComplete="username"
              hint="Used to sign in. Letters, digits, dot, dash and underscore."
            />
            <TextField label="Email" type="email" {...field('admin.email')} autoComplete="email" />
          </div>
          <div className="form-row">
            <NewPasswordField
              label="Password"
              {...field('admin.password')}
              advice="A short sentence is easy to remember."
            />
            <TextField
              label="Confirm password"
              type="password"
              {...field('passwordConfirm')}
              autoComplete="new-password"
            />
          </div>
        </FormSection>

        <div className="form-actions">
          <p className="form-actions__note">You will be signed in as this administrator.</p>
          <BusyButton type="submit" className="button button--primary" busy={isSubmitting} busyLabel="Creating clinic…">
            Create clinic
          </BusyButton>
        </div>
      </form>
    </main>
  );
}
