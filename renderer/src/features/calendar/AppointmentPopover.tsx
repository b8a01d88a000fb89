import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { usePhoneFormat } from '../../hooks/use-clinic-phones';
import { formatDayShort } from '../../stores/display-format';
import type { CalendarAppointment } from '../../../../shared/ipc/scheduling-types';
import type { AppError, Result } from '../../../../shared/ipc/result';
import { CancelForm } from './CancelForm';
import { STATUS_CLASS, timeRange } from './appointment-format';

export interface AppointmentPopoverProps {
  appointment: CalendarAppointment;
  doctorName: string;
  date: string;
  /** The clinic's date today: arrival can be recorded only on the day. */
  today: string;
  anchor: DOMRect;
  busy: boolean;
  onClose(): void;
  onConfirm(): Promise<Result<unknown>>;
  onArrived(): Promise<Result<unknown>>;
  onNoShow(): Promise<Result<unknown>>;
  onCancel(reason: string): Promise<Result<unknown>>;
  /** An arrival time to show, in the clinic's zone. */
  arrivedLabel: string | null;
}

const WIDTH = 340;

/** Details of one appointment beside its block, with what the front desk does next. */
export function AppointmentPopover(props: AppointmentPopoverProps) {
  const { appointment, doctorName, date, today, anchor, busy, onClose } = props;
  const ref = useRef<HTMLDivElement>(null);
  const showPhone = usePhoneFormat();
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [position, setPosition] = useState<CSSProperties>({ visibility: 'hidden' });

  useLayoutEffect(() => {
    const height = ref.current?.offsetHeight ?? 300;
    const fitsRight = anchor.right + 8 + WIDTH < window.innerWidth - 8;
    const left = fitsRight ? anchor.right + 8 : Math.max(8, anchor.left - WIDTH - 8);
    const top = Math.max(8, Math.min(anchor.top, window.innerHeight - height - 8));
    setPosition({ left, top, width: WIDTH });
  }, [anchor, cancelling, error]);

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('button')?.focus();
    function onKey(event: KeyboardEvent) {
      if (event.key === 'Escape') onClose();
    }
    function onPointer(event: PointerEvent) {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose();
    }
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [onClose]);

  async function act(work: () => Promise<Result<unknown>>) {
    const result = await work();
    setError(result.ok ? null : result.error);
  }

  const live = appointment.status === 'Scheduled' || appointment.status === 'Confirmed';
  const name = `${appointment.patientFirstName} ${appointment.patientLastName}`;
  return (
    <div ref={ref} className="popover" role="dialog" aria-label={`Appointment of ${name}`} style={position}>
      <div className={`popover__status popover__status--${STATUS_CLASS[appointment.status]}`}>
        <span className="status-chip">{appointment.status}</span>
        <span className="popover__type">{appointment.appointmentType}</span>
        <button type="button" className="icon-button popover__close" aria-label="Close" onClick={onClose}>
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" />
          </svg>
        </button>
      </div>
      <h3 className="popover__title">{name}</h3>
      <dl className="popover__facts">
        <dt>When</dt>
        <dd>
          {timeRange(appointment.time, appointment.durationMinutes)} · {formatDayShort(date)}
        </dd>
        <dt>Doctor</dt>
        <dd>{doctorName}</dd>
        <dt>Phone</dt>
        <dd>{showPhone(appointment.patientPhone)}</dd>
        {props.arrivedLabel ? (
          <>
            <dt>Arrived</dt>
            <dd>{props.arrivedLabel}</dd>
          </>
        ) : null}
        {appointment.seriesId !== null ? (
          <>
            <dt>Series</dt>
            <dd>Part of a recurring series</dd>
          </>
        ) : null}
      </dl>
      {error ? (
        <p className="popover__error" role="alert">
          {error.message}
        </p>
      ) : null}
      {cancelling ? (
        <CancelForm
          onKeep={() => setCancelling(false)}
          onCancel={async (reason) => {
            const result = await props.onCancel(reason);
            if (result.ok) onClose();
            return result.ok ? null : result.error;
          }}
        />
      ) : live ? (
        <div className="popover__actions">
          {appointment.status === 'Scheduled' ? (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={busy}
              onClick={() => act(props.onConfirm)}
            >
              Confirm
            </button>
          ) : null}
          {!appointment.checkedInAt && date === today ? (
            <button
              type="button"
              className="button button--primary button--small"
              disabled={busy}
              onClick={() => act(props.onArrived)}
            >
              Record arrival
            </button>
          ) : null}
          {!appointment.checkedInAt && date <= today ? (
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={busy}
              onClick={() => act(props.onNoShow)}
            >
              No-show
            </button>
          ) : null}
          <button
            type="button"
            className="button button--ghost button--small popover__cancel"
            disabled={busy}
            onClick={() => setCancelling(true)}
          >
            Cancel…
          </button>
        </div>
      ) : null}
      {live && !cancelling ? (
        <p className="popover__hint">Drag the appointment to move it to another time or doctor.</p>
      ) : null}
    </div>
  );
}
