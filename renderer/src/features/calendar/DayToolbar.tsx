import type { ReactNode } from 'react';
import { isIsoDate } from '../../../../shared/domain/plain-date';
import { DateInput } from '../../components/DateField';
import type { CalendarView } from '../../stores/calendar-store';
import { relativeDayLabel, type IsoDate } from './calendar-day';

export interface DoctorOption {
  id: number;
  name: string;
  specialization: string;
}

export interface DayToolbarProps {
  view: CalendarView;
  date: IsoDate;
  today: IsoDate;
  zone: string;
  /** The heading: a day, a week range or a month. */
  title: { main: string; sub: string };
  specializations: string[];
  specialization: string | null;
  doctors: DoctorOption[];
  weekDoctorId: number | null;
  /** Shown for a few seconds after a change from another workstation arrived. */
  liveHint: string | null;
  onView(view: CalendarView): void;
  onChange(date: IsoDate): void;
  onPrevious(): void;
  onNext(): void;
  onSpecialization(specialization: string | null): void;
  /** The day view's doctor picker (choose the columns). */
  doctorPicker?: ReactNode;
  onWeekDoctor(doctorId: number): void;
}

const VIEWS: { view: CalendarView; label: string; key: string }[] = [
  { view: 'day', label: 'Day', key: 'D' },
  { view: 'week', label: 'Week', key: 'W' },
  { view: 'month', label: 'Month', key: 'M' },
];

const UNIT: Record<CalendarView, string> = { day: 'day', week: 'week', month: 'month' };

/** The calendar's header: view, which day/week/month is shown, moving between them, filters. */
export function DayToolbar(props: DayToolbarProps) {
  const { view, date, today, zone, title } = props;
  const relative = view === 'day' ? relativeDayLabel(date, today) : null;
  return (
    <div className="day-toolbar">
      <div className="day-toolbar__nav" role="group" aria-label={`Change ${UNIT[view]}`}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => props.onChange(today)}
          disabled={date === today}
          title="Today (T)"
        >
          Today
        </button>
        <div className="segmented">
          <button
            type="button"
            className="icon-button"
            onClick={props.onPrevious}
            aria-label={`Previous ${UNIT[view]}`}
            title={`Previous ${UNIT[view]} (Alt+←)`}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M10 3.5L5.5 8l4.5 4.5" />
            </svg>
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={props.onNext}
            aria-label={`Next ${UNIT[view]}`}
            title={`Next ${UNIT[view]} (Alt+→)`}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M6 3.5L10.5 8 6 12.5" />
            </svg>
          </button>
        </div>
        <label className="day-toolbar__jump">
          <span className="visually-hidden">Go to date</span>
          <DateInput
            className="day-toolbar__date"
            value={date}
            onChange={(next) => {
              if (isIsoDate(next)) props.onChange(next);
            }}
          />
        </label>
      </div>
      <div className="day-toolbar__heading">
        <div className="day-toolbar__title-row" aria-live="polite">
          <h2 className="day-toolbar__title">{title.main}</h2>
          {relative ? <span className="day-toolbar__relative">{relative}</span> : null}
        </div>
        <p className="day-toolbar__zone">
          {title.sub ? `${title.sub} · ` : ''}Times in {zone.replaceAll('_', ' ')}
          {props.liveHint ? (
            <span className="day-toolbar__live" role="status">
              {props.liveHint}
            </span>
          ) : null}
        </p>
      </div>
      <div className="day-toolbar__filters">
        {view === 'week' ? (
          <label className="day-toolbar__filter">
            <span className="visually-hidden">Doctor</span>
            <select
              className="field__input field__select"
              aria-label="Doctor"
              value={props.weekDoctorId ?? ''}
              onChange={(event) => props.onWeekDoctor(Number(event.target.value))}
            >
              {props.doctors.map((doctor) => (
                <option key={doctor.id} value={doctor.id}>
                  {doctor.name} · {doctor.specialization}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
          {view === 'day' ? props.doctorPicker : null}
          <label className="day-toolbar__filter">
            <span className="visually-hidden">Specialization</span>
            <select
              className="field__input field__select"
              aria-label="Specialization"
              value={props.specialization ?? ''}
              onChange={(event) => props.onSpecialization(event.target.value || null)}
            >
              <option value="">All specializations</option>
              {props.specializations.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          </>
        )}
        <div className="view-switch" role="tablist" aria-label="Calendar view">
          {VIEWS.map((option) => (
            <button
              key={option.view}
              type="button"
              role="tab"
              aria-selected={view === option.view}
              className={`view-switch__tab${view === option.view ? ' view-switch__tab--active' : ''}`}
              onClick={() => props.onView(option.view)}
              title={`${option.label} view (${option.key})`}
            >
              {option.label}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
