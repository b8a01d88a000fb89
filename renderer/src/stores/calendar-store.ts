import { create } from 'zustand';
import { clinicApi } from '../api/client';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { AppointmentView, CalendarAppointment, CalendarDay } from '../../../shared/ipc/scheduling-types';
import type { CalendarMonth, CalendarWeek } from '../../../shared/ipc/calendar/types';
import type { VisitStep } from '../../../shared/domain/scheduling/visit-steps';
import { onSessionReset, noted } from './app-store';
import { addDays, datesBetween, daysBetween, monthOf, monthDates, weekStartOf } from '../../../shared/domain/plain-date';
import { clinicToday, currentDisplayLocale } from './display-format';
import { cachedDay, rememberDay, type CachedDay } from '../../../shared/domain/calendar/day-cache';
import { neighbourDates, viewFreshness, type Freshness } from '../../../shared/domain/calendar/view-freshness';

export type CalendarView = 'day' | 'week' | 'month';

/** A free range a receptionist picked on the grid: where the booking flow starts. */
export interface SlotSelection {
  doctorId: number;
  date: string;
  /** 'HH:MM' */
  start: string;
  /** 'HH:MM', after start */
  end: string;
}

/** A short message about the last action, shown above the grid (a refused move says why). */
export interface CalendarNotice {
  tone: 'success' | 'error';
  text: string;
  /** Changes with every notice, so the same text twice is still announced. */
  id: number;
  /** Takes the action back for a few seconds: a real reverse change through the same rules. */
  undo?: () => Promise<void>;
}

/** How long a move or a cancellation can be undone from the notice. */
export const UNDO_MS = 8_000;

/** Performance API names: the time from a date change to the painted calendar. */
export const PERF = {
  dateChange: 'calendar:date-change',
  fetched: 'calendar:fetched',
  painted: 'calendar:painted',
  measure: 'calendar:date-to-paint',
  /** After the frame that shows the new day has been laid out and painted (the frame's work included). */
  presented: 'calendar:presented',
  presentedMeasure: 'calendar:date-to-presented',
} as const;

/** How often an open calendar asks whether another workstation changed something. */
export const POLL_INTERVAL_MS = 2_500;

export interface CalendarState {
  view: CalendarView;
  date: string;
  specialization: string | null;
  /** The doctor of the week view. */
  weekDoctorId: number | null;
  day: CalendarDay | null;
  week: CalendarWeek | null;
  month: CalendarMonth | null;
  /** The specialization the month counts were loaded for. */
  monthSpecialization: string | null;
  /** Days read ahead (the neighbours of the shown day) for an instant next/previous day. */
  dayCache: CachedDay<CalendarDay>[];
  /** Today's appointments of every doctor: the flow board. */
  board: CalendarDay | null;
  loading: boolean;
  error: AppError | null;
  selection: SlotSelection | null;
  notice: CalendarNotice | null;
  /** The appointment whose cancellation was last undone: its freed slot is no longer free. */
  undoneCancellationId: number | null;
  /** Appointment ids with a change on the way to main (shown as busy, not draggable). */
  pending: number[];
  /** Per date, the change feed's last fingerprint (what the shown data reflects). */
  fingerprints: Record<string, string | undefined>;
  /** When the last change from elsewhere was merged in (for the "updated" hint). */
  lastLiveUpdate: number | null;
  /** When this workstation last changed an appointment (its own change is not "from elsewhere"). */
  ownChangeAt: number;

