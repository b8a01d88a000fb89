import type { SessionUser } from '../../../../shared/ipc/types';

/** The seed's appointments.cancelled_by, from who is signed in. */
export function cancelledByFor(user: SessionUser): 'Patient' | 'Doctor' | 'Admin' {
  if (user.role === 'patient') return 'Patient';
  if (user.role === 'doctor') return 'Doctor';
  return 'Admin';
}
