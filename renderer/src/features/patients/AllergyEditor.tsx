import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { AllergyRecord } from '../../../../shared/domain/allergies/allergy-list';
import type { AppError } from '../../../../shared/ipc/result';
import { AllergyList } from '../../components/AllergyList';
import { ProblemBanner } from '../../components/ProblemBanner';
import { Spinner } from '../../components/Spinner';
import { TextField } from '../../components/TextField';
import { useReceptionStore } from '../../stores/reception-store';

interface AllergyFormValues {
  noneKnown: boolean;
  entries: { substance: string; reaction: string }[];
}

function formOf(allergies: AllergyRecord): AllergyFormValues {
  return { noneKnown: allergies.noneKnown, entries: allergies.entries.map((e) => ({ substance: e.substance, reaction: e.reaction ?? '' })) };
}

/**
 * The patient's allergies on the patient page: shown, and changed as one list (what the desk
 * sees is what is kept). Doctors see them in the banner of every visit and prescription.
 */
export function AllergyEditor({ patientId, allergies }: { patientId: number; allergies: AllergyRecord }) {
  const setAllergies = useReceptionStore((state) => state.setAllergies);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // Checked by main (the shared schema): its refusal names the row and says what is wrong.
  const form = useForm<AllergyFormValues>({ defaultValues: formOf(allergies) });
  const { register, control, handleSubmit, reset, formState } = form;
  const entries = useFieldArray({ control, name: 'entries' });
  const noneKnown = useWatch({ control, name: 'noneKnown' });

  const start = () => {
    reset(formOf(allergies));
    if (allergies.entries.length === 0 && !allergies.noneKnown) entries.append({ substance: '', reaction: '' });
    setError(null);
    setEditing(true);
  };

  const save = handleSubmit(async (values) => {
    const list = values.noneKnown
      ? { noneKnown: true, entries: [] }
      : { noneKnown: false, entries: values.entries.filter((e) => e.substance.trim()).map((e) => (e.reaction.trim() ? { substance: e.substance, reaction: e.reaction } : { substance: e.substance })) };
    const result = await setAllergies({ patientId, allergies: list });
    if (result.ok) setEditing(false);
    else setError(result.error);
  });

  return (
    <section className="card panel allergy-panel" aria-labelledby="allergies-title">
      <div className="panel__head">
        <h3 className="panel__title" id="allergies-title">
          Allergies
        </h3>
        {!editing ? (
          <button type="button" className="button button--secondary button--small" onClick={start}>
            {allergies.recorded ? 'Change allergies' : 'Record allergies'}
          </button>
        ) : null}
      </div>
      {!editing ? (
        <AllergyList allergies={allergies} />
      ) : (
        <form className="allergy-form" onSubmit={(event) => void save(event)} noValidate aria-label="Allergies">
          {error ? <ProblemBanner title="The allergies were not saved" error={error} /> : null}
          <label className="checkbox">
            <input type="checkbox" {...register('noneKnown')} />
            No known allergies
          </label>
          {!noneKnown ? (
            <ol className="allergy-form__list">
              {entries.fields.map((field, index) => (
                <li key={field.id} className="allergy-form__row">
                  <TextField label={`Substance ${index + 1}`} registration={register(`entries.${index}.substance`)} placeholder="e.g. Penicillin" />
                  <TextField label="Reaction" registration={register(`entries.${index}.reaction`)} placeholder="e.g. Hives" />
                  <button type="button" className="button button--ghost button--small" onClick={() => entries.remove(index)} aria-label={`Remove allergy ${index + 1}`}>
                    Remove
                  </button>
                </li>
              ))}
            </ol>
          ) : null}
          <div className="allergy-form__actions">
            {!noneKnown ? (
              <button type="button" className="button button--secondary" onClick={() => entries.append({ substance: '', reaction: '' })}>
                Add allergy
              </button>
            ) : null}
            <span className="allergy-form__spacer" />
            <button type="button" className="button button--ghost" onClick={() => setEditing(false)}>
              Cancel
            </button>
            <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? <Spinner /> : null}
              Save allergies
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
