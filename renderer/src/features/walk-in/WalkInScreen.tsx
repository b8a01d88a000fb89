import { formatClockTime, formatDayShort } from '../../stores/display-format';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AppError } from '../../../../shared/ipc/result';
import type { PatientSummary } from '../../../../shared/ipc/reception/types';
import type { AppointmentView, SlotView } from '../../../../shared/ipc/scheduling-types';
import { Spinner } from '../../components/Spinner';
import { newIdempotencyKey, useReceptionStore } from '../../stores/reception-store';
import { clinicNow, useClinicZone } from '../booking/clinic-today';
import { PatientPicker } from '../booking/PatientPicker';
import { PatientForm, valuesFromTyped } from '../patients/PatientForm';
import { WalkInQueuePanel } from './WalkInQueuePanel';
import { wishFilter, wishTarget, type Wish } from './wish';
import { WishSelect } from './WishSelect';
import { ProblemBanner } from '../../components/ProblemBanner';
import { FormField } from '../../components/FormField';
import { MinuteOptions } from '../../components/MinuteOptions';

const LENGTHS = [15, 20, 30, 45, 60];

/** Moves the focus between the slot buttons with the arrow keys (Tab works too). */
function moveFocus(event: KeyboardEvent<HTMLElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.slot-option')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === 'ArrowDown' ? 1 : -1)))];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

/**
 * A walk-in in one place, keyboard first: find or register the patient, choose any doctor, a
 * specialization or a doctor, see the soonest free slots, and book one with Enter; or put the
 * patient in the walk-in queue for the soonest slot. The queue is beside it.
 */
export function WalkInScreen() {
  const zone = useClinicZone();
  const { doctors, loadDoctors, soonest, book, joinQueue } = useReceptionStore();
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [registering, setRegistering] = useState<string | null>(null);
  const [wish, setWish] = useState<Wish>({ kind: 'any' });
  const [length, setLength] = useState(30);
  const [slots, setSlots] = useState<SlotView[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [booking, setBooking] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [patientError, setPatientError] = useState<string | undefined>();
  const [done, setDone] = useState<{ text: string } | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const idempotencyKey = useRef(newIdempotencyKey());
  const slotList = useRef<HTMLDivElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const findButton = useRef<HTMLButtonElement>(null);
  // after an inline registration the form comes back: the keyboard goes on from "Find soonest slots"
  const focusFindNext = useRef(false);
  useEffect(() => {
    if (registering === null && focusFindNext.current) {
      focusFindNext.current = false;
      findButton.current?.focus();
    }
  }, [registering]);

  useEffect(() => {
    void loadDoctors(clinicNow(zone).date);
  }, [loadDoctors, zone]);

  // The soonest slots: the first one takes the focus, so Enter books it.
  useEffect(() => {
    if (slots && slots.length > 0) slotList.current?.querySelector<HTMLButtonElement>('button.slot-option')?.focus();
  }, [slots]);
  useEffect(() => {
    if (done) nextButton.current?.focus();
  }, [done]);

  function requirePatient(): PatientSummary | null {
    if (!patient) setPatientError('Find or register the patient first');
    return patient;
  }

  async function findSlots() {
    if (!requirePatient()) return;
    setSearching(true);
    setProblem(null);
    const result = await soonest({ ...wishFilter(wish), durationMinutes: length, count: 6, days: 14 });
    setSearching(false);
    if (result.ok) setSlots(result.data);
    else setProblem(result.error);
  }

  async function bookSlot(slot: SlotView) {
    const chosen = requirePatient();
    if (!chosen) return;
    setBooking(true);
    setProblem(null);
    const result = await book({
      patientId: chosen.id,
      doctorId: slot.doctorId,
      date: slot.date,
      time: slot.time,
      durationMinutes: length,
      appointmentType: 'Consultation',
      // Booked from the Walk-in screen: the patient is at the desk (arrived when the slot is today).
      walkIn: true,
      idempotencyKey: idempotencyKey.current,
    });
    setBooking(false);
    if (result.ok) finish(result.data, slot);
    else {
      setProblem(result.error);
      void findSlots();
    }
  }

  function finish(appointment: AppointmentView, slot: SlotView) {
    setDone({
      text: `${patient?.firstName ?? ''} ${patient?.lastName ?? ''} is booked: ${formatDayShort(appointment.date)} at ${formatClockTime(appointment.time)} with ${slot.doctorName}.`,
    });
  }

  async function queue() {
    const chosen = requirePatient();
    if (!chosen) return;
    setProblem(null);
    const result = await joinQueue({ patientId: chosen.id, ...wishTarget(wish), durationMinutes: length });
    if (result.ok) setDone({ text: `${chosen.firstName} ${chosen.lastName} is in the walk-in queue.` });
    else setProblem(result.error);
  }

  function reset() {
    setPatient(null);
    setSlots(null);
    setProblem(null);
    setDone(null);
    setPatientError(undefined);
    idempotencyKey.current = newIdempotencyKey();
    setPickerKey((k) => k + 1);
  }

  return (
    <div className="walk-in-page">
      <div className="walk-in-page__main">
        <header>
          <h2 className="admin-page__title">Walk-in</h2>
          <p className="admin-page__lead">
            Find the patient, choose who they can see, book the soonest slot. Everything works from the keyboard.
          </p>
        </header>
        {done ? (
          <section className="card walk-in-done" aria-label="Walk-in done">
            <p className="walk-in-done__text" role="status">
              {done.text}
            </p>
            <button ref={nextButton} type="button" className="button button--primary" onClick={reset}>
              Next walk-in
            </button>
          </section>
        ) : registering !== null ? (
          <PatientForm
            initial={valuesFromTyped(registering)}
            onSaved={(saved) => {
              focusFindNext.current = true;
              setPatient(saved);
              setPatientError(undefined);
              setRegistering(null);
            }}
            onUseExisting={(existing) => {
              focusFindNext.current = true;
              setPatient(existing);
              setRegistering(null);
            }}
            onCancel={() => setRegistering(null)}
          />
        ) : (
          <form
            className="card walk-in-form"
            aria-label="New walk-in"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void findSlots();
            }}
          >
            <ProblemBanner title="Not booked" error={problem} />
            <PatientPicker
              key={pickerKey}
              value={patient}
              onChange={(next) => {
                setPatient(next);
                setSlots(null);
                if (next) setPatientError(undefined);
              }}
              onRegisterNew={(typed) => setRegistering(typed)}
              autoFocus
              error={patientError}
            />
            <div className="form-row">
              <WishSelect
                id="walk-in-wish"
                label="Sees"
                value={wish}
                doctors={doctors ?? []}
                onChange={(next) => {
                  setWish(next);
                  setSlots(null);
                }}
              />
              <FormField id="walk-in-length" label="Length">
                <select
                  id="walk-in-length"
                  className="field__input field__select"
                  value={length}
                  onChange={(event) => {
                    setLength(Number(event.target.value));
                    setSlots(null);
                  }}
                >
                  <MinuteOptions choices={LENGTHS} />
                </select>
              </FormField>
            </div>
            <div className="form-actions">
              <button type="button" className="button button--secondary" onClick={() => void queue()}>
                Add to walk-in queue
              </button>
              <button ref={findButton} type="submit" className="button button--primary" disabled={searching}>
                {searching ? <Spinner /> : null}
                Find soonest slots
              </button>
            </div>
            {slots ? (
              <div
                className="slot-options"
                ref={slotList}
                role="group"
                aria-label="Soonest free slots"
                onKeyDown={moveFocus}
              >
                {slots.length === 0 ? (
                  <p className="table-card__empty">
                    No free slot in the next two weeks. Add the patient to the walk-in queue or the waiting list.
                  </p>
                ) : null}
                {slots.map((slot) => (
                  <button
                    key={`${slot.doctorId}-${slot.date}-${slot.time}`}
                    type="button"
                    className="slot-option"
                    disabled={booking}
                    onClick={() => void bookSlot(slot)}
                  >
                    <span className="slot-option__time">{formatClockTime(slot.time)}</span>
                    <span className="slot-option__day">{formatDayShort(slot.date)}</span>
                    <span className="slot-option__doctor">
                      {slot.doctorName}
                      <span className="slot-option__spec">{slot.specialization}</span>
                    </span>
                    <span className="slot-option__action">Book ↵</span>
                  </button>
                ))}
              </div>
            ) : null}
          </form>
        )}
      </div>
      <aside className="walk-in-page__side">
        <WalkInQueuePanel zone={zone} />
      </aside>
    </div>
  );
}
