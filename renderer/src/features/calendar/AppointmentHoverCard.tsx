import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { CalendarAppointment } from '../../../../shared/ipc/scheduling-types';
import { timeRange } from './appointment-format';
import { hoverCardPlace, type PlacementArea } from '../../../../shared/domain/calendar/hover-place';
import type { GridColumn } from './DayGrid';

interface Hovered {
  appointment: CalendarAppointment;
  anchor: DOMRect;
  /** The grid's visible area when the card was hovered: the details stay inside it. */
  bounds: DOMRect;
}

/**
 * The card under the pointer or with the keyboard focus: its full details float beside it, so a
 * compact card (a short visit, a narrow lane) loses nothing. Nothing shows while dragging or
 * selecting, and it goes on scroll (the anchor moved).
 */
export function useHoveredAppointment(
  scroller: RefObject<HTMLElement | null>,
  columns: readonly GridColumn[],
  busy: boolean,
): Hovered | null {
  const [hovered, setHovered] = useState<{ id: number; anchor: DOMRect; bounds: DOMRect } | null>(null);
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const show = (event: Event) => {
      const card = (event.target as HTMLElement | null)?.closest<HTMLElement>('.appt[data-appointment-id]');
      setHovered(
        card
          ? { id: Number(card.dataset.appointmentId), anchor: card.getBoundingClientRect(), bounds: root.getBoundingClientRect() }
          : null,
      );
    };
    const hide = () => setHovered(null);
    root.addEventListener('pointerover', show);
    root.addEventListener('focusin', show);
    root.addEventListener('pointerleave', hide);
    root.addEventListener('focusout', hide);
    root.addEventListener('scroll', hide, { passive: true });
    return () => {
      root.removeEventListener('pointerover', show);
      root.removeEventListener('focusin', show);
      root.removeEventListener('pointerleave', hide);
      root.removeEventListener('focusout', hide);
      root.removeEventListener('scroll', hide);
    };
  }, [scroller]);
  if (!hovered || busy) return null;
  for (const column of columns) {
    const appointment = column.data.appointments.find((a) => a.id === hovered.id);
    if (appointment) return { appointment, anchor: hovered.anchor, bounds: hovered.bounds };
  }
  return null;
}

/** The grid's area as far as it is inside the window. */
function visibleArea(bounds: DOMRect): PlacementArea {
  return {
    left: Math.max(0, bounds.left),
    top: Math.max(0, bounds.top),
    right: Math.min(window.innerWidth, bounds.right),
    bottom: Math.min(window.innerHeight, bounds.bottom),
  };
}

export function AppointmentHoverCard({ appointment, anchor, bounds }: Hovered) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    setPlace(hoverCardPlace(anchor, { width: box.width, height: box.height }, visibleArea(bounds)));
  }, [anchor, bounds]);
  const arrived = appointment.checkedInAt && appointment.status !== 'Completed';
  return (
    <div
      ref={ref}
      className="appt-hover"
      role="tooltip"
      data-testid="appointment-details"
      style={place ? { left: place.left, top: place.top } : { left: -9999, top: 0 }}
    >
      <strong className="appt-hover__name">
        {appointment.patientFirstName} {appointment.patientLastName}
      </strong>
      <span>{timeRange(appointment.time, appointment.durationMinutes)}</span>
      <span>
        {appointment.appointmentType} · {appointment.status}
        {arrived ? ' · arrived' : ''}
        {appointment.walkIn ? ' · walk-in' : ''}
      </span>
    </div>
  );
}
