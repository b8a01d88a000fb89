import { formatClockMinutes } from '../../stores/display-format';
import {
  memo,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import type { CalendarAppointment } from '../../../../shared/ipc/scheduling-types';
import type { SlotSelection } from '../../stores/calendar-store';
import { AppointmentBlock } from './AppointmentBlock';
import { AppointmentHoverCard, useHoveredAppointment } from './AppointmentHoverCard';
import { useFittedNames } from './use-fitted-names';
import { useKeyboardMove } from './use-keyboard-move';
import { useColumnWindow } from './use-column-window';
import { parseTime, formatTime } from '../../../../shared/domain/plain-date';
import {
  DEFAULT_SELECTION_MINUTES,
  hoursOf,
  blockLayout,
  offHours,
  PX_PER_MINUTE,
  slotAt,
  STEP_MINUTES,
  topOf,
  type ColumnData,
  type GridRange,
} from '../../../../shared/domain/calendar/grid-geometry';

/** One column of the grid: a doctor on a date (a doctor per column in the day view, a date per column in the week view). */
export interface GridColumn {
  key: string;
  doctorId: number;
  date: string;
  title: string;
  subtitle: string;
  data: ColumnData;
}

export interface MoveTarget {
  doctorId: number;
  date: string;
  time: string;
}

export interface DayGridProps {
  label: string;
  columns: readonly GridColumn[];
  range: GridRange;
  /** The clinic's date and wall-clock minutes now: the current-time line is drawn in that date's columns. */
  now: { date: string; minutes: number; label: string };
  selection: SlotSelection | null;
  pending: readonly number[];
  onSelect(selection: SlotSelection | null): void;
  onMove(appointment: CalendarAppointment, target: MoveTarget): void;
  onOpen(appointment: CalendarAppointment, column: GridColumn, anchor: DOMRect): void;
  /** Shown over the empty grid, e.g. when there are no doctors yet. */
  emptyState?: ReactNode;
  /** Opens where a doctor's hours are set (admins); without it a column with no hours says whom to ask. */
  onSetHours?: ((doctorId: number) => void) | undefined;
}

type Interaction =
  | { kind: 'select'; col: number; anchor: number; current: number }
  | {
      kind: 'press';
      appointment: CalendarAppointment;
      col: number;
      x: number;
      y: number;
      offset: number;
      element: HTMLElement;
    }
  | {
      kind: 'drag';
      appointment: CalendarAppointment;
      col: number;
      offset: number;
      targetCol: number;
      targetMin: number;
    };

/**
 * The now label ("10:05") and an hour label ("10:00") are both about 16 px tall and centred on
 * their time: closer than this many minutes (17 px at 64 px an hour) they would overlap, and the
 * hour label gives way (the now label says the time more exactly).
 */
const NOW_LABEL_CLEARANCE_MINUTES = 16;

/** A drag starts once the pointer has moved this far: a smaller wobble is a click. */
const DRAG_THRESHOLD_PX = 5;

/**
 * The time grid: a sticky header of columns, a sticky time gutter, and per column the off-hours
 * and unavailable blocks shaded, the appointments, a selection and the current-time line.
 * Selecting a free range (click or drag), dragging an appointment to another time or column, and
 * the keyboard (arrows between slots and columns, Enter to book the slot) all start here.
 */
export function DayGrid({
  label,
  columns,
  range,
  now,
  selection,
  pending,
  onSelect,
  onMove,
  onOpen,
  emptyState,
  onSetHours,
}: DayGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const columnsRef = useRef<HTMLDivElement>(null);
  const [interaction, setInteraction] = useState<Interaction | null>(null);
  const interactionRef = useRef<Interaction | null>(null);
  const [cursor, setCursor] = useState<{ col: number; minutes: number } | null>(null);
  const scrolledOnce = useRef(false);
  const hours = hoursOf(range);
  const dayKey = useMemo(() => `${columns[0]?.date ?? ''}|${columns.map((c) => c.key).join(',')}`, [columns]);
  const withCards = useColumnWindow(scrollRef, columnsRef, columns.length, dayKey);
  const revisions = useMemo(() => columns.map((column, index) => (withCards[index] ? column.data : null)), [columns, withCards]);
  useFittedNames(columnsRef, scrollRef, revisions);
  const keyboardMove = useKeyboardMove(columns, range, isMovable, onMove);
  const hovered = useHoveredAppointment(scrollRef, columns, interaction !== null || keyboardMove.carrying !== null);
  const showsNow = columns.some((c) => c.date === now.date) && now.minutes >= range.start && now.minutes <= range.end;
  const height = (range.end - range.start) * PX_PER_MINUTE;

  const update = (next: Interaction | null) => {
    interactionRef.current = next;
    setInteraction(next);
  };

  // First paint: scroll to the working morning (or to now), once; later data keeps the position.
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || scrolledOnce.current || columns.length === 0) return;
    scrolledOnce.current = true;
    const showsToday = columns.some((c) => c.date === now.date);
    const target = showsToday ? Math.max(range.start, now.minutes - 90) : Math.max(range.start, 8 * 60 - 30);
    scroller.scrollTop = topOf(target, range);
  }, [columns, now, range]);

  /** The column and minute under a pointer position. */
  function pointAt(clientX: number, clientY: number): { col: number; minutes: number } | null {
    const area = columnsRef.current;
    if (!area || columns.length === 0) return null;
    const rect = area.getBoundingClientRect();
    const col = Math.floor(((clientX - rect.left) / rect.width) * columns.length);
    if (col < 0 || col >= columns.length) return null;
    return { col, minutes: slotAt(clientY - rect.top, range) };
  }

  function onPointerDown(event: ReactPointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    const point = pointAt(event.clientX, event.clientY);
    if (!point) return;
    const block = (event.target as HTMLElement).closest<HTMLElement>('[data-appointment-id]');
    if (block) {
      const id = Number(block.dataset.appointmentId);
      const column = columns[point.col];
      const appointment = column?.data.appointments.find((a) => a.id === id);
      if (!appointment) return;
      const rect = columnsRef.current!.getBoundingClientRect();
      const pointerMinutes = range.start + (event.clientY - rect.top) / PX_PER_MINUTE;
      update({
        kind: 'press',
        appointment,
        col: point.col,
        x: event.clientX,
        y: event.clientY,
        offset: pointerMinutes - parseTime(appointment.time),
        element: block,
      });
      return;
    }
    if ((event.target as HTMLElement).closest('.cal-block--whole-day')) return;
    event.preventDefault();
    scrollRef.current?.focus({ preventScroll: true });
    setCursor(point);
    update({ kind: 'select', col: point.col, anchor: point.minutes, current: point.minutes });
  }

  // Moves and releases are followed on the window, so a drag may leave the grid and come back.
  useEffect(() => {
    if (!interaction) return;
    function onMovePointer(event: PointerEvent) {
      const current = interactionRef.current;
      if (!current) return;
      if (current.kind === 'select') {
        const point = pointAt(event.clientX, event.clientY);
        if (point) update({ ...current, current: point.minutes });
        return;
      }
      if (current.kind === 'press') {
        if (Math.hypot(event.clientX - current.x, event.clientY - current.y) < DRAG_THRESHOLD_PX) return;
        if (pending.includes(current.appointment.id) || !isMovable(current.appointment)) return;
        update({
          kind: 'drag',
          appointment: current.appointment,
          col: current.col,
          offset: current.offset,
          targetCol: current.col,
          targetMin: parseTime(current.appointment.time),
        });
        return;
      }
      const rect = columnsRef.current?.getBoundingClientRect();
      if (!rect) return;
      const col = Math.max(
        0,
        Math.min(columns.length - 1, Math.floor(((event.clientX - rect.left) / rect.width) * columns.length)),
      );
      const raw = range.start + (event.clientY - rect.top) / PX_PER_MINUTE - current.offset;
      const snapped = Math.round(raw / STEP_MINUTES) * STEP_MINUTES;
      const targetMin = Math.max(range.start, Math.min(range.end - current.appointment.durationMinutes, snapped));
      if (col !== current.targetCol || targetMin !== current.targetMin)
        update({ ...current, targetCol: col, targetMin });
    }
    function onUp() {
      const current = interactionRef.current;
      update(null);
      if (!current) return;
      if (current.kind === 'select') {
        const column = columns[current.col];
        if (!column) return;
        const from = Math.min(current.anchor, current.current);
        const to = Math.max(current.anchor, current.current) + STEP_MINUTES;
        // A click (no drag) picks the default length from the slot clicked.
        const end = from === to - STEP_MINUTES ? Math.min(range.end, from + DEFAULT_SELECTION_MINUTES) : to;
        onSelect({ doctorId: column.doctorId, date: column.date, start: formatTime(from), end: formatTime(end) });
        return;
      }
      if (current.kind === 'press') {
        const column = columns[current.col];
        if (column) onOpen(current.appointment, column, current.element.getBoundingClientRect());
        return;
      }
      const column = columns[current.targetCol];
      if (!column) return;
      const time = formatTime(current.targetMin);
      const unchanged = current.targetCol === current.col && time === current.appointment.time;
      if (!unchanged) onMove(current.appointment, { doctorId: column.doctorId, date: column.date, time });
    }
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.key === 'Escape') update(null);
    }
    window.addEventListener('pointermove', onMovePointer);
    window.addEventListener('pointerup', onUp);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointermove', onMovePointer);
      window.removeEventListener('pointerup', onUp);
      window.removeEventListener('keydown', onKey);
    };
    // The listeners read the latest interaction through the ref; re-subscribing per kind is enough.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [interaction?.kind, columns, range]);

  /** Enter or Space on a focused appointment (a click without a pointer: detail 0) opens it too. */
  function onKeyboardClick(event: ReactMouseEvent<HTMLDivElement>) {
    if (event.detail !== 0) return;
    const block = (event.target as HTMLElement).closest<HTMLElement>('[data-appointment-id]');
    if (!block) return;
    const id = Number(block.dataset.appointmentId);
    const column = columns.find((c) => c.data.appointments.some((a) => a.id === id));
    const appointment = column?.data.appointments.find((a) => a.id === id);
    if (column && appointment) onOpen(appointment, column, block.getBoundingClientRect());
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (keyboardMove.onKeyDown(event)) return;
    if ((event.target as HTMLElement).closest('[data-appointment-id]')) return;
    if (event.altKey || event.ctrlKey || event.metaKey || columns.length === 0) return;
    const at = cursor ?? {
      col: 0,
      minutes: Math.max(range.start, Math.min(range.end - STEP_MINUTES, now.minutes - (now.minutes % STEP_MINUTES))),
    };
    let next = at;
    if (event.key === 'ArrowDown')
      next = { ...at, minutes: Math.min(range.end - STEP_MINUTES, at.minutes + STEP_MINUTES) };
    else if (event.key === 'ArrowUp') next = { ...at, minutes: Math.max(range.start, at.minutes - STEP_MINUTES) };
    else if (event.key === 'ArrowRight') next = { ...at, col: Math.min(columns.length - 1, at.col + 1) };
    else if (event.key === 'ArrowLeft') next = { ...at, col: Math.max(0, at.col - 1) };
    else if (event.key === 'Enter' || event.key === ' ') {
      const column = columns[at.col];
      if (!column) return;
      event.preventDefault();
      const hit = column.data.appointments.find(
        (a) =>
          a.status !== 'Cancelled' &&
          parseTime(a.time) <= at.minutes &&
          at.minutes < parseTime(a.time) + a.durationMinutes,
      );
      const element = hit ? scrollRef.current?.querySelector<HTMLElement>(`[data-appointment-id="${hit.id}"]`) : null;
      if (hit && element) onOpen(hit, column, element.getBoundingClientRect());
      else
        onSelect({
          doctorId: column.doctorId,
          date: column.date,
          start: formatTime(at.minutes),
          end: formatTime(Math.min(range.end, at.minutes + DEFAULT_SELECTION_MINUTES)),
        });
      return;
    } else if (event.key === 'Escape') {
      onSelect(null);
      return;
    } else return;
    event.preventDefault();
    setCursor(next);
    scrollCursorIntoView(next);
  }

  function scrollCursorIntoView(at: { col: number; minutes: number }) {
    const scroller = scrollRef.current;
    const area = columnsRef.current;
    if (!scroller || !area) return;
    const colWidth = area.offsetWidth / columns.length;
    const y = topOf(at.minutes, range);
    const headerHeight = 56;
    if (y < scroller.scrollTop) scroller.scrollTop = y - 8;
    else if (y + 16 > scroller.scrollTop + scroller.clientHeight - headerHeight)
      scroller.scrollTop = y + 16 - scroller.clientHeight + headerHeight + 8;
    const x = at.col * colWidth;
    const gutter = 64;
    if (x < scroller.scrollLeft) scroller.scrollLeft = x;
    else if (x + colWidth > scroller.scrollLeft + scroller.clientWidth - gutter)
      scroller.scrollLeft = x + colWidth - scroller.clientWidth + gutter;
  }

  // The carried visit stays in view as the arrows move it.
  const carried = keyboardMove.carrying;
  useEffect(() => {
    if (carried) scrollCursorIntoView({ col: carried.col, minutes: carried.minutes });
    // Only when the carried position changes; the scroll helper reads the current layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [carried?.col, carried?.minutes]);

  const drag = interaction?.kind === 'drag' ? interaction : null;
  const selecting = interaction?.kind === 'select' ? interaction : null;
  const cursorLabel =
    cursor && columns[cursor.col] ? `${columns[cursor.col]!.title}, ${formatClockMinutes(cursor.minutes)}` : '';

  return (
    <div
      ref={scrollRef}
      className={`cal-scroll${drag ? ' cal-scroll--dragging' : ''}`}
      tabIndex={0}
      role="group"
      aria-label={label}
      aria-describedby="cal-keys-hint"
      onKeyDown={onKeyDown}
      data-testid="calendar-scroll"
    >
      <p id="cal-keys-hint" className="visually-hidden">
        Arrow keys move between time slots and columns, Enter books the slot or opens the appointment, Alt and the arrow
        keys change the day, T goes to today.
      </p>
      <div className="visually-hidden" aria-live="polite">
        {keyboardMove.label || cursorLabel}
      </div>
      <div
        className="cal-canvas"
        style={{ '--cols': Math.max(1, columns.length), '--grid-height': `${height}px` } as CSSProperties}
      >
        <div className="cal-header">
          <div className="cal-corner" />
          {columns.map((column) => {
            const live = column.data.appointments.filter((a) => a.status !== 'Cancelled').length;
            return (
              <div key={column.key} className="cal-colhead" data-testid="column-head">
                <span className="cal-colhead__title">{column.title}</span>
                <span className="cal-colhead__meta">
                  <span className="cal-colhead__subtitle">{column.subtitle}</span>
                  {column.data.working.length === 0 && live === 0 ? (
                    <NoHours column={column} onSetHours={onSetHours} />
                  ) : (
                    <span className="cal-colhead__count" title="Appointments (not cancelled)">
                      {live}
                    </span>
                  )}
                </span>
              </div>
            );
          })}
        </div>
        <div className="cal-body">
          <div className="cal-gutter" aria-hidden="true">
            {hours.map((hour) => (
              <span
                key={hour}
                className={`cal-gutter__hour${showsNow && Math.abs(now.minutes - hour * 60) < NOW_LABEL_CLEARANCE_MINUTES ? ' cal-gutter__hour--under-now' : ''}`}
                style={{ top: topOf(hour * 60, range) }}
              >
                {formatClockMinutes(hour * 60)}
              </span>
            ))}
            {/* The time of the now-line sits in the gutter: over the grid it would cover names. */}
            {showsNow ? (
              <span className="cal-gutter__now" style={{ top: topOf(now.minutes, range) }} data-testid="calendar-now">
                {now.label}
              </span>
            ) : null}
          </div>
          <div ref={columnsRef} className="cal-columns" onPointerDown={onPointerDown} onClick={onKeyboardClick}>
            {columns.map((column, index) => (
              <GridColumnView
                key={column.key}
                column={column}
                cards={withCards[index] ?? true}
                range={range}
                pending={pending}
                dragging={drag?.appointment.id ?? keyboardMove.carrying?.appointment.id ?? null}
                selection={
                  selecting && selecting.col === index
                    ? {
                        start: Math.min(selecting.anchor, selecting.current),
                        end: Math.max(selecting.anchor, selecting.current) + STEP_MINUTES,
                        live: true,
                      }
                    : selection &&
                        !selecting &&
                        selection.doctorId === column.doctorId &&
                        selection.date === column.date
                      ? { start: parseTime(selection.start), end: parseTime(selection.end), live: false }
                      : null
                }
                ghost={
                  drag && drag.targetCol === index
                    ? { start: drag.targetMin, appointment: drag.appointment }
                    : keyboardMove.carrying && keyboardMove.carrying.col === index
                      ? { start: keyboardMove.carrying.minutes, appointment: keyboardMove.carrying.appointment }
                      : null
                }
                cursor={cursor && cursor.col === index ? cursor.minutes : null}
                nowMinutes={column.date === now.date ? now.minutes : null}
              />
            ))}
          </div>
        </div>
        {emptyState ? <div className="cal-overlay">{emptyState}</div> : null}
        {hovered ? <AppointmentHoverCard appointment={hovered.appointment} anchor={hovered.anchor} bounds={hovered.bounds} /> : null}
      </div>
    </div>
  );
}

/** Cancelled, completed and no-show appointments stay where they were. */
export function isMovable(appointment: CalendarAppointment): boolean {
  return appointment.status === 'Scheduled' || appointment.status === 'Confirmed';
}

interface GridColumnViewProps {
  column: GridColumn;
  /** False: the column is out of view and its cards are not created yet (see use-column-window). */
  cards: boolean;
  range: GridRange;
  pending: readonly number[];
  dragging: number | null;
  selection: { start: number; end: number; live: boolean } | null;
  ghost: { start: number; appointment: CalendarAppointment } | null;
  cursor: number | null;
  nowMinutes: number | null;
}

/**
 * Memoized: a date change re-renders the columns whose data changed, and a store update that
 * leaves a column's appointments alone (a fingerprint, a day read ahead, the selection elsewhere)
 * does not re-render it or its cards.
 */
const GridColumnView = memo(function GridColumnView({
  column,
  cards,
  range,
  pending,
  dragging,
  selection,
  ghost,
  cursor,
  nowMinutes,
}: GridColumnViewProps) {
  const places = useMemo(
    () => (cards ? blockLayout(column.data.appointments) : null),
    [cards, column.data.appointments],
  );
  const off = useMemo(() => offHours(column.data.working, range), [column.data.working, range]);
  return (
    <div className="cal-column" data-doctor-id={column.doctorId} data-date={column.date} data-testid="calendar-column">
      {off.map((part) => (
        <div
          key={`off-${part.start}`}
          className="cal-off"
          style={{ top: topOf(part.start, range), height: (part.end - part.start) * PX_PER_MINUTE }}
        />
      ))}
      {column.data.blocks.map((block) => {
        const start = Math.max(range.start, parseTime(block.start));
        const end = Math.min(range.end, parseTime(block.end));
        if (end <= start) return null;
        return (
          <div
            key={`block-${block.start}-${block.end}`}
            className={`cal-block${block.wholeDay ? ' cal-block--whole-day' : ''}`}
            style={{ top: topOf(start, range), height: (end - start) * PX_PER_MINUTE }}
            title={block.reason ?? 'Unavailable'}
          >
            <span className="cal-block__label">
              {block.wholeDay
                ? `Away all day${block.reason ? `: ${block.reason}` : ''}`
                : (block.reason ?? 'Unavailable')}
            </span>
          </div>
        );
      })}
      {nowMinutes !== null && nowMinutes > range.start ? (
        <div
          className="cal-past"
          style={{ height: Math.min(range.end - range.start, nowMinutes - range.start) * PX_PER_MINUTE }}
        />
      ) : null}
      {nowMinutes !== null && nowMinutes >= range.start && nowMinutes <= range.end ? (
        // Inside each column, under the cards (the column paints on its own): never over a name.
        <div className="cal-now" style={{ top: topOf(nowMinutes, range) }} aria-hidden="true" />
      ) : null}
      {selection ? (
        <div
          className={`cal-selection${selection.live ? ' cal-selection--live' : ''}`}
          style={{ top: topOf(selection.start, range), height: (selection.end - selection.start) * PX_PER_MINUTE }}
          data-testid="calendar-selection"
        >
          <span>
            {formatClockMinutes(selection.start)} – {formatClockMinutes(selection.end)}
          </span>
          {!selection.live ? <span className="cal-selection__hint">New appointment</span> : null}
        </div>
      ) : null}
      {places ? (
        // One element per column and date: a new day replaces it whole (one removal, and the new
        // cards are put together before they enter the page) instead of a card at a time.
        <div key={column.date} className="cal-cards">
          {column.data.appointments.map((appointment) => {
            const place = places.get(appointment.id) ?? { lane: 0, lanes: 1, tab: false, besideTab: false };
            return (
              <AppointmentBlock
                key={appointment.id}
                appointment={appointment}
                top={topOf(parseTime(appointment.time), range)}
                height={appointment.durationMinutes * PX_PER_MINUTE}
                place={place}
                busy={pending.includes(appointment.id)}
                dragging={dragging === appointment.id}
              />
            );
          })}
        </div>
      ) : null}
      {ghost ? (
        <div
          className="cal-ghost"
          style={{ top: topOf(ghost.start, range), height: ghost.appointment.durationMinutes * PX_PER_MINUTE }}
          data-testid="calendar-drag-ghost"
        >
          <span className="cal-ghost__time">
            {formatClockMinutes(ghost.start)} – {formatClockMinutes(ghost.start + ghost.appointment.durationMinutes)}
          </span>
          <span className="cal-ghost__name">
            {ghost.appointment.patientFirstName} {ghost.appointment.patientLastName}
          </span>
        </div>
      ) : null}
      {cursor !== null ? (
        <div className="cal-cursor" style={{ top: topOf(cursor, range), height: STEP_MINUTES * PX_PER_MINUTE }} />
      ) : null}
    </div>
  );
}, sameColumnProps);

/** Selection and ghost are rebuilt on every grid render: compared by what they say, not by identity. */
function sameColumnProps(a: GridColumnViewProps, b: GridColumnViewProps): boolean {
  return (
    a.column === b.column &&
    a.cards === b.cards &&
    a.range === b.range &&
    a.pending === b.pending &&
    a.dragging === b.dragging &&
    a.cursor === b.cursor &&
    a.nowMinutes === b.nowMinutes &&
    a.selection?.start === b.selection?.start &&
    a.selection?.end === b.selection?.end &&
    a.selection?.live === b.selection?.live &&
    a.ghost?.start === b.ghost?.start &&
    a.ghost?.appointment === b.ghost?.appointment
  );
}

/**
 * A column with no working hours is no dead end: an admin gets the way to set them, everybody
 * else is told who can.
 */
function NoHours({ column, onSetHours }: { column: GridColumn; onSetHours: ((doctorId: number) => void) | undefined }) {
  if (onSetHours)
    return (
      <button
        type="button"
        className="cal-colhead__no-hours cal-colhead__no-hours--action"
        onClick={() => onSetHours(column.doctorId)}
        title="No working hours on this day"
        aria-label={`Set hours: ${column.title}`}
      >
        Set hours
      </button>
    );
  return (
    <span
      className="cal-colhead__no-hours"
      title="No working hours on this day. A clinic admin sets them under Doctors."
    >
      No hours: ask an admin
    </span>
  );
}
