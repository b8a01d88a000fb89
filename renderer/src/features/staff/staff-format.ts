import type { StaffRoleName } from '../../../../shared/ipc/auth-schemas';

export const STAFF_ROLE_LABEL: Record<StaffRoleName, string> = {
  front_desk: 'Front desk',
  admin: 'Admin',
  super_admin: 'Super admin',
};

/** A moment in the clinic's zone, e.g. "12 Mar 2026, 14:05". */
export function formatMoment(iso: string, zone: string, withSeconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: withSeconds ? '2-digit' : undefined,
    hourCycle: 'h23',
  }).format(date);
}
