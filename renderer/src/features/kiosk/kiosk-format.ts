/** Dates and times as a patient reads them: "Thursday, 26 November", "09:30". */
export function longDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
}

export function dayLabel(isoDate: string, today: string): string {
  return isoDate === today ? 'Today' : longDate(isoDate);
}

export function shortInstantDate(iso: string, zone: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: zone });
}
