import type { OpeningHours } from '../../../../../shared/domain/scheduling/opening-hours';
import type { KnownSettingView } from '../../../../../shared/ipc/admin/settings';
import { weekOrderFrom, WEEKDAY_NAMES } from '../schedule/DayRanges';
import { currentDisplayLocale, formatClockRange } from '../../../stores/display-format';
import { phoneCountryLabel } from './PhoneCountrySelect';

const SHORT = (day: number) => (WEEKDAY_NAMES[day] ?? '').slice(0, 3);

/**
 * "Mon–Fri 08:00–18:00 · Sat 09:00–13:00" (or "Mon–Fri 8:00 AM–6:00 PM" on a 12-hour clock):
 * consecutive days with the same hours run together.
 */
export function openingHoursSummary(hours: OpeningHours): string {
  const text = (day: number) => (hours[String(day) as keyof OpeningHours] ?? []).map(([s, e]) => formatClockRange(s, e)).join(', ');
  const runs: { from: number; to: number; hours: string }[] = [];
  for (const day of weekOrderFrom(currentDisplayLocale().weekStart)) {
    const last = runs[runs.length - 1];
    const value = text(day);
    if (last && last.hours === value) last.to = day;
    else runs.push({ from: day, to: day, hours: value });
  }
  const open = runs.filter((r) => r.hours !== '');
  if (open.length === 0) return 'Closed every day';
  return open.map((r) => `${r.from === r.to ? SHORT(r.from) : `${SHORT(r.from)}–${SHORT(r.to)}`} ${r.hours}`).join(' · ');
}

export function formatSettingValue(setting: Pick<KnownSettingView, 'editor' | 'unit' | 'choices'>, value: unknown): string {
  switch (setting.editor) {
    case 'choice':
      return setting.choices?.find((choice) => choice.value === value)?.label ?? String(value);
    case 'integer':
      return `${String(value)}${setting.unit ? ` ${setting.unit}` : ''}`;
    case 'openingHours':
      return openingHoursSummary(value as OpeningHours);
    case 'json':
      return JSON.stringify(value);
    case 'phoneCountry':
      return typeof value === 'string' && value !== '' ? phoneCountryLabel(value) : "Guessed from the clinic's time zone";
    default:
      return typeof value === 'string' && value.trim() !== '' ? value : 'Not set';
  }
}