  setView(view: CalendarView): void;
  setDate(date: string): void;
  setSpecialization(specialization: string | null): void;
  setWeekDoctor(doctorId: number): void;
  select(selection: SlotSelection | null): void;
  dismissNotice(): void;
  notify(tone: CalendarNotice['tone'], text: string, undo?: CalendarNotice['undo']): void;
  /** Loads what the current view shows. */
  load(options?: { quiet?: boolean; cached?: CachedDay<CalendarDay> }): Promise<void>;
  loadBoard(today: string, options?: { quiet?: boolean }): Promise<void>;
  /** After a booking made here by another screen (the booking dialog): reload what is shown. */
  refreshAfterOwnChange(): void;
  move(
    appointment: CalendarAppointment,
    target: { doctorId: number; date: string; time: string },
    options?: { undoing?: boolean },
  ): Promise<Result<AppointmentView>>;
  cancel(appointmentId: number, reason: string | null): Promise<Result<AppointmentView>>;
  setStatus(appointmentId: number, status: 'Confirmed' | 'Completed' | 'No-Show'): Promise<Result<AppointmentView>>;
  recordArrival(appointmentId: number): Promise<Result<AppointmentView>>;
  /** In the room, with the doctor, checked out: the visit after the arrival. */
  recordVisitStep(appointmentId: number, step: VisitStep): Promise<Result<AppointmentView>>;
  /** Asks the change feed about the shown dates (and today's board) and reloads what changed. */
  poll(boardToday: string | null): Promise<void>;
}

const EMPTY = {
  day: null,
  week: null,
  month: null,
  monthSpecialization: null,
  dayCache: [],
  board: null,
  loading: false,
  error: null,
  selection: null,
  notice: null,
  undoneCancellationId: null,
  pending: [],
  fingerprints: {},
  lastLiveUpdate: null,
  ownChangeAt: 0,
} satisfies Partial<CalendarState>;

let noticeCounter = 0;

/** The dates the current view shows: what the change feed is asked about. */
export function shownDates(state: Pick<CalendarState, 'view' | 'date'>): { from: string; to: string } {
  if (state.view === 'day') return { from: state.date, to: state.date };
  if (state.view === 'week') {
    const first = weekStartOf(state.date, currentDisplayLocale().weekStart);
    return { from: first, to: addDays(first, 6) };
  }
  const dates = monthDates(monthOf(state.date));
  return { from: dates[0] as string, to: dates.at(-1) as string };
}

/** Whether what the calendar holds is for what its header says (see view-freshness). */
export function calendarFreshness(
  state: Pick<CalendarState, 'view' | 'date' | 'weekDoctorId' | 'specialization' | 'day' | 'week' | 'month' | 'monthSpecialization'>,
): Freshness {
  return viewFreshness(
    { view: state.view, date: state.date, weekDoctorId: state.weekDoctorId, specialization: state.specialization },
    {
      dayDate: state.day?.date ?? null,
      week: state.week ? { weekStart: state.week.weekStart, doctorId: state.week.doctorId } : null,
      month: state.month ? { month: state.month.month, specialization: state.monthSpecialization } : null,
    },
  );
}

/** Replaces one appointment wherever a loaded view shows it (after a status change). */
function patchAppointment(
  day: CalendarDay | null,
  id: number,
  patch: Partial<CalendarAppointment>,
): CalendarDay | null {
  if (!day) return day;
  return {
    ...day,
    doctors: day.doctors.map((doctor) =>
      doctor.appointments.some((a) => a.id === id)
        ? { ...doctor, appointments: doctor.appointments.map((a) => (a.id === id ? { ...a, ...patch } : a)) }
        : doctor,
    ),
  };
}

function patchWeek(week: CalendarWeek | null, id: number, patch: Partial<CalendarAppointment>): CalendarWeek | null {
  if (!week) return week;
  return {
    ...week,
    days: week.days.map((d) => ({
      ...d,
      appointments: d.appointments.map((a) => (a.id === id ? { ...a, ...patch } : a)),
    })),
  };
}

