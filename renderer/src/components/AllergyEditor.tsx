import { useId, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { AllergyList as AllergyListValue, AllergyRecord } from '../../../shared/domain/allergies/allergy-list';
import type { AppError, Result } from '../../../shared/ipc/result';
import { AllergyList } from './AllergyList';
import { ProblemBanner } from './ProblemBanner';
import { BusyButton } from './BusyButton';
import { TextField } from './TextField';

interface AllergyFormValues {
  noneKnown: boolean;
  entries: { substance: string; reaction: string }[];
}

function formOf(allergies: AllergyRecord): AllergyFormValues {
  return { noneKnown: allergies.noneKnown, entries: allergies.entries.map((e) => ({ substance: e.substance, reaction: e.reaction ?? '' })) };
}

/** The record the editor starts from, as the server compares it (null: never recorded). */
function basedOnOf(allergies: AllergyRecord): AllergyListValue | null {
  return allergies.recorded ? { noneKnown: allergies.noneKnown, entries: allergies.entries } : null;
}

/**
 * A patient's allergies, shown and changed as one list (what is seen is what is kept): on the
 * patient page (the desk) and on the doctor's visit page. The save sends the record the editor
 * started from, so a change someone made meanwhile is refused rather than replaced.
 */
export function AllergyEditor({
  allergies,
  onSave,
}: {
  allergies: AllergyRecord;
  onSave: (list: AllergyListValue, basedOn: AllergyListValue | null) => Promise<Result<unknown>>;
}) {
  const titleId = useId();
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
    const result = await onSave(list, basedOnOf(allergies));
    if (result.ok) setEditing(false);
    else setError(result.error);
  });

  return (
    <section className="card panel allergy-panel" aria-labelledby={titleId}>
      <div className="panel__head">
        <h3 className="panel__title" id={titleId}>
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
          <ProblemBanner title="The allergies were not saved" error={error} />
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
            <BusyButton type="submit" className="button button--primary" busy={formState.isSubmitting}>
              Save allergies
            </BusyButton>
          </div>
        </form>
      )}
    </section>
  );
}
