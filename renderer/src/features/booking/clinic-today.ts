import { DateTime } from 'luxon';
import { useAppStore } from '../../stores/app-store';

/** Today's date and the time now in the clinic's time zone (a setting), not the workstation's. */
export function clinicNow(zone: string): { date: string; time: string } {
  const now = DateTime.now().setZone(zone);
  return { date: now.toISODate() ?? '', time: now.toFormat('HH:mm') };
}

export function useClinicZone(): string {
  return useAppStore((state) => state.status?.timezone ?? 'UTC');
}
