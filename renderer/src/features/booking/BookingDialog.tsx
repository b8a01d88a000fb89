import { formatClockTime, formatDayLong, formatDayShort } from '../../stores/display-format';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { formatTime, isIsoDate, parseTime, readTimeEntry } from '../../../../shared/domain/plain-date';
import { DateText, TimeText } from '../../../../shared/ipc/scheduling-schemas';
import {
  APPOINTMENT_TYPES,
  type AppointmentType,
  type AppointmentView,
  type SlotView,
} from '../../../../shared/ipc/scheduling-types';
import type { AppError } from '../../../../shared/ipc/result';
import type { PatientSummary } from '../../../../shared/ipc/reception/types';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { newIdempotencyKey, useReceptionStore } from '../../stores/reception-store';
import { DateFormField } from '../../components/DateField';
import { TimeFormField } from '../../components/TimeInput';
import { DuplicateWarning, PatientFieldset, usePatientEntry, valuesFromTyped } from '../patients/PatientForm';
import { ProblemBanner } from '../../components/ProblemBanner';
import { clinicNow, useClinicZone } from './clinic-today';
import { PatientPicker } from './PatientPicker';
import { alternativesOf } from './reception-format';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { MinuteOptions } from '../../components/MinuteOptions';
import { useZodForm } from '../../forms/use-zod-form';
import { LabelledOptions } from '../../components/LabelledOptions';

export interface BookingDialogProps {
  /** Prefilled from the calendar's selection; each stays editable. */
  doctorId?: number;
  date?: string;
  time?: string;
  durationMinutes?: number;
  /** A patient already chosen (the patient page). */
  patient?: PatientSummary;
  onClose(): void;
  onBooked(appointment: AppointmentView): void;
}

const BookingForm = z.object({
  doctorId: z.coerce.number<string | number>().int().positive('Choose a doctor'),
  date: DateText,
  time: TimeText,
  durationMinutes: z.coerce.number<string | number>().int().min(5).max(480).multipleOf(5, 'Use steps of 5 minutes'),
  appointmentType: z.enum(APPOINTMENT_TYPES),
  patientNotes: z.string().trim().max(2000, 'At most 2000 characters'),
});

const DURATIONS = [15, 20, 30, 45, 60, 90];

/**
 * Books one appointment through `appointments.book`: pick (or register) the patient, check the
 * doctor, date, time, length and type. One idempotency key per opening of the dialog, so a
 * retried click never books twice. A refusal from main is shown with its reason (and the
 * doctor's next free slots when main sends them); every value stays as entered.
 */
