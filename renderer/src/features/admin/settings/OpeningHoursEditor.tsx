import type { OpeningHours } from '../../../../../shared/domain/scheduling/opening-hours';
import { DayRanges, useWeekOrder, WEEK_ORDER, type EditableRange } from '../schedule/DayRanges';

type DayKey = keyof OpeningHours;

export function toEditable(hours: OpeningHours): Record<number, EditableRange[]> {
  return Object.fromEntries(
    WEEK_ORDER.map((day) => [day, (hours[String(day) as DayKey] ?? []).map(([start, end]) => ({ start, end, enabled: true }))]),
  );
}

export function fromEditable(days: Record<number, EditableRange[]>): OpeningHours {
  const hours: OpeningHours = {};
  for (const day of WEEK_ORDER) {
    const ranges = days[day] ?? [];
    if (ranges.length > 0) hours[String(day) as DayKey] = ranges.map((r) => [r.start, r.end] as [string, string]);
  }
  return hours;
}

/** The clinic's opening hours, a week of day rows. */
export function OpeningHoursEditor({ value, onChange }: { value: Record<number, EditableRange[]>; onChange(next: Record<number, EditableRange[]>): void }) {
  const order = useWeekOrder();
  return (
    <div className="week-editor">
      {order.map((day) => (
        <DayRanges key={day} day={day} ranges={value[day] ?? []} withToggle={false} onChange={(ranges) => onChange({ ...value, [day]: ranges })} />
      ))}
    </div>
  );
}
