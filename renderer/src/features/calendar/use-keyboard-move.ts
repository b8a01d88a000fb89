import { useState, type KeyboardEvent } from 'react';
import { parseTime, formatTime } from '../../../../shared/domain/plain-date';
import { formatClockMinutes } from '../../stores/display-format';
import { stepCarry, type Carry } from '../../../../shared/domain/calendar/keyboard-move';
import type { GridRange } from '../../../../shared/domain/calendar/grid-geometry';
import type { CalendarAppointment } from '../../../../shared/ipc/scheduling-types';
import type { GridColumn, MoveTarget } from './DayGrid';

export interface KeyboardMove {
  /** The carried appointment and where it would land; null when nothing is carried. */
  carrying: (Carry & { appointment: CalendarAppointment }) | null;
  /** Handles the key when it belongs to a keyboard move; true when it did. */
  onKeyDown(event: KeyboardEvent<HTMLElement>): boolean;
  /** What a screen reader hears while carrying. */
  label: string;
}

/**
 * Moving an appointment without a mouse: M on a focused card picks it up, the arrows move it a
 * slot or a column, Enter drops it (the same move as a drag, with the same confirmation for
 * another doctor), Escape puts it back.
 */
export function useKeyboardMove(
  columns: readonly GridColumn[],
  range: GridRange,
  isMovable: (appointment: CalendarAppointment) => boolean,
  onMove: (appointment: CalendarAppointment, target: MoveTarget) => void,
): KeyboardMove {
  const [carrying, setCarrying] = useState<KeyboardMove['carrying']>(null);

  function onKeyDown(event: KeyboardEvent<HTMLElement>): boolean {
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    if (!carrying) {
      if (event.key.toLowerCase() !== 'm') return false;
      const card = (event.target as HTMLElement).closest<HTMLElement>('[data-appointment-id]');
      if (!card) return false;
      const id = Number(card.dataset.appointmentId);
      const col = columns.findIndex((c) => c.data.appointments.some((a) => a.id === id));
      const appointment = columns[col]?.data.appointments.find((a) => a.id === id);
      if (!appointment || !isMovable(appointment)) return false;
      event.preventDefault();
      // The calendar's own M (month view) must not see this key.
      event.stopPropagation();
      setCarrying({ appointment, fromCol: col, col, minutes: parseTime(appointment.time), durationMinutes: appointment.durationMinutes });
      return true;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setCarrying(null);
      return true;
    }
    if (event.key === 'Enter') {
      // Keeps the focused card's own Enter (open the details) from firing.
      event.preventDefault();
      event.stopPropagation();
      const column = columns[carrying.col];
      setCarrying(null);
      const time = formatTime(carrying.minutes);
      if (column && (carrying.col !== carrying.fromCol || time !== carrying.appointment.time))
        onMove(carrying.appointment, { doctorId: column.doctorId, date: column.date, time });
      return true;
    }
    if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(event.key)) {
      event.preventDefault();
      event.stopPropagation();
      setCarrying({ ...carrying, ...stepCarry(carrying, event.key, columns.length, range) });
      return true;
    }
    return false;
  }

  const column = carrying ? columns[carrying.col] : undefined;
  const label =
    carrying && column
      ? `Moving ${carrying.appointment.patientFirstName} ${carrying.appointment.patientLastName}: ${column.title}, ${formatClockMinutes(carrying.minutes)}. Enter drops, Escape puts it back.`
      : '';
  return { carrying, onKeyDown, label };
}
