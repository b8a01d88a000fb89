import type { DoctorView } from '../../../../../shared/ipc/admin/doctors';
import { useAdminDoctorsStore } from '../../../stores/admin-doctors-store';
import { ActiveStatusDialog } from '../../../components/ActiveStatusDialog';
import { NewPasswordDialog } from '../../../components/NewPasswordDialog';

const nameOf = (d: DoctorView) => `Dr. ${d.firstName} ${d.lastName}`;

export function DoctorStatusDialog({ doctor, onClose }: { doctor: DoctorView; onClose(): void }) {
  const setActive = useAdminDoctorsStore((state) => state.setActive);
  return (
    <ActiveStatusDialog
      name={nameOf(doctor)}
      isActive={doctor.isActive}
      whenReactivated="They can sign in and be booked again, with their weekly hours as they were."
      whenDeactivated="They can no longer sign in or be booked. Their history stays. You can reactivate them later."
      onConfirm={(activate) => setActive(doctor.id, activate)}
      onClose={onClose}
    />
  );
}

export function DoctorPasswordDialog({ doctor, onClose, onDone }: { doctor: DoctorView; onClose(): void; onDone(): void }) {
  const resetPassword = useAdminDoctorsStore((state) => state.resetPassword);
  return (
    <NewPasswordDialog
      title={`Set the password of ${nameOf(doctor)}`}
      explanation="The doctor signs in at their workstation with their email and this password. It also lifts a sign-in lockout."
      onSave={(newPassword) => resetPassword(doctor.id, newPassword)}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
