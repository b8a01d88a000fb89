import { formatClockRange, formatClockTime, formatDayShort, formatInstantDayNoYear } from '../../stores/display-format';
import { usePhoneFormat } from '../../hooks/use-clinic-phones';
import { isIsoDate, readTimeEntry } from '../../../../shared/domain/plain-date';
import { DateField } from '../../components/DateField';
import { TimeInput } from '../../components/TimeInput';
import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { WaitingEntryWithSlots } from '../../../../shared/ipc/reception/types';
import type { SlotView } from '../../../../shared/ipc/scheduling-types';
import { Banner } from '../../components/Banner';
import { newIdempotencyKey, useReceptionStore, type OpenedSlot } from '../../stores/reception-store';
import { clinicNow, useClinicZone } from '../booking/clinic-today';
import { PRIORITY_LABEL } from '../booking/reception-format';
import { describeWish } from '../walk-in/wish';
import { AddToWaitingListForm } from './AddToWaitingListForm';
import { WaitingListOffer } from './WaitingListOffer';
import { ProblemBanner } from '../../components/ProblemBanner';
import { TableHead } from '../../components/TableHead';
import { EmptyState } from '../../components/EmptyState';
import { FormField } from '../../components/FormField';
import { MinuteOptions } from '../../components/MinuteOptions';

const since = (iso: string) => formatInstantDayNoYear(iso);

/** Check a freed slot by hand: the doctor, the day, the time, the length (the calendar does this after a cancellation). */
function FreedSlotForm({ onCheck }: { onCheck(slot: OpenedSlot): void }) {
  const doctors = useReceptionStore((state) => state.doctors) ?? [];
  const zone = useClinicZone();
  const [doctorId, setDoctorId] = useState('');
  const [date, setDate] = useState(clinicNow(zone).date);
  const [time, setTime] = useState('');
  const [length, setLength] = useState('30');
  const typedTime = readTimeEntry(time);
  const ready = doctorId !== '' && isIsoDate(date) && typedTime !== null;
  return (
    <form
      className="card freed-slot"
      aria-label="Offer a freed slot"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) onCheck({ doctorId: Number(doctorId), date, time: typedTime, durationMinutes: Number(length) });
      }}
    >
      <h3 className="card__title">Offer a freed slot</h3>
      <div className="form-row form-row--four">
        <FormField id="freed-doctor" label="Doctor">
          <select
            id="freed-doctor"
            className="field__input field__select"
            value={doctorId}
            onChange={(e) => setDoctorId(e.target.value)}
          >
            <option value="">Choose…</option>
            {doctors.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </FormField>
        <DateField label="Date" id="freed-date" value={date} onChange={setDate} />
        <FormField id="freed-time" label="Time">
          <TimeInput id="freed-time" value={time} onChange={setTime} />
        </FormField>
        <FormField id="freed-length" label="Free for">
          <select
            id="freed-length"
            className="field__input field__select"
            value={length}
            onChange={(e) => setLength(e.target.value)}
          >
            <MinuteOptions choices={[15, 30, 45, 60, 90, 120]} />
          </select>
        </FormField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--secondary" disabled={!ready}>
          Who fits?
        </button>
      </div>
    </form>
  );
}

