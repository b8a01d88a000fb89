import { formatClockRange, formatClockTime, formatDayLong } from '../../stores/display-format';
import { useEffect } from 'react';
import type { DoctorAppointmentRow } from '../../../../shared/ipc/doctor/types';
import { LoadProblem } from '../../components/LoadProblem';
import { useDoctorStore } from '../../stores/doctor-store';
import { addDays } from '../../../../shared/domain/plain-date';
import { relativeDayLabel, todayIn } from '../calendar/calendar-day';
import { endTime } from './format';
import { StatusBadge } from './StatusBadge';
import { TableHead } from '../../components/TableHead';
import { EmptyState } from '../../components/EmptyState';
import { DoctorPage } from '../../components/AdminPage';

function NextPatient({ row, today, onOpen }: { row: DoctorAppointmentRow; today: string; onOpen: () => void }) {
  const when = row.date === today ? `Today at ${formatClockTime(row.time)}` : `${formatDayLong(row.date)} at ${formatClockTime(row.time)}`;
  return (
    <section className="card next-patient" aria-labelledby="next-patient-title">
      <div className="next-patient__marker" aria-hidden="true">
        <span>{formatClockTime(row.time)}</span>
      </div>
      <div className="next-patient__body">
        <p className="eyebrow" id="next-patient-title">
          Next patient
        </p>
        <p className="next-patient__name">{row.patientName}</p>
        <p className="next-patient__meta">
          {when} · {row.durationMinutes} min · {row.appointmentType}
          {row.checkedIn ? <span className="tag tag--arrived">Arrived</span> : null}
        </p>
        {row.reason ? <p className="next-patient__reason">“{row.reason}”</p> : null}
      </div>
      <button type="button" className="button button--primary" onClick={onOpen}>
        Open visit
      </button>
    </section>
  );
}

/** The doctor's home: the next patient, the week at a glance, and the chosen day's visits. */
export function MyDayScreen({ zone }: { zone: string }) {
  const { day, date, dayLoading, dayError, loadDay, show } = useDoctorStore();
  const today = day?.today ?? todayIn(zone);
  const shown = date ?? today;

  useEffect(() => {
    void loadDay(date ?? todayIn(zone));
    // once per visit of the section; the toolbar asks for other dates itself
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const open = (appointmentId: number) => show({ kind: 'appointment', appointmentId });
  const relative = relativeDayLabel(shown, today);
  const weekTotal = day?.week.reduce((sum, d) => sum + d.appointments.filter((a) => a.status !== 'Cancelled').length, 0) ?? 0;

  return (
    <DoctorPage
      titleId="my-day-title"
      title="My day"
      lead={day ? `${day.doctorName} · ${weekTotal} visit${weekTotal === 1 ? '' : 's'} this week` : 'Your own visits, today and this week'}
      actions={
        <div className="day-nav" role="group" aria-label="Choose the day">
          <button type="button" className="button button--secondary" onClick={() => void loadDay(today)} disabled={shown === today}>
            Today
          </button>
          <div className="segmented">
            <button type="button" className="icon-button" aria-label="Previous day" onClick={() => void loadDay(addDays(shown, -1))}>
              <svg viewBox="0 0 20 20" aria-hidden="true">
                <path d="M12.5 4.5L7 10l5.5 5.5" />
              </svg>
            </button>
            <button type="button" className="icon-button" aria-label="Next day" onClick={() => void loadDay(addDays(shown, 1))}>
              <svg viewBox="0 0 20 20" aria-hidden="true">
                <path d="M7.5 4.5L13 10l-5.5 5.5" />
              </svg>
            </button>
          </div>
        </div>
      }
    >

      {dayError ? <LoadProblem title="Your day could not be loaded" error={dayError} onRetry={() => void loadDay(shown)} /> : null}

      {day?.nextPatient ? <NextPatient row={day.nextPatient} today={today} onOpen={() => open(day.nextPatient!.appointmentId)} /> : null}

      {day ? (
        <nav className="week-strip" aria-label="This week">
          {day.week.map((d) => {
            const live = d.appointments.filter((a) => a.status !== 'Cancelled').length;
            return (
              <button
                key={d.date}
                type="button"
                className={`week-strip__day${d.date === shown ? ' week-strip__day--current' : ''}${d.date === today ? ' week-strip__day--today' : ''}`}
                aria-current={d.date === shown ? 'date' : undefined}
                onClick={() => void loadDay(d.date)}
              >
                <span className="week-strip__weekday">{formatDayLong(d.date).split(',')[0]?.slice(0, 3)}</span>
                <span className="week-strip__date">{Number(d.date.slice(8, 10))}</span>
                <span className="week-strip__count">{live === 0 ? 'free' : `${live} visit${live === 1 ? '' : 's'}`}</span>
              </button>
            );
          })}
        </nav>
      ) : null}

      <section className="card day-list" aria-labelledby="day-list-title">
        <header className="day-list__header">
          <h3 className="section-title" id="day-list-title">
            {formatDayLong(shown)}
            {relative ? <span className="tag tag--neutral">{relative}</span> : null}
          </h3>
          <p className="section-lead">Times in {zone}</p>
        </header>
        {dayLoading && !day ? (
          <EmptyState loading as="div">Loading your day…</EmptyState>
        ) : day && day.appointments.length === 0 ? (
          <EmptyState as="div">No visits on this day.</EmptyState>
        ) : (
          <table className="data-table" aria-label="Visits of the day">
            <TableHead columns={['Time', 'Patient', 'Type', 'Reason', 'Status', { label: 'Open', visuallyHidden: true }]} />
            <tbody>
              {day?.appointments.map((row) => (
                <tr key={row.appointmentId} className={row.status === 'Cancelled' ? 'data-table__row--muted' : undefined}>
                  <td className="data-table__mono">
                    {formatClockRange(row.time, endTime(row.time, row.durationMinutes))}
                  </td>
                  <td className="data-table__strong">
                    {row.patientName}
                    {row.checkedIn ? <span className="tag tag--arrived">Arrived</span> : null}
                  </td>
                  <td>{row.appointmentType}</td>
                  <td className="day-list__reason">{row.reason ?? '—'}</td>
                  <td>
                    <StatusBadge status={row.status} />
                  </td>
                  <td className="data-table__actions">
                    <button type="button" className="button button--secondary button--small" onClick={() => open(row.appointmentId)} aria-label={`Open the visit of ${row.patientName} at ${formatClockTime(row.time)}`}>
                      Open
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </DoctorPage>
  );
}