/** Moves an appointment between doctor columns of a day (an optimistic move, or its undo). */
function moveInDay(
  day: CalendarDay | null,
  appointment: CalendarAppointment,
  doctorId: number,
  date: string,
  time: string,
): CalendarDay | null {
  if (!day) return day;
  const moved = { ...appointment, time };
  return {
    ...day,
    doctors: day.doctors.map((doctor) => {
      const without = doctor.appointments.filter((a) => a.id !== appointment.id);
      const list =
        doctor.doctorId === doctorId && day.date === date
          ? [...without, moved].sort((a, b) => a.time.localeCompare(b.time))
          : without;
      return list.length === doctor.appointments.length && list.every((a, i) => a === doctor.appointments[i])
        ? doctor
        : { ...doctor, appointments: list };
    }),
  };
}

function moveInWeek(
  week: CalendarWeek | null,
  appointment: CalendarAppointment,
  doctorId: number,
  date: string,
  time: string,
): CalendarWeek | null {
  if (!week) return week;
  const moved = { ...appointment, time };
  return {
    ...week,
    days: week.days.map((d) => {
      const without = d.appointments.filter((a) => a.id !== appointment.id);
      const list =
        d.date === date && week.doctorId === doctorId
          ? [...without, moved].sort((a, b) => a.time.localeCompare(b.time))
          : without;
      return { ...d, appointments: list };
    }),
  };
}

function findAppointment(
  state: CalendarState,
  id: number,
): { appointment: CalendarAppointment; doctorId: number; date: string } | null {
  for (const day of [state.day, state.board]) {
    for (const doctor of day?.doctors ?? []) {
      const appointment = doctor.appointments.find((a) => a.id === id);
      if (appointment && day) return { appointment, doctorId: doctor.doctorId, date: day.date };
    }
  }
  for (const d of state.week?.days ?? []) {
    const appointment = d.appointments.find((a) => a.id === id);
    if (appointment && state.week) return { appointment, doctorId: state.week.doctorId, date: d.date };
  }
  return null;
}