/** The Waiting list section: who waits for an earlier slot, their current matching free slots, and offers for freed slots. */
export function WaitingListScreen() {
  const zone = useClinicZone();
  const showPhone = usePhoneFormat();
  const { waiting, doctors, loadDoctors, loadWaitingList, removeFromWaitingList, bookFromWaitingList } =
    useReceptionStore();
  const [adding, setAdding] = useState(false);
  const [offer, setOffer] = useState<OpenedSlot | null>(null);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const keys = useRef(new Map<string, string>());

  useEffect(() => {
    void loadDoctors(clinicNow(zone).date);
    void loadWaitingList();
  }, [loadDoctors, loadWaitingList, zone]);

  async function book(entry: WaitingEntryWithSlots, slot: SlotView) {
    const name = `${entry.id}|${slot.doctorId}|${slot.date}|${slot.time}`;
    const idempotencyKey = keys.current.get(name) ?? newIdempotencyKey();
    keys.current.set(name, idempotencyKey);
    setProblem(null);
    const result = await bookFromWaitingList({
      entryId: entry.id,
      doctorId: slot.doctorId,
      date: slot.date,
      time: slot.time,
      idempotencyKey,
    });
    if (result.ok)
      setNotice(`${entry.patientName} is booked: ${formatDayShort(slot.date)} at ${formatClockTime(slot.time)} with ${slot.doctorName}.`);
    else setProblem(result.error);
  }

  async function remove(entry: WaitingEntryWithSlots) {
    const result = await removeFromWaitingList(entry.id);
    if (!result.ok) setProblem(result.error);
  }

  return (
    <div className="admin-page waiting-page">
      <header className="admin-page__header">
        <div>
          <h2 className="admin-page__title">Waiting list</h2>
          <p className="admin-page__lead">
            Patients who want an earlier slot, best placed first, with the free slots that fit them now.
          </p>
        </div>
        {!adding ? (
          <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
            Add to waiting list
          </button>
        ) : null}
      </header>
      <ProblemBanner title="Not done" error={problem} />
      {notice ? <Banner tone="info" title={notice} /> : null}
      {adding ? (
        <AddToWaitingListForm
          doctors={doctors ?? []}
          today={clinicNow(zone).date}
          onAdded={() => {
            setAdding(false);
            setNotice('Added to the waiting list.');
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      <FreedSlotForm onCheck={setOffer} />
      {offer ? (
        <WaitingListOffer slot={offer} onDismiss={() => setOffer(null)} onBooked={() => void loadWaitingList()} />
      ) : null}
      <section className="card table-card" aria-label="Waiting patients">
        {waiting === null ? <EmptyState>Loading the waiting list…</EmptyState> : null}
        {waiting && waiting.length === 0 ? <EmptyState>Nobody is on the waiting list.</EmptyState> : null}
        {waiting && waiting.length > 0 ? (
          <table className="data-table" aria-label="Waiting list">
            <TableHead columns={['Patient', 'Priority', 'With', 'Window', 'Free slots that fit now', { label: 'Actions', visuallyHidden: true }]} />
            <tbody>
              {waiting.map((entry) => (
                <tr key={entry.id}>
                  <td>
                    <span className="cell-stack">
                      <span>{entry.patientName}</span>
                      <span className="cell-stack__meta">
                        {showPhone(entry.patientPhone)} · since {since(entry.createdAt)}
                      </span>
                    </span>
                  </td>
                  <td>
                    <span className={`priority-pill priority-pill--${entry.priority}`}>
                      {PRIORITY_LABEL[entry.priority]}
                    </span>
                  </td>
                  <td>{describeWish(entry)}</td>
                  <td>
                    <span className="cell-stack">
                      <span>
                        {formatDayShort(entry.fromDate)} – {formatDayShort(entry.toDate)}
                      </span>
                      <span className="cell-stack__meta">
                        {formatClockRange(entry.earliestTime, entry.latestTime)} · {entry.durationMinutes} min
                      </span>
                    </span>
                  </td>
                  <td>
                    {entry.slots.length === 0 ? (
                      <span className="cell-stack__meta">None yet</span>
                    ) : (
                      <span className="slot-chips">
                        {entry.slots.map((slot) => (
                          <button
                            key={`${slot.doctorId}-${slot.date}-${slot.time}`}
                            type="button"
                            className="slot-chip"
                            onClick={() => void book(entry, slot)}
                            aria-label={`Book ${entry.patientName} ${formatDayShort(slot.date)} ${formatClockTime(slot.time)} with ${slot.doctorName}`}
                          >
                            {formatDayShort(slot.date)} {formatClockTime(slot.time)}
                          </button>
                        ))}
                      </span>
                    )}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--ghost button--small"
                      onClick={() => void remove(entry)}
                      aria-label={`Remove ${entry.patientName} from the waiting list`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
