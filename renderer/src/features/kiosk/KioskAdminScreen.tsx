import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { Email } from '../../../../shared/ipc/schemas';
import { PatientKioskPassword } from '../../../../shared/ipc/kiosk/schemas';
import type { KioskPatientMatch } from '../../../../shared/ipc/kiosk/types';
import type { AppError } from '../../../../shared/ipc/result';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { BusyButton } from '../../components/BusyButton';
import { TextField } from '../../components/TextField';
import { useKioskStore } from '../../stores/kiosk-store';
import { ProblemBanner } from '../../components/ProblemBanner';
import { formatBirthDate } from '../../stores/display-format';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormActions } from '../../components/FormActions';
import { AdminPage } from '../../components/AdminPage';

const FindForm = z.object({ email: Email });
const PasswordForm = z.object({ newPassword: PatientKioskPassword });

/** The desk finds a patient by email and sets (or resets) the password they use at the kiosk. */
export function KioskPasswordDialog({ onClose, onDone }: { onClose: () => void; onDone: (patient: KioskPatientMatch) => void }) {
  const findPatient = useKioskStore((state) => state.findPatient);
  const setPatientPassword = useKioskStore((state) => state.setPatientPassword);
  const [patient, setPatient] = useState<KioskPatientMatch | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const find = useForm<{ email: string }>({ resolver: zodResolver(FindForm), defaultValues: { email: '' } });
  const password = useForm<{ newPassword: string }>({ resolver: zodResolver(PasswordForm), defaultValues: { newPassword: '' } });

  const onFind = find.handleSubmit(async ({ email }) => {
    setError(null);
    setPatient(null);
    const result = await findPatient(email);
    if (result.ok) setPatient(result.data);
    else if (result.error.code === 'NOT_FOUND') find.setError('email', { message: 'No patient has this email address.' });
    else setError(result.error);
  });
  const onSet = password.handleSubmit(async ({ newPassword }) => {
    if (!patient) return;
    setError(null);
    const result = await setPatientPassword(patient.id, newPassword);
    if (result.ok) onDone(patient);
    else setError(result.error);
  });

  return (
    <Dialog title="Set a patient's kiosk password" onClose={onClose}>
      <form className="dialog__form" onSubmit={(event) => void onFind(event)} noValidate>
        <p className="dialog__text">Find the patient by the email they sign in with. Tell them the password in person; a new password also lifts a sign-in lockout.</p>
        <ProblemBanner title="That did not work" error={error} />
        <div className="kiosk-admin__find">
          <TextField label="Patient email" type="email" registration={find.register('email')} error={find.formState.errors.email?.message} autoComplete="off" autoFocus />
          <BusyButton type="submit" className="button button--secondary" busy={find.formState.isSubmitting}>
            Find patient
          </BusyButton>
        </div>
      </form>
      {patient ? (
        <form className="dialog__form" onSubmit={(event) => void onSet(event)} noValidate>
          <div className="kiosk-admin__patient" aria-label="Patient found">
            <span className="data-table__strong">
              {patient.firstName} {patient.lastName}
            </span>
            <span className="data-table__muted">Born {formatBirthDate(patient.dateOfBirth)}</span>
            {!patient.isActive ? <span className="tag tag--neutral">Inactive</span> : null}
          </div>
          <TextField
            label="New kiosk password"
            type="password"
            registration={password.register('newPassword')}
            error={password.formState.errors.newPassword?.message}
            autoComplete="new-password"
            hint="At least 8 characters."
          />
          <FormActions className="dialog__actions" busy={password.formState.isSubmitting} onCancel={onClose} confirmLabel="Set password" />
        </form>
      ) : (
        <div className="dialog__actions">
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      )}
    </Dialog>
  );
}

function StartKioskDialog({ onClose }: { onClose: () => void }) {
  const enter = useKioskStore((state) => state.enter);
  // On success this workstation signs out and becomes the kiosk: the screen goes with the dialog.
  return (
    <ConfirmDialog
      title="Start kiosk mode?"
      confirmLabel="Start kiosk mode"
      failureTitle="Kiosk mode was not started"
      onConfirm={enter}
      onConfirmed={() => undefined}
      onClose={onClose}
    >
      <p className="dialog__text">
        You will be signed out and this workstation becomes a kiosk where patients sign in. To leave kiosk mode, any front-desk or administrator account signs in through the
        &ldquo;Staff&rdquo; button in its corner.
      </p>
    </ConfirmDialog>
  );
}

/** Front desk and admins: turn this workstation into the patient kiosk, and manage kiosk passwords. */
export function KioskAdminScreen() {
  const [dialog, setDialog] = useState<'start' | 'password' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <AdminPage
      titleId="kiosk-admin-title"
      title="Patient kiosk"
      lead="Patients check in, see their prescriptions and leave feedback on their own."
      actions={
        <button type="button" className="button button--primary" onClick={() => setDialog('start')}>
          Start kiosk mode
        </button>
      }
    >
      {notice ? <Banner tone="info" title={notice} key={notice} /> : null}
      <div className="card kiosk-admin__card">
        <div>
          <h3 className="section-title">Kiosk passwords</h3>
          <p className="section-lead">A patient signs in at the kiosk with their email and a password the desk sets for them.</p>
        </div>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setNotice(null);
            setDialog('password');
          }}
        >
          Set a patient&apos;s kiosk password
        </button>
      </div>
      <div className="card kiosk-admin__card kiosk-admin__card--info">
        <div>
          <h3 className="section-title">How kiosk mode keeps patients apart</h3>
          <ul className="kiosk-admin__points">
            <li>Starting kiosk mode signs you out; nothing of your session stays reachable.</li>
            <li>Each patient sees only their own appointments and active prescriptions.</li>
            <li>A patient is signed out when they press Done or after a short time without use.</li>
          </ul>
        </div>
      </div>
      {dialog === 'start' ? <StartKioskDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'password' ? (
        <KioskPasswordDialog
          onClose={() => setDialog(null)}
          onDone={(patient) => {
            setDialog(null);
            setNotice(`${patient.firstName} ${patient.lastName} can now sign in at the kiosk with the new password.`);
          }}
        />
      ) : null}
    </AdminPage>
  );
}
