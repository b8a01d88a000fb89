import { APPOINTMENT_STATUSES } from '../../../../shared/domain/scheduling/lifecycle';
import { APPOINTMENT_TYPES } from '../../../../shared/ipc/scheduling-types';
import { STATUS_CLASS, TYPE_MARK } from './appointment-format';

/** What the letters and colours of the cards mean: one line under the grid. */
export function CalendarLegend() {
  return (
    <div className="cal-legend" role="note" aria-label="Legend" data-testid="calendar-legend">
      <span className="cal-legend__group">
        {APPOINTMENT_TYPES.map((type) => (
          <span key={type} className="cal-legend__item">
            <span className={`cal-legend__mark appt--type-${TYPE_MARK[type].toLowerCase()}`} aria-hidden="true">
              {TYPE_MARK[type]}
            </span>
            {type}
          </span>
        ))}
      </span>
      <span className="cal-legend__group">
        {APPOINTMENT_STATUSES.map((status) => (
          <span key={status} className="cal-legend__item">
            <span className={`cal-legend__swatch appt--${STATUS_CLASS[status]}`} aria-hidden="true" />
            {status}
          </span>
        ))}
        <span className="cal-legend__item">
          <span className="cal-legend__swatch cal-legend__swatch--arrived" aria-hidden="true" />
          Outlined: arrived
        </span>
      </span>
    </div>
  );
}
