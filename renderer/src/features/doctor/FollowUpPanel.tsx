import { formatClockTime, formatDayLong, formatDayShort } from '../../stores/display-format';
import { useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { FollowUpSlots, PrescriptionView } from '../../../../shared/ipc/doctor/types';
import type { AppointmentView } from '../../../../shared/ipc/scheduling-types';
import { Banner } from '../../components/Banner';
import { BusyButton } from '../../components/BusyButton';
import { useDoctorStore } from '../../stores/doctor-store';
import { ProblemBanner } from '../../components/ProblemBanner';

/** Offers the free times around the follow-up date and books the chosen one in one step. */
export function FollowUpPanel({ rx }: { rx: PrescriptionView }) {
  const { followUpSlots, bookFollowUp } = useDoctorStore();
  const [offer, setOffer] = useState<FollowUpSlots | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [booked, setBooked] = useState<AppointmentView | null>(null);
  // one key per offer: a retried click books once
  const [attempt] = useState(() => `fu-${rx.id}-${Math.random().toString(36).slice(2, 10)}`);

  /** `keepProblem`: a refusal just shown stays on screen while the offer is read again. */
  const find = async (keepProblem = false) => {
    setBusy(true);
    if (!keepProblem) setError(null);
    const result = await followUpSlots(rx.id);
    setBusy(false);
    if (result.ok) setOffer(result.data);
    else setError(result.error);
  };
  const book = async (date: string, time: string) => {
    setBusy(true);
    setError(null);
    const result = await bookFollowUp(rx.id, date, time, `${attempt}-${date}-${time.replace(':', '')}`);
    setBusy(false);
    if (result.ok) setBooked(result.data);
    else {
      setError(result.error);
      void find(true);
    }
  };

  return (
    <section className="card panel follow-up" aria-labelledby="follow-up-title">
      <h3 className="panel__title" id="follow-up-title">
        Follow-up in {rx.followUpDays} day{rx.followUpDays === 1 ? '' : 's'}
      </h3>
      {booked ? (
        <Banner tone="info" title="Follow-up booked">
          <p>
            {formatDayLong(booked.date)} at {formatClockTime(booked.time)} ({booked.durationMinutes} min, {booked.appointmentType}).
          </p>
        </Banner>
      ) : (
        <>
          <ProblemBanner title="Not booked" error={error} />
          {!offer ? (
            <BusyButton className="button button--secondary" busy={busy} onClick={() => void find()}>
              Find follow-up times
            </BusyButton>
          ) : offer.slots.length === 0 ? (
            <p className="panel__empty">No free time of yours within a week of {formatDayLong(offer.targetDate)}.</p>
          ) : (
            <>
              <p className="section-lead">Around {formatDayLong(offer.targetDate)}: choose a time to book it now.</p>
              <ul className="slot-list" aria-label="Follow-up times">
                {offer.slots.map((slot) => (
                  <li key={`${slot.date}-${slot.time}`}>
                    <button type="button" className="slot-button" disabled={busy} onClick={() => void book(slot.date, slot.time)}>
                      <span className="slot-button__day">{formatDayShort(slot.date)}</span>
                      <span className="slot-button__time">{formatClockTime(slot.time)}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
