import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CalendarAppointment } from '../../../../shared/ipc/scheduling-types';
import { calendarFreshness, PERF, useCalendarStore, type CalendarView } from '../../stores/calendar-store';
import { StaleStage } from './StaleStage';
import { CalendarLegend } from './CalendarLegend';
import { DoctorPicker } from './DoctorPicker';
import { useDoctorColumns } from './use-doctor-columns';
import { AppointmentPopover } from './AppointmentPopover';
import { BookingHook } from './BookingHook';
import { addDays, shiftMonth, weekStartOf } from '../../../../shared/domain/plain-date';
import { formatClockTime, formatInstantTime, formatDayLong, formatDayLongNoYear, formatDayShort, formatMonth, formatWeek, useDisplayLocale } from '../../stores/display-format';
import { clockTime, todayIn } from './calendar-day';
import { CalendarNoticeBar } from './CalendarNoticeBar';
import { DayGrid, type GridColumn, type MoveTarget } from './DayGrid';
import { Dialog } from '../../components/Dialog';
import { DayToolbar } from './DayToolbar';
import { gridRange } from '../../../../shared/domain/calendar/grid-geometry';
import { MonthView } from './MonthView';
import { NoDoctorsYet } from './NoDoctorsYet';
import { SelectionBar } from './SelectionBar';
import { useMinuteClock } from './use-clinic-clock';
import { useLiveUpdates } from './use-live-updates';
import { CancellationFollowUp, type CancelledSlot } from './CancellationFollowUp';

interface OpenAppointment {
  id: number;
  doctorName: string;
  date: string;
  anchor: DOMRect;
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return Boolean(element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)));
}

function findOpen(
  open: OpenAppointment | null,
  columns: readonly GridColumn[],
): { appointment: CalendarAppointment; meta: OpenAppointment } | null {
  if (!open) return null;
  for (const column of columns) {
    const appointment = column.data.appointments.find((a) => a.id === open.id);
    if (appointment) return { appointment, meta: open };
  }
  return null;
}

function shift(view: CalendarView, date: string, direction: 1 | -1): string {
  if (view === 'day') return addDays(date, direction);
  if (view === 'week') return addDays(date, 7 * direction);
  return shiftMonth(date, direction);
}

