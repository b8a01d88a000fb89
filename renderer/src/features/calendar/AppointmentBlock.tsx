import type { CSSProperties } from 'react';
import type { CalendarAppointment } from '../../../../shared/ipc/scheduling-types';
import { STATUS_CLASS, timeRange, TYPE_MARK } from './appointment-format';

export interface AppointmentBlockProps {
  appointment: CalendarAppointment;
  top: number;
  height: number;
  lane: number;
  lanes: number;
  busy: boolean;
  dragging: boolean;
}

/** One appointment on the grid: coloured by status, marked by type; a click opens its details, a drag moves it. */
export function AppointmentBlock({ appointment, top, height, lane, lanes, busy, dragging }: AppointmentBlockProps) {
  const name = `${appointment.patientFirstName} ${appointment.patientLastName}`;
  const range = timeRange(appointment.time, appointment.durationMinutes);
  const compact = height < 40;
  const classes = [
    'appt',
    `appt--${STATUS_CLASS[appointment.status]}`,
    `appt--type-${TYPE_MARK[appointment.appointmentType].toLowerCase()}`,
    compact ? 'appt--compact' : '',
    busy ? 'appt--busy' : '',
    dragging ? 'appt--dragging' : '',
    appointment.checkedInAt ? 'appt--arrived' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const style: CSSProperties = {
    top,
    height: Math.max(14, height - 2),
    left: `calc(${(lane / lanes) * 100}% + 3px)`,
    width: `calc(${100 / lanes}% - 6px)`,
  };
  return (
    <button
      type="button"
      className={classes}
      style={style}
      data-appointment-id={appointment.id}
      aria-label={`${range}, ${name}, ${appointment.appointmentType}, ${appointment.status}${appointment.checkedInAt ? ', arrived' : ''}`}
      aria-busy={busy || undefined}
    >
      <span className="appt__line">
        <span className="appt__type" title={appointment.appointmentType} aria-hidden="true">
          {TYPE_MARK[appointment.appointmentType]}
        </span>
        <span className="appt__name">{name}</span>
        {appointment.seriesId !== null ? (
          <span className="appt__series" title="Part of a series" aria-hidden="true">
            ↻
          </span>
        ) : null}
      </span>
      {!compact ? (
        <span className="appt__meta">
          {range} · {appointment.status === 'Scheduled' ? appointment.appointmentType : appointment.status}
          {appointment.checkedInAt && appointment.status !== 'Completed' ? ' · arrived' : ''}
        </span>
      ) : null}
    </button>
  );
}
