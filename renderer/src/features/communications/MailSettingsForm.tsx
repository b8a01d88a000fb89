import { useEffect, useState } from 'react';
import { useForm, type UseFormRegisterReturn } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { SaveCommunicationSettingsInput } from '../../../../shared/ipc/communications/schemas';
import type { CommunicationSettingsView, TestMessageResult } from '../../../../shared/ipc/communications/types';
import type { AppError } from '../../../../shared/ipc/result';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { FormField } from '../../components/FormField';
import { TextField } from '../../components/TextField';
import { sortFieldProblems } from '../../forms/server-field-problems';
import { useCommunicationsStore } from '../../stores/communications-store';
import { ProblemBanner } from '../../components/ProblemBanner';
import { EmptyState } from '../../components/EmptyState';

const Form = SaveCommunicationSettingsInput.extend({ smtpPassword: z.string().max(500) });
type FormValues = z.infer<typeof Form>;

function toForm(s: CommunicationSettingsView): FormValues {
  return {
    clinicAddress: s.clinicAddress,
    methods: s.methods,
    reminderLeadHours: s.reminderLeadHours,
    jobIntervalMinutes: s.jobIntervalMinutes,
    smtpHost: s.smtpHost,
    smtpPort: s.smtpPort,
    smtpSecurity: s.smtpSecurity,
    smtpUser: s.smtpUser,
    smtpFrom: s.smtpFrom,
    smtpPassword: '',
  };
}

function NumberField({ id, label, registration, error, hint }: { id: string; label: string; registration: UseFormRegisterReturn; error?: string | undefined; hint?: string }) {
  return (
    <FormField id={id} label={label} error={error} hint={hint}>
      <input id={id} className="field__input" type="number" inputMode="numeric" aria-invalid={error ? true : undefined} {...registration} />
    </FormField>
  );
}

