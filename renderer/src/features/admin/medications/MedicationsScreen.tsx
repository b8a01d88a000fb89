import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { MedicationIngredientListSchema, type MedicationIngredientList } from '../../../../../shared/domain/allergies/medication-ingredients';
import type { AppError } from '../../../../../shared/ipc/result';
import { Banner } from '../../../components/Banner';
import { ProblemBanner } from '../../../components/ProblemBanner';
import { Spinner } from '../../../components/Spinner';
import { BusyButton } from '../../../components/BusyButton';
import { TextField } from '../../../components/TextField';
import { useAdminMedicationsStore } from '../../../stores/admin-medications-store';
import { useAppStore } from '../../../stores/app-store';
import { formatMoment } from '../../../stores/display-format';
import { useLoadOnOpen } from '../../../hooks/use-load-on-open';

interface MedicationRow {
  medication: string;
  /** The active ingredients as typed: separated by commas. */
  ingredients: string;
}
interface MedicationsForm {
  rows: MedicationRow[];
}

const EMPTY_ROW: MedicationRow = { medication: '', ingredients: '' };

function formOf(entries: MedicationIngredientList): MedicationsForm {
  return { rows: entries.map((entry) => ({ medication: entry.medication, ingredients: entry.ingredients.join(', ') })) };
}

/** The rows as the list main keeps: blank rows left out, ingredients split at commas. */
function listOf(form: MedicationsForm): { list: unknown[]; rowOf: number[] } {
  const kept = form.rows.map((row, index) => ({ row, index })).filter(({ row }) => row.medication.trim() || row.ingredients.trim());
  return {
    list: kept.map(({ row }) => ({ medication: row.medication, ingredients: row.ingredients.split(',').map((part) => part.trim()).filter(Boolean) })),
    rowOf: kept.map(({ index }) => index),
  };
}

/**
 * Admins: the clinic's ingredient list. Each medication name (a brand, a combination) with its
 * active ingredients; a prescription naming it warns of an allergy to any of them.
 */
export function MedicationsScreen() {
  const { list, loading, error, load, save } = useAdminMedicationsStore();
  const zone = useAppStore((state) => state.status?.timezone ?? 'UTC');
  const [problem, setProblem] = useState<AppError | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<MedicationsForm>({ defaultValues: { rows: [] } });
  const { register, control, handleSubmit, reset, formState } = form;
  const rows = useFieldArray({ control, name: 'rows' });

  useLoadOnOpen(load);
  useEffect(() => {
    if (list) reset(formOf(list.entries));
  }, [list, reset]);

  const onSave = handleSubmit(async (values) => {
    setNotice(null);
    setProblem(null);
    const { list: entries, rowOf } = listOf(values);
    // the same schema main checks with: each problem next to its row
    const parsed = MedicationIngredientListSchema.safeParse(entries);
    if (!parsed.success) {
      const found: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const [at, field] = issue.path;
        const key = typeof at === 'number' ? `${rowOf[at]}.${field === 'ingredients' ? 'ingredients' : 'medication'}` : 'list';
        found[key] ??= issue.message;
      }
      setRowErrors(found);
      return;
    }
    setRowErrors({});
    const result = await save(parsed.data);
    if (result.ok) setNotice(`Ingredient list saved: ${result.data.entries.length} medication${result.data.entries.length === 1 ? '' : 's'}.`);
    else setProblem(result.error);
  });

  return (
    <section className="admin-page" aria-labelledby="medications-title">
      <header className="admin-page__header">
        <div>
          <h2 id="medications-title" className="admin-page__title">
            Medications
          </h2>
          <p className="admin-page__lead">
            The clinic’s ingredient list. A prescribed medication is checked against the patient’s allergies by its name and by the active ingredients listed here.
          </p>
        </div>
      </header>
      {notice ? <Banner tone="info" title={notice} key={notice} /> : null}
      {problem ? (
        <ProblemBanner
          title="The ingredient list was not saved"
          error={problem}
          action={
            problem.code === 'CONFLICT' ? (
              <button type="button" className="button button--secondary" onClick={() => void load().then(() => setProblem(null))}>
                Load the current list
              </button>
            ) : undefined
          }
        />
      ) : null}
      <ProblemBanner title="The ingredient list could not be loaded" error={error} />
      {!list && loading ? (
        <p className="table-card__empty">
          <Spinner /> Loading the ingredient list…
        </p>
      ) : null}
      {list ? (
        <form className="card medications-card" onSubmit={(event) => void onSave(event)} noValidate aria-label="Ingredient list">
          <p className="medications-card__meta">
            {list.updatedAt
              ? `Changed ${formatMoment(list.updatedAt, zone)}${list.updatedBy ? ` by ${list.updatedBy.name}` : ''}`
              : 'Nothing listed yet: allergy warnings match medication names only.'}
          </p>
          {rowErrors.list ? <Banner tone="error" title={rowErrors.list} /> : null}
          {rows.fields.length === 0 ? <p className="panel__empty">No medications listed.</p> : null}
          <ol className="medications-list" aria-label="Medications">
            {rows.fields.map((field, index) => (
              <li key={field.id} className="medications-list__row" aria-label={`Medication ${index + 1}`}>
                <TextField label={`Medication ${index + 1}`} registration={register(`rows.${index}.medication`)} error={rowErrors[`${index}.medication`]} placeholder="e.g. Co-amoxiclav" />
                <TextField
                  label="Active ingredients, separated by commas"
                  registration={register(`rows.${index}.ingredients`)}
                  error={rowErrors[`${index}.ingredients`]}
                  placeholder="e.g. Amoxicillin, Clavulanic acid"
                />
                <button type="button" className="button button--ghost button--small" onClick={() => rows.remove(index)} aria-label={`Remove medication ${index + 1}`}>
                  Remove
                </button>
              </li>
            ))}
          </ol>
          <div className="medications-card__actions">
            <button type="button" className="button button--secondary" onClick={() => rows.append(EMPTY_ROW)}>
              Add medication
            </button>
            <span className="medications-card__spacer" />
            <BusyButton type="submit" className="button button--primary" busy={formState.isSubmitting}>
              Save ingredient list
            </BusyButton>
          </div>
        </form>
      ) : null}
    </section>
  );
}
