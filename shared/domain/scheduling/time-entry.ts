/**
 * A time as people type it at the desk, read as 'HH:MM' (24-hour): "9:15", "09:15", "9.15",
 * "915", "0915", "9:15 am", "9:15pm", "9 am", "12:30 pm", "9". Null when it is not a time of day
 * (the form then says how to write one and keeps what was typed).
 */
export function readTimeEntry(text: string): string | null {
  const typed = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const match = /^(\d{1,2})(?:[:.h ]?(\d{2}))?\s?(a\.?m\.?|p\.?m\.?)?$/.exec(typed);
  if (!match) return null;
  let hours = Number(match[1]);
  const minutes = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.[0];
  if (minutes > 59) return null;
  if (half) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (half === 'p' ? 12 : 0);
  } else if (hours > 23) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