/** The clinic's mail server and reminder timing; the password is entered here and never shown again. */
export function MailSettingsForm() {
  const { settings, loadSettings, saveSettings, sendTest } = useCommunicationsStore();
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [testTo, setTestTo] = useState('');
  const [testing, setTesting] = useState(false);
  const [test, setTest] = useState<TestMessageResult | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<FormValues>({ resolver: zodResolver(Form) });

  useEffect(() => {
    void loadSettings().then((result) => {
      if (result.ok) reset(toForm(result.data));
      else setError(result.error);
    });
  }, [loadSettings, reset]);

  const onSubmit = handleSubmit(async (values) => {
    const { smtpPassword, ...rest } = values;
    const result = await saveSettings({ ...rest, ...(smtpPassword ? { smtpPassword } : {}) });
    if (result.ok) {
      reset(toForm(result.data));
      setError(null);
      setSaved(true);
    } else {
      setSaved(false);
      setError(result.error);
      const fields = Object.keys(Form.shape);
      const { placed } = sortFieldProblems(result.error, (name): name is keyof FormValues => fields.includes(name));
      for (const problem of placed) setFieldError(problem.field, { message: problem.message });
    }
  });

  async function forgetPassword() {
    if (!settings) return;
    const { passwordStored: _p, passwordStorage: _s, clinicName: _c, smsProvider: _m, ...rest } = settings;
    const result = await saveSettings({ ...rest, smtpPassword: '' });
    if (!result.ok) setError(result.error);
  }

  async function runTest() {
    setTesting(true);
    const result = await sendTest(testTo);
    setTesting(false);
    if (result.ok) setTest(result.data);
    else setTest({ delivered: false, messageId: null, reason: result.error.message });
  }

  if (!settings) {
    return error ? (
      <ProblemBanner title="The settings could not be loaded" error={error} />
    ) : (
      <EmptyState loading as="div">Loading settings…</EmptyState>
    );
  }

  return (
    <div className="mail-settings">
      <form className="card staff-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-label="Mail settings">
        <div className="staff-form__header">
          <h3 className="section-title">Mail server</h3>
          <p className="section-lead">Reminders and notices go out through the clinic&apos;s own SMTP server.</p>
        </div>
        <div className="form-grid">
          <TextField label="SMTP server" registration={register('smtpHost')} error={errors.smtpHost?.message} placeholder="smtp.example.org" />
          <NumberField id="smtp-port" label="Port" registration={register('smtpPort', { valueAsNumber: true })} error={errors.smtpPort?.message} />
          <FormField id="smtp-security" label="Encryption">
            <select id="smtp-security" className="field__input field__select" {...register('smtpSecurity')}>
              <option value="starttls">STARTTLS (port 587)</option>
              <option value="tls">TLS (port 465)</option>
              <option value="none">None (a relay on this network only)</option>
            </select>
          </FormField>
          <TextField label="Sender address" type="email" registration={register('smtpFrom')} error={errors.smtpFrom?.message} placeholder="reception@clinic.example" />
          <TextField label="User name" registration={register('smtpUser')} error={errors.smtpUser?.message} placeholder="Empty when not needed" autoComplete="off" />
          <TextField
            label="Password"
            type="password"
            registration={register('smtpPassword')}
            error={errors.smtpPassword?.message}
            autoComplete="new-password"
            placeholder={settings.passwordStored ? 'Stored: leave empty to keep' : 'Not stored'}
            hint={
              settings.passwordStorage === 'safeStorage'
                ? 'Sealed by this computer’s keychain; each workstation that sends keeps its own.'
                : 'This computer has no secure storage: the password is kept only until the app closes.'
            }
          />
        </div>
        {settings.passwordStored ? (
          <p className="section-lead">
            A password is stored on this workstation.{' '}
            <button type="button" className="link-button" onClick={() => void forgetPassword()}>
              Remove it
            </button>
          </p>
        ) : null}

        <div className="staff-form__header form-divider">
          <h3 className="section-title">Reminders</h3>
        </div>
        <div className="form-grid">
          <div className="field">
            <label className="field__label" htmlFor="message-methods">
              Send by
            </label>
            <select id="message-methods" className="field__input field__select" {...register('methods')}>
              <option value="email">Email</option>
              <option value="sms">SMS</option>
              <option value="email_and_sms">Email and SMS</option>
            </select>
            <p className="field__hint">No SMS provider is set up: SMS messages are logged as not sent.</p>
          </div>
          <NumberField id="lead-hours" label="Reminder lead time (hours)" registration={register('reminderLeadHours', { valueAsNumber: true })} error={errors.reminderLeadHours?.message} />
          <NumberField id="job-interval" label="Check every (minutes)" registration={register('jobIntervalMinutes', { valueAsNumber: true })} error={errors.jobIntervalMinutes?.message} />
          <TextField label="Clinic address (in messages)" registration={register('clinicAddress')} error={errors.clinicAddress?.message} />
        </div>
        <ProblemBanner title="The settings were not saved" error={error} />
        <div className="staff-form__actions">
          {saved ? <span className="form-saved">Saved</span> : null}
          <BusyButton type="submit" className="button button--primary" busy={isSubmitting}>
            Save settings
          </BusyButton>
        </div>
      </form>

      <section className="card staff-form" aria-label="Send a test message">
        <div className="staff-form__header">
          <h3 className="section-title">Send a test message</h3>
          <p className="section-lead">Uses the saved settings.</p>
        </div>
        <div className="test-send">
          <FormField id="test-to" label="To">
            <input id="test-to" className="field__input" type="email" value={testTo} onChange={(e) => setTestTo(e.target.value)} placeholder="you@clinic.example" />
          </FormField>
          <BusyButton className="button button--secondary" busy={testing} onClick={() => void runTest()} disabled={!testTo}>
            Send test
          </BusyButton>
        </div>
        {test ? (
          <Banner tone={test.delivered ? 'info' : 'error'} title={test.delivered ? 'The server accepted the test message' : 'The test message was not sent'}>
            <p>{test.delivered ? `Message id ${test.messageId ?? ''}` : test.reason}</p>
          </Banner>
        ) : null}
      </section>
    </div>
  );
}
