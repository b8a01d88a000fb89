import { formatClockRange, formatClockTime, formatDayShort, formatInstantDayNoYear } from '../../stores/display-format';
import { usePhoneFormat } from '../../hooks/use-clinic-phones';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { WaitingListBooking, WaitingListOffer as Offer } from '../../../../shared/ipc/reception/types';
import { Spinner } from '../../components/Spinner';
import { newIdempotencyKey, useReceptionStore, type OpenedSlot } from '../../stores/reception-store';
import { PRIORITY_LABEL } from '../booking/reception-format';
import { describeWish } from '../walk-in/wish';
import { ProblemBanner } from '../../components/ProblemBanner';
import { EmptyState } from '../../components/EmptyState';

export interface WaitingListOfferProps {
  /** The slot that has just opened (a cancellation, new hours). */
  slot: OpenedSlot;
  onBooked?: (booking: WaitingListBooking) => void;
  onDismiss?: () => void;
}

const waitedSince = (iso: string) => formatInstantDayNoYear(iso);

/**
 * Offers an opened slot to the waiting list: the patients it fits, best placed first (priority,
 * then who has waited longest), each bookable in one step through the scheduling rules.
 */
export function WaitingListOffer({ slot, onBooked, onDismiss }: WaitingListOfferProps) {
  const { offersFor, bookFromWaitingList } = useReceptionStore();
  const showPhone = usePhoneFormat();
  // the answer for the slot it was asked about: a newer slot shows "looking" until its own answer
  const [loaded, setLoaded] = useState<{ slot: OpenedSlot; offers: Offer[] } | null>(null);
  const offers = loaded?.slot === slot ? loaded.offers : null;
  const [problem, setProblem] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [bookedFor, setBooked] = useState<{ slot: OpenedSlot; booking: WaitingListBooking } | null>(null);
  const booked = bookedFor?.slot === slot ? bookedFor.booking : null;
  const keys = useRef(new Map<number, string>());

  useEffect(() => {
    let current = true;
    void offersFor(slot).then((result) => {
      if (!current) return;
      if (result.ok) setLoaded({ slot, offers: result.data });
      else setProblem(result.error);
    });
    return () => {
      current = false;
    };
  }, [slot, offersFor]);

  async function book(offer: Offer) {
    const idempotencyKey = keys.current.get(offer.entry.id) ?? newIdempotencyKey();
    keys.current.set(offer.entry.id, idempotencyKey);
    setBusy(offer.entry.id);
    setProblem(null);
    const result = await bookFromWaitingList({
      entryId: offer.entry.id,
      doctorId: offer.slot.doctorId,
      date: offer.slot.date,
      time: offer.slot.time,
      idempotencyKey,
    });
    setBusy(null);
    if (result.ok) {
      setBooked({ slot, booking: result.data });
      onBooked?.(result.data);
    } else setProblem(result.error);
  }

  const title = `${formatDayShort(slot.date)} ${formatClockTime(slot.time)} · ${slot.durationMinutes} min`;
  return (
    <section className="card offer-panel" aria-label="Waiting list offer">
      <header className="offer-panel__header">
        <div>
          <p className="offer-panel__eyebrow">Slot opened</p>
          <h3 className="card__title">
            {offers?.[0]?.slot.doctorName ? `${title} with ${offers[0].slot.doctorName}` : title}
          </h3>
        </div>
        {onDismiss ? (
          <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
            Close
          </button>
        ) : null}
      </header>
      <ProblemBanner title="Not booked" error={problem} />
      {booked ? (
        <p className="offer-panel__done" role="status">
          {booked.entry.patientName} is booked: {formatDayShort(booked.appointment.date)} at {formatClockTime(booked.appointment.time)}.
        </p>
      ) : offers === null && !problem ? (
        <EmptyState loading>Looking at the waiting list…</EmptyState>
      ) : offers && offers.length === 0 ? (
        <EmptyState>Nobody on the waiting list fits this slot.</EmptyState>
      ) : offers ? (
        <>
          <p className="offer-panel__lead">
            {offers.length} {offers.length === 1 ? 'patient fits' : 'patients fit'} this slot, best placed first.
          </p>
          <ol className="offer-list" aria-label="Patients to offer the slot to">
            {offers.map((offer) => (
              <li key={offer.entry.id} className="offer-item">
                <span className="offer-item__rank">{offer.rank}</span>
                <div className="offer-item__main">
                  <span className="offer-item__name">
                    {offer.entry.patientName}
                    <span className={`priority-pill priority-pill--${offer.entry.priority}`}>
                      {PRIORITY_LABEL[offer.entry.priority]}
                    </span>
                  </span>
                  <span className="offer-item__meta">
                    {showPhone(offer.entry.patientPhone)} · {describeWish(offer.entry)} · waiting since{' '}
                    {waitedSince(offer.entry.createdAt)} · wants {formatClockRange(offer.entry.earliestTime, offer.entry.latestTime)}
                  </span>
                </div>
                <button
                  type="button"
                  className="button button--primary button--small"
                  disabled={busy !== null}
                  onClick={() => void book(offer)}
                  aria-label={`Book ${offer.entry.patientName}`}
                >
                  {busy === offer.entry.id ? <Spinner /> : null}
                  Book
                </button>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