/** The calendar views, the flow board and their live updates. The only caller of the api for them. */
export const useCalendarStore = create<CalendarState>()((set, get) => {
  /** Applies a changed appointment to every loaded view (status, arrival). */
  function applyView(view: AppointmentView): void {
    const patch: Partial<CalendarAppointment> = {
      status: view.status,
      checkedInAt: view.checkedInAt,
      inRoomAt: view.inRoomAt,
      withDoctorAt: view.withDoctorAt,
      checkedOutAt: view.checkedOutAt,
      walkIn: view.walkIn,
      time: view.time,
      durationMinutes: view.durationMinutes,
    };
    set((state) => ({
      day: patchAppointment(state.day, view.id, patch),
      board: patchAppointment(state.board, view.id, patch),
      week: patchWeek(state.week, view.id, patch),
    }));
  }

  async function withPending<T>(id: number, work: () => Promise<Result<T>>): Promise<Result<T>> {
    set((state) => ({ pending: [...state.pending, id] }));
    try {
      return await work();
    } finally {
      set((state) => ({ pending: state.pending.filter((p) => p !== id) }));
    }
  }

  /** Reloads the data behind the dates whose fingerprint changed; nothing else is touched. */
  async function refreshAfterChange(): Promise<void> {
    await get().load({ quiet: true });
  }

  /**
   * After a change made here: reload what is shown, with its fingerprints, so the next poll does
   * not take this workstation's own change for one from elsewhere.
   */
  function resyncAfterOwnChange(): void {
    // Days read ahead may hold the appointment as it was: they are read again when next needed.
    set({ ownChangeAt: Date.now(), dayCache: [] });
    const { day, week, month, board } = get();
    if (day || week || month) void get().load({ quiet: true });
    if (board) void get().loadBoard(board.date, { quiet: true });
  }

  /** Reads the neighbouring days into the cache (unless a young copy with the same fingerprint is there). */
  async function readAhead(shown: string, fingerprints: Record<string, string>): Promise<void> {
    for (const date of neighbourDates(shown)) {
      const fingerprint = fingerprints[date] ?? '';
      const held = cachedDay(get().dayCache, date, Date.now());
      if (held && held.fingerprint === fingerprint) continue;
      const result = await clinicApi()['calendar.day']({ date });
      // Only while the same day is shown: a receptionist paging fast does not pile up reads.
      if (!result.ok || get().date !== shown) return;
      set((state) => ({
        dayCache: rememberDay(state.dayCache, { date, day: result.data, fingerprint, fetchedAt: Date.now() }),
      }));
    }
  }

  return {
    view: 'day',
    date: clinicToday(),
    specialization: null,
    weekDoctorId: null,
    ...EMPTY,

    setView: (view) => {
      if (view === get().view) return;
      set({ view, selection: null });
      void get().load();
    },

    setDate: (date) => {
      if (date === get().date && (get().day || get().week || get().month)) return;
      performance.clearMarks(PERF.painted);
      performance.mark(PERF.dateChange);
      const ahead = get().view === 'day' ? cachedDay(get().dayCache, date, Date.now()) : null;
      // A day read ahead paints at once; the load then checks its fingerprint and reads it again if it moved.
      set(ahead ? { date, selection: null, day: ahead.day } : { date, selection: null });
      void get().load(ahead ? { quiet: true, cached: ahead } : undefined);
    },

    setSpecialization: (specialization) => {
      set({ specialization, selection: null });
      if (get().view === 'month') void get().load();
    },

    setWeekDoctor: (doctorId) => {
      set({ weekDoctorId: doctorId, selection: null });
      if (get().view === 'week') void get().load();
    },

    select: (selection) => set({ selection }),
    dismissNotice: () => set({ notice: null }),
    notify: (tone, text, undo) => set({ notice: { tone, text, id: ++noticeCounter, ...(undo ? { undo } : {}) } }),

    load: async ({ quiet = false, cached } = {}) => {
      const { view, date } = get();
      const range = shownDates({ view, date });
      if (!quiet) set({ loading: true });
      // The fingerprints first: data read after them is at least as new as what they describe.
      // A day view asks about its neighbours too: they are read ahead below.
      const feedRange = view === 'day' ? { from: addDays(date, -1), to: addDays(date, 1) } : range;
      const feed = noted(await clinicApi()['calendar.changes'](feedRange));
      const fingerprints = feed.ok ? feed.data.fingerprints : {};
      if (view === 'day') {
        const unchanged = cached && feed.ok && cached.fingerprint === (fingerprints[date] ?? '');
        const result = unchanged
          ? { ok: true as const, data: cached.day }
          : noted(await clinicApi()['calendar.day']({ date }));
        performance.mark(PERF.fetched);
        // A later date change wins: an answer for a date no longer shown is dropped.
        if (get().date !== date || get().view !== view) return;
        if (result.ok) {
          const readAt = Date.now();
          set((state) => ({
            day: result.data,
            error: null,
            loading: false,
            fingerprints: { ...state.fingerprints, ...fingerprintsOf(range, fingerprints) },
            dayCache: feed.ok
              ? rememberDay(state.dayCache, { date, day: result.data, fingerprint: fingerprints[date] ?? '', fetchedAt: readAt })
              : state.dayCache,
          }));
          if (feed.ok) void readAhead(date, fingerprints);
          const doctorIds = result.data.doctors.map((d) => d.doctorId);
          const chosen = get().weekDoctorId;
          if ((chosen === null || !doctorIds.includes(chosen)) && doctorIds[0] !== undefined)
            set({ weekDoctorId: doctorIds[0] });
        } else set({ error: result.error, loading: false });
        return;
      }
      if (view === 'week') {
        let doctorId = get().weekDoctorId;
        if (doctorId === null) {
          const today = noted(await clinicApi()['calendar.day']({ date }));
          doctorId = today.ok ? (today.data.doctors[0]?.doctorId ?? null) : null;
          if (today.ok) set({ day: today.data, weekDoctorId: doctorId });
        }
        if (doctorId === null) {
          set({ week: null, loading: false });
          return;
        }
        const result = noted(await clinicApi()['calendar.week']({ doctorId, date }));
        if (get().date !== date || get().view !== view) return;
        if (result.ok)
          set((state) => ({
            week: result.data,
            error: null,
            loading: false,
            fingerprints: { ...state.fingerprints, ...fingerprintsOf(range, fingerprints) },
          }));
        else set({ error: result.error, loading: false });
        return;
      }
      const specialization = get().specialization ?? undefined;
      const result = noted(await clinicApi()['calendar.month']({ month: monthOf(date), specialization }));
      if (get().date !== date || get().view !== view || (get().specialization ?? undefined) !== specialization) return;
      if (result.ok)
        set((state) => ({
          month: result.data,
          error: null,
          loading: false,
          fingerprints: { ...state.fingerprints, ...fingerprintsOf(range, fingerprints) },
        }));
      else set({ error: result.error, loading: false });
    },

    loadBoard: async (today, { quiet = false } = {}) => {
      if (!quiet && !get().board) set({ loading: true });
      const feed = noted(await clinicApi()['calendar.changes']({ from: today, to: today }));
      const result = noted(await clinicApi()['calendar.day']({ date: today }));
      if (result.ok) {
        set((state) => ({
          board: result.data,
          error: null,
          loading: false,
          fingerprints: feed.ok
            ? { ...state.fingerprints, [today]: feed.data.fingerprints[today] ?? '' }
            : state.fingerprints,
        }));
      } else set({ error: result.error, loading: false });
    },

    refreshAfterOwnChange: () => resyncAfterOwnChange(),

    move: async (appointment, target, { undoing = false } = {}) => {
      const before = findAppointment(get(), appointment.id);
      if (!before) return { ok: false, error: { code: 'NOT_FOUND', message: 'This appointment is no longer shown.' } };
      // Optimistic: the block lands where it was dropped; a refusal puts it back.
      set((state) => ({
        day: moveInDay(state.day, appointment, target.doctorId, target.date, target.time),
        week: moveInWeek(state.week, appointment, target.doctorId, target.date, target.time),
      }));
      const result = await withPending(appointment.id, async () =>
        noted(
          await clinicApi()['appointments.reschedule']({
            appointmentId: appointment.id,
            doctorId: target.doctorId,
            date: target.date,
            time: target.time,
          }),
        ),
      );
      if (result.ok) {
        resyncAfterOwnChange();
        applyView(result.data);
        const back = { doctorId: before.doctorId, date: before.date, time: before.appointment.time };
        const moved = { ...appointment, time: target.time };
        get().notify('success', `Moved to ${target.time}${target.date !== before.date ? ` on ${target.date}` : ''}.`, async () => {
          // Back through the same rules: if the old time was taken meanwhile, the refusal says so.
          const undone = await get().move(moved, back, { undoing: true });
          if (undone.ok) get().notify('success', `Move undone: back at ${back.time}.`);
        });
      } else {
        set((state) => ({
          day: moveInDay(state.day, before.appointment, before.doctorId, before.date, before.appointment.time),
          week: moveInWeek(state.week, before.appointment, before.doctorId, before.date, before.appointment.time),
        }));
        get().notify('error', `${undoing ? 'Not moved back' : 'Not moved'}: ${result.error.message}`);
      }
      return result;
    },

    cancel: async (appointmentId, reason) => {
      const result = await withPending(appointmentId, async () =>
        noted(
          await clinicApi()['appointments.cancel']({ appointmentId, reason: reason?.trim() ? reason.trim() : null }),
        ),
      );
      if (result.ok) {
        applyView(result.data);
        resyncAfterOwnChange();
        const cancelled = result.data;
        get().notify('success', 'Appointment cancelled.', async () => {
          // The cancellation stays on record; the visit is booked again at the same time, same rules.
          const again = noted(
            await clinicApi()['appointments.book']({
              patientId: cancelled.patientId,
              doctorId: cancelled.doctorId,
              date: cancelled.date,
              time: cancelled.time,
              durationMinutes: cancelled.durationMinutes,
              appointmentType: cancelled.appointmentType,
              patientNotes: cancelled.patientNotes,
              idempotencyKey: `undo-cancel-${cancelled.id}-${Date.now()}`,
            }),
          );
          resyncAfterOwnChange();
          if (again.ok) {
            set({ undoneCancellationId: cancelled.id });
            get().notify('success', `Cancellation undone: booked again at ${cancelled.time}.`);
          }
          else get().notify('error', `Not booked again: ${again.error.message}`);
        });
      }
      return result;
    },

    setStatus: async (appointmentId, status) => {
      const result = await withPending(appointmentId, async () =>
        noted(await clinicApi()['appointments.setStatus']({ appointmentId, status })),
      );
      if (result.ok) {
        applyView(result.data);
        resyncAfterOwnChange();
      }
      return result;
    },

    recordArrival: async (appointmentId) => {
      const result = await withPending(appointmentId, async () =>
        noted(await clinicApi()['appointments.recordArrival']({ appointmentId })),
      );
      if (result.ok) {
        applyView(result.data);
        resyncAfterOwnChange();
      }
      return result;
    },

    recordVisitStep: async (appointmentId, step) => {
      const result = await withPending(appointmentId, async () =>
        noted(await clinicApi()['appointments.recordVisitStep']({ appointmentId, step })),
      );
      if (result.ok) {
        applyView(result.data);
        resyncAfterOwnChange();
      }
      return result;
    },

    poll: async (boardToday) => {
      const state = get();
      const range = shownDates(state);
      const from = boardToday && boardToday < range.from ? boardToday : range.from;
      const to = boardToday && boardToday > range.to ? boardToday : range.to;
      // One request covers the view and the board, unless they are far apart.
      const ranges =
        daysBetween(from, to) + 1 <= 62
          ? [{ from, to }]
          : [range, ...(boardToday ? [{ from: boardToday, to: boardToday }] : [])];
      const fingerprints: Record<string, string> = {};
      for (const r of ranges) {
        const feed = noted(await clinicApi()['calendar.changes'](r));
        if (!feed.ok) return;
        Object.assign(fingerprints, feed.data.fingerprints);
      }
      const known = get().fingerprints;
      const changed = (date: string) => (fingerprints[date] ?? '') !== (known[date] ?? '');
      const viewChanged = datesIn(range).some(changed);
      const boardChanged = boardToday !== null && get().board !== null && changed(boardToday);
      if (!viewChanged && !boardChanged) return;
      // A change this workstation just made shows up in the feed too: not announced as from elsewhere.
      const fromElsewhere = Date.now() - get().ownChangeAt > 2 * POLL_INTERVAL_MS;
      set((s) => ({
        fingerprints: { ...s.fingerprints, ...fingerprintsOf({ from, to }, fingerprints) },
        lastLiveUpdate: fromElsewhere ? Date.now() : s.lastLiveUpdate,
      }));
      const work: Promise<void>[] = [];
      if (viewChanged && (state.day || state.week || state.month)) work.push(refreshAfterChange());
      if (boardChanged && boardToday) work.push(get().loadBoard(boardToday, { quiet: true }));
      await Promise.all(work);
    },
  };
});

const datesIn = (range: { from: string; to: string }): string[] => datesBetween(range.from, range.to);

/** Every date of the range with its fingerprint ('' for a date without appointments). */
function fingerprintsOf(
  range: { from: string; to: string },
  fingerprints: Record<string, string>,
): Record<string, string> {
  return Object.fromEntries(datesIn(range).map((date) => [date, fingerprints[date] ?? '']));
}

// What one person looked at is not shown to the next.
onSessionReset(() => useCalendarStore.setState(EMPTY));
