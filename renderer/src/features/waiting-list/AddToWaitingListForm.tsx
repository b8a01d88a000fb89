import { useState } from 'react';
import { z } from 'zod';
import { DateText, TimeText } from '../../../../shared/ipc/scheduling-schemas';
import type { AppError } from '../../../../shared/ipc/result';
import type { PatientSummary } from '../../../../shared/ipc/reception/types';
import { DateFormField } from '../../components/DateField';
import { TimeFormField } from '../../components/TimeInput';
import { TextField } from '../../components/TextField';
import { fieldOf, placeFieldProblems } from '../../forms/server-field-problems';
import { useReceptionStore, type DoctorOption } from '../../stores/reception-store';
import { PatientPicker } from '../booking/PatientPicker';
import { PRIORITY_LABEL } from '../booking/reception-format';
import { wishTarget, type Wish } from '../walk-in/wish';
import { WishSelect } from '../walk-in/WishSelect';
import { ProblemBanner } from '../../components/ProblemBanner';
import { FormActions } from '../../components/FormActions';
import { FormField } from '../../components/FormField';
import { MinuteOptions } from '../../components/MinuteOptions';
import { useZodForm } from '../../forms/use-zod-form';
import { LabelledOptions } from '../../components/LabelledOptions';

const WindowForm = z
  .object({
    fromDate: DateText,
    toDate: DateText,
    earliestTime: TimeText,
    latestTime: TimeText,
    durationMinutes: z.coerce.number<string | number>().int(),
    priority: z.coerce.number<string | number>().int().min(1).max(3),
    notes: z.string().trim().max(500),
  })
  .refine((v) => v.toDate >= v.fromDate, { path: ['toDate'], message: 'The last date cannot be before the first' })
  .refine((v) => v.latestTime > v.earliestTime, {
    path: ['latestTime'],
    message: 'The latest time must be after the earliest',
  });
const FIELDS = ['fromDate', 'toDate', 'earliestTime', 'latestTime', 'durationMinutes', 'priority', 'notes'] as const;
const isWindowField = fieldOf(FIELDS);

/** A patient who wants an earlier slot: with whom, between which dates and times, how urgent. */
export function AddToWaitingListForm({
  doctors,
  today,
  onAdded,
  onCancel,
}: {
  doctors: readonly DoctorOption[];
  today: string;
  onAdded(): void;
  onCancel(): void;
}) {
  const addToWaitingList = useReceptionStore((state) => state.addToWaitingList);
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [patientError, setPatientError] = useState<string | undefined>();
  // Nothing preselected: a guessed doctor or specialization would put the patient on the wrong list.
  const [wish, setWish] = useState<Wish | null>(null);
  const [wishError, setWishError] = useState<string | undefined>();
  const [problem, setProblem] = useState<AppError | null>(null);
  const { register, control, handleSubmit, setError, errors, isSubmitting, field } = useZodForm(WindowForm, {
    fromDate: today,
    toDate: today,
    earliestTime: '08:00',
    latestTime: '18:00',
    durationMinutes: 30,
    priority: 3,
    notes: '',
  });

  const onSubmit = handleSubmit(async (values) => {
    if (!wish) setWishError('Choose a doctor or a specialization');
    if (!patient) setPatientError('Choose the patient first');
    if (!patient || !wish) return;
    setProblem(null);
    const result = await addToWaitingList({
      patientId: patient.id,
      ...wishTarget(wish),
      ...values,
      notes: values.notes || undefined,
    });
    if (result.ok) {
      onAdded();
      return;
    }
    if (!placeFieldProblems(result.error, isWindowField, setError)) setProblem(result.error);
  });

  return (
    <form
      className="card waiting-form"
      aria-label="Add to the waiting list"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
    >
      <ProblemBanner title="Not added" error={problem} />
      <div className="form-row">
        <PatientPicker
          value={patient}
          onChange={(p) => {
            setPatient(p);
            if (p) setPatientError(undefined);
          }}
          autoFocus
          error={patientError}
        />
        <WishSelect
          id="waiting-wish"
          label="With"
          value={wish}
          doctors={doctors}
          onChange={(next) => {
            setWish(next);
            setWishError(undefined);
          }}
          allowAny={false}
          error={wishError}
        />
      </div>
      <div className="form-row form-row--four">
        <DateFormField control={control} name="fromDate" label="From date" error={errors.fromDate?.message} />
        <DateFormField control={control} name="toDate" label="To date" error={errors.toDate?.message} />
        {/* "9.15", "915", "9:15 am": read as the desk types them; what is no time is named */}
        <TimeFormField control={control} name="earliestTime" label="Earliest time" error={errors.earliestTime?.message} />
        <TimeFormField control={control} name="latestTime" label="Latest end" error={errors.latestTime?.message} />
      </div>
      <div className="form-row form-row--three">
        <FormField id="waiting-length" label="Length">
          <select id="waiting-length" className="field__input field__select" {...register('durationMinutes')}>
            <MinuteOptions choices={[15, 20, 30, 45, 60]} />
          </select>
        </FormField>
        <FormField id="waiting-priority" label="Priority">
          <select id="waiting-priority" className="field__input field__select" {...register('priority')}>
            <LabelledOptions values={[1, 2, 3]} labels={PRIORITY_LABEL} />
          </select>
        </FormField>
        <TextField label="Note" {...field('notes')} autoComplete="off" />
      </div>
      <FormActions className="form-actions" busy={isSubmitting} onCancel={onCancel} confirmLabel="Add to waiting list" />
    </form>
  );
}
