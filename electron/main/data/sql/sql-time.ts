/**
 * Instants in the reception tables: written as UTC text 'YYYY-MM-DD HH:MM:SS' (both dialects'
 * sessions run at +00:00), read back from a Date (mysql2) or text (SQLite, with or without a zone).
 */
export function utcText(epochMinutes: number): string {
  return new Date(epochMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
}

export function epochMsOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  const text = String(value).trim();
  const [date, time = '00:00:00', zone] = text.split(' ');
  const iso = `${date}T${time}${zone ? zone : text.includes('T') ? '' : 'Z'}`;
  const parsed = Date.parse(text.includes('T') ? text : iso);
  if (Number.isNaN(parsed)) throw new RangeError('Unreadable timestamp');
  return parsed;
}

export const isoOf = (value: unknown): string => new Date(epochMsOf(value)).toISOString();