/** The calendar: a day with a column per doctor, one doctor's week, or the month's counts. */
/** `onSetHours`: where an admin sets a doctor's hours; absent for those who cannot. */
export function CalendarScreen({ zone, onSetHours }: { zone: string; onSetHours?: ((doctorId: number) => void) | undefined }) {
  const now = useMinuteClock();
  const today = todayIn(zone, now);
  // Only what the screen shows: the days read ahead, the fingerprints and the board change often
  // without changing the screen, and each re-render walks the whole grid.
  const store = useCalendarStore(
    useShallow((state) => ({
      view: state.view,
      date: state.date,
      day: state.day,
      week: state.week,
      month: state.month,
      monthSpecialization: state.monthSpecialization,
      specialization: state.specialization,
      weekDoctorId: state.weekDoctorId,
      selection: state.selection,
      pending: state.pending,
      error: state.error,
      setView: state.setView,
      setDate: state.setDate,
      setSpecialization: state.setSpecialization,
      setWeekDoctor: state.setWeekDoctor,
      select: state.select,
      notify: state.notify,
      move: state.move,
      cancel: state.cancel,
      setStatus: state.setStatus,
      recordArrival: state.recordArrival,
      refreshAfterOwnChange: state.refreshAfterOwnChange,
    })),
  );
  const { view, date, day, week, month, specialization, selection, pending } = store;
  const [open, setOpen] = useState<OpenAppointment | null>(null);
  const [booking, setBooking] = useState(false);
  const [followUp, setFollowUp] = useState<CancelledSlot | null>(null);
  /** A move to another doctor, waiting for the receptionist's yes. */
  const [doctorChange, setDoctorChange] = useState<{
    appointment: CalendarAppointment;
    target: MoveTarget;
    from: string;
    to: string;
  } | null>(null);
  const liveHint = useLiveUpdates(null);
  const doctorColumns = useDoctorColumns();

  // First visit: today; coming back to the section keeps the day the receptionist was on.
  useEffect(() => {
    const state = useCalendarStore.getState();
    if (!state.day && !state.week && !state.month) state.setDate(today);
    else void state.load({ quiet: true });
    // Only on mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Keyboard: Alt+←/→ move by the view's unit, T today, D/W/M change the view.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || document.querySelector('dialog[open]')) return;
      const state = useCalendarStore.getState();
      if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
        event.preventDefault();
        state.setDate(shift(state.view, state.date, event.key === 'ArrowLeft' ? -1 : 1));
        return;
      }
      if (event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 't') state.setDate(today);
      else if (key === 'd') state.setView('day');
      else if (key === 'w') state.setView('week');
      else if (key === 'm') state.setView('month');
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [today]);

  // Date change → painted calendar, with the Performance API (the e2e spec reads the measure).
  useLayoutEffect(() => {
    if (view !== 'day' || !day || day.date !== date) return;
    if (performance.getEntriesByName(PERF.dateChange, 'mark').length === 0) return;
    const frame = requestAnimationFrame(() => {
      const changedAt = performance.getEntriesByName(PERF.dateChange, 'mark')[0]?.startTime ?? 0;
      performance.mark(PERF.painted);
      performance.measure(PERF.measure, PERF.dateChange, PERF.painted);
      performance.clearMarks(PERF.dateChange);
      // The frame's own style, layout and paint run after its animation callbacks: a task posted
      // from here runs once they are done.
      const presented = new MessageChannel();
      presented.port1.onmessage = () => {
        performance.mark(PERF.presented);
        performance.measure(PERF.presentedMeasure, { start: changedAt, end: performance.now() });
        presented.port1.close();
      };
      presented.port2.postMessage(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [day, date, view]);

  const specializations = useMemo(() => [...new Set((day?.doctors ?? []).map((d) => d.specialization))].sort(), [day]);
  const doctors = useMemo(
    () => (day?.doctors ?? []).map((d) => ({ id: d.doctorId, name: d.doctorName, specialization: d.specialization })),
    [day],
  );

  const columns: GridColumn[] = useMemo(() => {
    if (view === 'day') {
      return (day?.doctors ?? [])
        .filter((d) => !specialization || d.specialization === specialization)
        .filter((d) => !doctorColumns.hidden.includes(d.doctorId))
        .map((d) => ({
          key: `${d.doctorId}`,
          doctorId: d.doctorId,
          date: day!.date,
          title: d.doctorName,
          subtitle: d.specialization,
          data: d,
        }));
    }
    if (view === 'week' && week) {
      return week.days.map((d) => {
        return {
          key: d.date,
          doctorId: week.doctorId,
          date: d.date,
          title: formatDayShort(d.date),
          subtitle: d.date === today ? 'Today' : '',
          data: d,
        };
      });
    }
    return [];
  }, [view, day, week, specialization, today, doctorColumns.hidden]);

  const { weekStart } = useDisplayLocale();
  const range = useMemo(() => gridRange(columns.map((c) => c.data)), [columns]);
  const local = now.setZone(zone);
  const clinicNow = { date: today, minutes: local.hour * 60 + local.minute, label: clockTime(zone, now) };

  const title = useMemo(() => {
    if (view === 'day') return { main: formatDayLong(date), sub: '' };
    if (view === 'week') {
      const first = weekStartOf(date, weekStart);
      return {
        main: formatWeek(first, addDays(first, 6)),
        sub: week ? `${week.doctorName}, ${week.specialization}` : '',
      };
    }
    return { main: formatMonth(date), sub: specialization ?? 'All doctors' };
  }, [view, date, week, specialization, weekStart]);

  const freshness = calendarFreshness(store);
  const loadingText = view === 'day' ? `${title.main}` : view === 'week' ? `the week of ${title.main}` : title.main;
  const describeShowing = (showing: string) =>
    view === 'day' ? formatDayLongNoYear(showing) : view === 'week' ? showing : formatMonth(`${showing}-01`);
  // Nothing acts on an appointment of a day the header no longer states.
  const openAppointment = freshness.state === 'fresh' ? findOpen(open, columns) : null;
  const closePopover = useCallback(() => setOpen(null), []);
  const doctorNameOf = (doctorId: number) =>
    day?.doctors.find((d) => d.doctorId === doctorId)?.doctorName ?? week?.doctorName ?? '';

  const noDoctors = Boolean(day && day.doctors.length === 0);
  return (
    <section className={`calendar calendar--${view}`} aria-label="Calendar">
      <DayToolbar
        view={view}
        date={date}
        today={today}
        zone={zone}
        title={title}
        specializations={specializations}
        specialization={specialization}
        doctors={doctors}
        weekDoctorId={store.weekDoctorId}
        liveHint={liveHint}
        onView={store.setView}
        onChange={store.setDate}
        onPrevious={() => store.setDate(shift(view, date, -1))}
        onNext={() => store.setDate(shift(view, date, 1))}
        onSpecialization={store.setSpecialization}
        onWeekDoctor={store.setWeekDoctor}
        doctorPicker={<DoctorPicker doctors={doctors} hidden={doctorColumns.hidden} onChange={doctorColumns.setHidden} />}
      />
      <CalendarNoticeBar />
      {selection && view !== 'month' ? (
        <SelectionBar
          selection={selection}
          doctorName={doctorNameOf(selection.doctorId)}
          onBook={() => setBooking(true)}
          onClear={() => store.select(null)}
        />
      ) : null}
      {store.error ? (
        <p className="calendar__error" role="alert">
          {store.error.message}
        </p>
      ) : null}
      <StaleStage freshness={freshness} loadingText={loadingText} describeShowing={describeShowing}>
      {view === 'month' ? (
        <MonthView
          month={month}
          date={date}
          today={today}
          onOpenDay={(chosen) => {
            store.setDate(chosen);
            store.setView('day');
          }}
        />
      ) : (
        <DayGrid
          label={view === 'day' ? 'Day calendar, one column per doctor' : 'Week calendar, one column per day'}
          columns={columns}
          range={range}
          now={clinicNow}
          selection={selection}
          pending={pending}
          onSelect={store.select}
          onSetHours={onSetHours}
          onMove={(appointment, target) => {
            setOpen(null);
            const fromDoctor = columns.find((c) => c.data.appointments.some((a) => a.id === appointment.id))?.doctorId;
            // Another doctor is a different visit for the patient: asked first, never done by a slip of the mouse.
            if (fromDoctor !== undefined && fromDoctor !== target.doctorId) {
              setDoctorChange({ appointment, target, from: doctorNameOf(fromDoctor), to: doctorNameOf(target.doctorId) });
              return;
            }
            void store.move(appointment, target);
          }}
          onOpen={(appointment, column, anchor) =>
            setOpen({
              id: appointment.id,
              doctorName: view === 'week' ? (week?.doctorName ?? '') : column.title,
              date: column.date,
              anchor,
            })
          }
          emptyState={noDoctors ? <NoDoctorsYet /> : undefined}
        />
      )}
      </StaleStage>
      {view !== 'month' ? <CalendarLegend /> : null}
      {openAppointment ? (
        <AppointmentPopover
          appointment={openAppointment.appointment}
          doctorName={openAppointment.meta.doctorName}
          date={openAppointment.meta.date}
          today={today}
          anchor={openAppointment.meta.anchor}
          busy={pending.includes(openAppointment.appointment.id)}
          arrivedLabel={
            openAppointment.appointment.checkedInAt
              ? formatInstantTime(openAppointment.appointment.checkedInAt, zone)
              : null
          }
          onClose={closePopover}
          onConfirm={() => store.setStatus(openAppointment.appointment.id, 'Confirmed')}
          onArrived={() => store.recordArrival(openAppointment.appointment.id)}
          onNoShow={() => store.setStatus(openAppointment.appointment.id, 'No-Show')}
          onCancel={async (reason) => {
            const { appointment, meta } = openAppointment;
            const result = await store.cancel(appointment.id, reason);
            if (result.ok) {
              const doctorId =
                columns.find((c) => c.data.appointments.some((a) => a.id === appointment.id))?.doctorId ?? 0;
              setFollowUp({
                appointmentId: appointment.id,
                doctorId,
                doctorName: meta.doctorName,
                date: meta.date,
                time: appointment.time,
                durationMinutes: appointment.durationMinutes,
              });
            }
            return result;
          }}
        />
      ) : null}
      {booking && selection ? (
        <BookingHook
          selection={selection}
          onClose={() => setBooking(false)}
          onBooked={() => {
            setBooking(false);
            store.select(null);
            store.notify('success', 'Appointment booked.');
            store.refreshAfterOwnChange();
          }}
        />
      ) : null}
      {doctorChange ? (
        <Dialog
          title={`Move ${doctorChange.appointment.patientFirstName} ${doctorChange.appointment.patientLastName} to ${doctorChange.to}?`}
          onClose={() => setDoctorChange(null)}
        >
          <p className="dialog__text">
            From {doctorChange.from} at {formatClockTime(doctorChange.appointment.time)} to {doctorChange.to} at {formatClockTime(doctorChange.target.time)}
            {doctorChange.target.date !== date ? ` on ${formatDayShort(doctorChange.target.date)}` : ''}. The patient will see another doctor.
          </p>
          <div className="dialog__actions">
            <button type="button" className="button button--ghost" onClick={() => setDoctorChange(null)}>
              Keep with {doctorChange.from}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                const { appointment, target } = doctorChange;
                setDoctorChange(null);
                void store.move(appointment, target);
              }}
            >
              Move to {doctorChange.to}
            </button>
          </div>
        </Dialog>
      ) : null}
      {followUp ? (
        <CancellationFollowUp
          key={followUp.appointmentId}
          slot={followUp}
          onClose={() => setFollowUp(null)}
          onBooked={() => store.refreshAfterOwnChange()}
        />
      ) : null}
    </section>
  );
}
