import { DateTime } from 'luxon';
import type { AppointmentStatus } from '../../../../shared/domain/scheduling/lifecycle';
import type { SignatureCheck } from '../../../../shared/ipc/doctor/types';

export const shortDay = (date: string) => DateTime.fromISO(date).toFormat('ccc d LLL');
export const longDay = (date: string) => DateTime.fromISO(date).toFormat('cccc, d LLLL yyyy');
export const dayOfInstant = (iso: string, zone: string) => DateTime.fromISO(iso).setZone(zone).toFormat('d LLL yyyy');
export const momentOf = (iso: string, zone: string) => DateTime.fromISO(iso).setZone(zone).toFormat('d LLL yyyy, HH:mm');

export function endTime(time: string, minutes: number): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
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