export function BookingDialog({
  doctorId,
  date,
  time,
  durationMinutes,
  patient: chosen,
  onClose,
  onBooked,
}: BookingDialogProps) {
  const zone = useClinicZone();
  const { doctors, loadDoctors, book } = useReceptionStore();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [patient, setPatient] = useState<PatientSummary | null>(chosen ?? null);
  const [patientError, setPatientError] = useState<string | undefined>();
  const [registering, setRegistering] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<AppError | null>(null);

  useEffect(() => {
    void loadDoctors(clinicNow(zone).date);
  }, [loadDoctors, zone]);

  const { register, handleSubmit, setValue, getValues, control, errors, isSubmitting, field } = useZodForm(BookingForm, {
    doctorId: doctorId ?? '',
    date: date ?? clinicNow(zone).date,
    time: time ?? '',
    durationMinutes: durationMinutes ?? 30,
    appointmentType: 'Consultation' as AppointmentType,
    patientNotes: '',
  });

  // The doctor list arrives after the form: the select is told again, so it shows the doctor
  // the booking is for (it said "Choose…" while booking the selected doctor).
  useEffect(() => {
    if (doctors) setValue('doctorId', getValues('doctorId'));
  }, [doctors, setValue, getValues]);

  const newPatient = usePatientEntry({});

  function registerInstead(typed: string) {
    newPatient.form.reset({ ...newPatient.form.formState.defaultValues, ...valuesFromTyped(typed) });
    setRegistering(typed);
  }

  function chooseExisting(existing: PatientSummary) {
    setPatient(existing);
    setPatientError(undefined);
    setRegistering(null);
  }

  const onSubmit = handleSubmit(async (values) => {
    let bookFor = patient;
    if (registering !== null) {
      // The new patient first. A likely duplicate stops here, listed with "Use this patient";
      // pressed again while that list shows, this same button registers anyway.
      bookFor = await newPatient.save(newPatient.duplicates !== null);
      if (!bookFor) return;
      setPatient(bookFor);
      setRegistering(null);
    }
    if (!bookFor) {
      setPatientError('Choose the patient first');
      return;
    }
    setRefusal(null);
    const result = await book({
      patientId: bookFor.id,
      doctorId: values.doctorId,
      date: values.date,
      time: values.time,
      durationMinutes: values.durationMinutes,
      appointmentType: values.appointmentType,
      patientNotes: values.patientNotes || null,
      idempotencyKey,
    });
    if (result.ok) onBooked(result.data);
    else setRefusal(result.error);
  });

  function takeAlternative(slot: SlotView) {
    setValue('doctorId', slot.doctorId);
    setValue('date', slot.date);
    setValue('time', slot.time);
    setRefusal(null);
  }

  const selected = useWatch({ control, name: ['doctorId', 'date', 'time', 'durationMinutes'] });
  const alternatives = refusal ? alternativesOf(refusal) : [];
  const durationChoices = [...new Set([...DURATIONS, durationMinutes ?? 30])].sort((a, b) => a - b);
  return (
    <Dialog title="Book an appointment" onClose={onClose}>
      <form className="dialog__form booking-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        {refusal ? (
          <Banner tone="error" title="Not booked">
            <p>{refusal.message}</p>
            {alternatives.length > 0 ? (
              <div className="slot-chips" aria-label="Next free slots">
                {alternatives.map((slot) => (
                  <button
                    key={`${slot.doctorId}-${slot.date}-${slot.time}`}
                    type="button"
                    className="slot-chip"
                    onClick={() => takeAlternative(slot)}
                  >
                    {formatDayShort(slot.date)} {formatClockTime(slot.time)}
                  </button>
                ))}
              </div>
            ) : null}
          </Banner>
        ) : null}
        <BookingSummary
          doctor={(doctors ?? []).find((d) => String(d.id) === String(selected[0]))?.name ?? null}
          date={selected[1]}
          time={readTimeEntry(String(selected[2]))}
          durationMinutes={Number(selected[3])}
        />
        {registering === null ? (
          <PatientPicker
            value={patient}
            onChange={(next) => {
              setPatient(next);
              if (next) setPatientError(undefined);
            }}
            onRegisterNew={registerInstead}
            autoFocus={!chosen}
            error={patientError}
          />
        ) : (
          <fieldset className="booking-form__new-patient" aria-label="New patient">
            <legend className="booking-form__legend">
              New patient
              <button type="button" className="link-button booking-form__back" onClick={() => setRegistering(null)}>
                Choose a registered patient instead
              </button>
            </legend>
            {newPatient.problem ? (
              <ProblemBanner title="The patient was not registered" error={newPatient.problem} />
            ) : null}
            {newPatient.duplicates ? (
              <DuplicateWarning duplicates={newPatient.duplicates} onUseExisting={chooseExisting} />
            ) : null}
            <PatientFieldset form={newPatient.form} initial={valuesFromTyped(registering)} />
          </fieldset>
        )}
        <FormField id="booking-doctor" label="Doctor" error={errors.doctorId?.message}>
          <select id="booking-doctor" className="field__input field__select" {...register('doctorId')}>
            <option value="">Choose…</option>
            {(doctors ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} · {d.specialization}
              </option>
            ))}
          </select>
        </FormField>
        <div className="form-row form-row--three">
          <DateFormField control={control} name="date" label="Date" error={errors.date?.message} />
          {/* "9.15", "915", "9:15 am": read as the desk types them, checked as HH:MM */}
          <TimeFormField control={control} name="time" label="Time" error={errors.time?.message} />
          <FormField id="booking-duration" label="Length">
            <select id="booking-duration" className="field__input field__select" {...register('durationMinutes')}>
              <MinuteOptions choices={durationChoices} />
            </select>
          </FormField>
        </div>
        <FormField id="booking-type" label="Type">
          <select id="booking-type" className="field__input field__select" {...register('appointmentType')}>
            <LabelledOptions values={APPOINTMENT_TYPES} />
          </select>
        </FormField>
        <TextField label="Reason for visit" {...field('patientNotes')} autoComplete="off" />
        <FormActions className="dialog__actions" busy={isSubmitting} onCancel={onClose} confirmLabel={registering === null ? 'Book' : newPatient.duplicates ? 'Register anyway and book' : 'Register and book'} />
      </form>
    </Dialog>
  );
}

/**
 * What will be booked, in one line above the fields and following them: doctor, date, time and
 * length, so the desk reads back the selection before pressing Book.
 */
function BookingSummary({
  doctor,
  date,
  time,
  durationMinutes,
}: {
  doctor: string | null;
  date: string;
  time: string | null;
  durationMinutes: number;
}) {
  const end = time ? formatTime(parseTime(time) + durationMinutes) : null;
  return (
    <p className="booking-summary" data-testid="booking-summary" aria-live="polite">
      <span className="booking-summary__doctor">{doctor ?? 'No doctor chosen'}</span>
      <span>{isIsoDate(date) ? formatDayLong(date) : 'No date'}</span>
      <span>{time && end ? `${formatClockTime(time)} – ${formatClockTime(end)}` : 'No time'}</span>
      <span>{durationMinutes} min</span>
    </p>
  );
}
