import { memo, type CSSProperties } from 'react';
import type { BlockPlace } from '../../../../shared/domain/calendar/grid-geometry';
import type { CalendarAppointment } from '../../../../shared/ipc/scheduling-types';
import { isLocalId } from '../../../../shared/domain/sync/local-ids';
import { PendingTag } from '../../components/PendingTag';
import { STATUS_CLASS, timeRange, TYPE_MARK } from './appointment-format';
import { nameForms } from '../../../../shared/domain/calendar/name-forms';

export interface AppointmentBlockProps {
  appointment: CalendarAppointment;
  top: number;
  height: number;
  place: BlockPlace;
  busy: boolean;
  dragging: boolean;
}

const TAB_PX = 24;
/** Below this a card holds one small line (a 15-minute visit is 14 px). */
const TINY_PX = 22;

/**
 * One appointment on the grid: coloured by status, marked by type; a click opens its details, a drag moves it.
 * Memoized, its place compared by value: a column laid out again (another card moved) leaves the
 * cards that stay where they were alone.
 */
export const AppointmentBlock = memo(function AppointmentBlock({ appointment, top, height, place, busy, dragging }: AppointmentBlockProps) {
  const name = `${appointment.patientFirstName} ${appointment.patientLastName}`;
  const range = timeRange(appointment.time, appointment.durationMinutes);
  const compact = height < 40;
  const tiny = height < TINY_PX;
  const forms = nameForms(appointment.patientFirstName, appointment.patientLastName);
  const classes = [
    'appt',
    `appt--${STATUS_CLASS[appointment.status]}`,
    `appt--type-${TYPE_MARK[appointment.appointmentType].toLowerCase()}`,
    compact || place.tab ? 'appt--compact' : '',
    tiny ? 'appt--tiny' : '',
    place.tab ? 'appt--tab' : '',
    busy ? 'appt--busy' : '',
    dragging ? 'appt--dragging' : '',
    appointment.checkedInAt ? 'appt--arrived' : '',
  ]
    .filter(Boolean)
    .join(' ');
  // A tab sits at the right edge (TAB_PX wide); live blocks beside one leave room for it.
  const room = place.besideTab ? TAB_PX + 3 : 0;
  const style: CSSProperties = place.tab
    ? { top, height: Math.max(14, height - 2), right: 3, width: TAB_PX }
    : {
        top,
        height: Math.max(14, height - 2),
        left: `calc(${(place.lane / place.lanes) * 100}% + 3px - ${(place.lane / place.lanes) * room}px)`,
        width: `calc(${100 / place.lanes}% - 6px - ${room / place.lanes}px)`,
      };
  return (
    <button
      type="button"
      className={classes}
      style={style}
      data-appointment-id={appointment.id}
      data-forms={forms.length}
      aria-busy={busy || undefined}
    >
      {/*
        The name comes from this text (no aria-label, so what is seen is part of what is said, WCAG
        2.5.3); the shortened lines the block fits are shown, not read twice.
      */}
      <span className="visually-hidden">{`${name}, ${range}, ${appointment.appointmentType}, ${appointment.status}${appointment.checkedInAt ? ', arrived' : ''}${isLocalId(appointment.id) ? ', pending' : ''}`}</span>
      <span className="appt__line" aria-hidden="true">
        <span className="appt__type" title={appointment.appointmentType} aria-hidden="true">
          {TYPE_MARK[appointment.appointmentType]}
        </span>
        <span className="appt__name">
          {forms.map((form, index) => (
            <span key={index} className="appt__form" data-form={index}>
              {form}
            </span>
          ))}
        </span>
        {appointment.seriesId !== null ? (
          <span className="appt__series" title="Part of a series" aria-hidden="true">
            ↻
          </span>
        ) : null}
        <PendingTag id={appointment.id} kind="appointment" />
      </span>
      {!compact && !place.tab ? (
        <span className="appt__meta" aria-hidden="true">
          {range} · {appointment.status === 'Scheduled' ? appointment.appointmentType : appointment.status}
          {appointment.checkedInAt && appointment.status !== 'Completed' ? ' · arrived' : ''}
        </span>
      ) : null}
    </button>
  );
}, sameBlockProps);

function sameBlockProps(a: AppointmentBlockProps, b: AppointmentBlockProps): boolean {
  return (
    a.appointment === b.appointment &&
    a.top === b.top &&
    a.height === b.height &&
    a.busy === b.busy &&
    a.dragging === b.dragging &&
    a.place.lane === b.place.lane &&
    a.place.lanes === b.place.lanes &&
    a.place.tab === b.place.tab &&
    a.place.besideTab === b.place.besideTab
  );
}
