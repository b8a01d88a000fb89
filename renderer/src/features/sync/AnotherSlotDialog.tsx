import { formatClockTime, formatDayShort } from '../../stores/display-format';
import { useEffect, useState } from 'react';
import { addDays, parseTime } from '../../../../shared/domain/plain-date';
import type { AppError } from '../../../../shared/ipc/result';
import type { SlotView } from '../../../../shared/ipc/scheduling-types';
import type { ConflictBooking, SyncConflict } from '../../../../shared/ipc/sync/types';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { ProblemBanner } from '../../components/ProblemBanner';
import { Spinner } from '../../components/Spinner';
import { useSyncConflictsStore } from '../../stores/sync-conflicts-store';
import { todayIn } from '../calendar/calendar-day';

const DAYS = 7;

/** The free times of the intended day nearest the intended time: what the patient most likely still wants. */
function nearest(slots: SlotView[], booking: ConflictBooking, count = 3): SlotView[] {
  const wanted = parseTime(booking.time);
  return slots
    .filter((slot) => slot.date === booking.date)
    .sort((a, b) => Math.abs(parseTime(a.time) - wanted) - Math.abs(parseTime(b.time) - wanted))
    .slice(0, count)
    .sort((a, b) => parseTime(a.time) - parseTime(b.time));
}

interface SlotGroup {
  key: string;
  heading: string;
  label: string;
  slots: SlotView[];
}

/** The closest times first (when the intended day has any), then every free time by day. */
function slotGroups(slots: SlotView[], booking: ConflictBooking): SlotGroup[] {
  const days = new Map<string, SlotView[]>();
  for (const slot of slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot]);
  const closest = nearest(slots, booking);
  const heading = `Closest to ${formatClockTime(booking.time)}`;
  return [
    ...(closest.length > 0 ? [{ key: 'closest', heading, label: heading, slots: closest }] : []),
    ...[...days.entries()].map(([date, ofDay]) => ({ key: date, heading: formatDayShort(date), label: `Free times on ${formatDayShort(date)}`, slots: ofDay })),
  ];
}

/**
 * The free times of the booking's doctor from the day it was meant for (or today, if that has
 * passed), a week at a time; a click books the appointment there and settles the conflict.
 */
export function AnotherSlotDialog({
  conflict,
  booking,
  zone,
  onClose,
  onResolved,
}: {
  conflict: SyncConflict;
  booking: ConflictBooking;
  zone: string;
  onClose(): void;
  onResolved(summary: string): void;
}) {
  const freeSlots = useSyncConflictsStore((state) => state.freeSlots);
  const resolve = useSyncConflictsStore((state) => state.resolve);
  const today = todayIn(zone);
  const [fromDate, setFromDate] = useState(() => (booking.date < today ? today : booking.date));
  // Kept with the week they answer, so a newer week shows as loading until its answer comes.
  const [loaded, setLoaded] = useState<{ fromDate: string; slots: SlotView[]; error: AppError | null } | null>(null);
  const slots = loaded?.fromDate === fromDate ? loaded.slots : null;
  const loadError = loaded?.fromDate === fromDate ? loaded.error : null;
  const [bookError, setBookError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void freeSlots({
      doctorId: booking.doctorId,
      fromDate,
      days: DAYS,
      ...(booking.durationMinutes !== null ? { durationMinutes: booking.durationMinutes } : {}),
    }).then((result) => {
      if (current) setLoaded({ fromDate, slots: result.ok ? result.data : [], error: result.ok ? null : result.error });
    });
    return () => {
      current = false;
    };
  }, [freeSlots, booking.doctorId, booking.durationMinutes, fromDate]);

  async function choose(slot: SlotView) {
    setBusy(true);
    setBookError(null);
    const result = await resolve({ conflictId: conflict.id, resolution: 'another-slot', doctorId: slot.doctorId, date: slot.date, time: slot.time });
    setBusy(false);
    if (result.ok) onResolved(result.data.summary);
    else setBookError(result.error);
  }

  return (
    <Dialog title="Choose another slot" onClose={busy ? () => undefined : onClose}>
      <p className="dialog__text">
        {conflict.what}. Meant for {formatDayShort(booking.date)} at {formatClockTime(booking.time)}: {conflict.reason}
      </p>
      <ProblemBanner title="Not booked" error={bookError} />
      <ProblemBanner title="The free times could not be loaded" error={loadError} />
      <div className="conflict-slots" data-testid="conflict-slots" aria-busy={slots === null || busy}>
        {slots === null ? (
          <p className="conflict-slots__empty">
            <Spinner /> Finding free times…
          </p>
        ) : slots.length === 0 && !loadError ? (
          <Banner tone="info" title={`No free time from ${formatDayShort(fromDate)} to ${formatDayShort(addDays(fromDate, DAYS - 1))}`} />
        ) : (
          slotGroups(slots, booking).map((group) => (
            <div key={group.key} className="conflict-slots__day">
              <p className="conflict-slots__date">{group.heading}</p>
              <div className="slot-chips" role="group" aria-label={group.label}>
                {group.slots.map((slot) => (
                  <button key={slot.time} type="button" className="slot-chip" disabled={busy} onClick={() => void choose(slot)}>
                    {formatClockTime(slot.time)}
                  </button>
                ))}
              </div>
            </div>
          ))
        )}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" disabled={busy || slots === null} onClick={() => setFromDate(addDays(fromDate, DAYS))}>
          Later days
        </button>
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
