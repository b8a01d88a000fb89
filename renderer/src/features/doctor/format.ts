import { formatTime, parseTime } from '../../../../shared/domain/plain-date';
import type { AppointmentStatus } from '../../../../shared/domain/scheduling/lifecycle';
import type { SignatureCheck } from '../../../../shared/ipc/doctor/types';

/** When a visit starting at `time` and lasting `minutes` ends, on the clock (past midnight wraps). */
export function endTime(time: string, minutes: number): string {
  return formatTime((parseTime(time) + minutes) % (24 * 60));
}

export const STATUS_TONE: Record<AppointmentStatus, string> = {
  Scheduled: 'scheduled',
  Confirmed: 'confirmed',
  Completed: 'completed',
  Cancelled: 'cancelled',
  'No-Show': 'noshow',
};

export function signatureLabel(signature: SignatureCheck): { tone: 'valid' | 'invalid' | 'unsigned'; text: string } {
  if (signature.state === 'valid') return { tone: 'valid', text: 'Signature verified' };
  if (signature.state === 'invalid') return { tone: 'invalid', text: 'Signature NOT valid' };
  return { tone: 'unsigned', text: 'Not signed' };
}
