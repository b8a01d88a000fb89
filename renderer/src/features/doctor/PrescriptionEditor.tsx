import { formatMoment } from '../../stores/display-format';
import { saveFile } from '../../components/save-file';
import { useEffect, useMemo, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { AppError } from '../../../../shared/ipc/result';
import type { PrescriptionView } from '../../../../shared/ipc/doctor/types';
import { Banner } from '../../components/Banner';
import { FormSection } from '../../components/FormSection';
import { Spinner } from '../../components/Spinner';
import { useAppStore } from '../../stores/app-store';
import { useDoctorStore } from '../../stores/doctor-store';
import { EditorField, EditorTextArea } from './EditorFields';
import { FollowUpPanel } from './FollowUpPanel';
import { asNumber, EMPTY_MEDICATION, emptyForm, formFrom, PrescriptionForm, toContent, type PrescriptionFormValues } from './prescription-form';
import { SignatureBadge } from './StatusBadge';
import { SignDialog } from './SignDialog';
import { ProblemBanner } from '../../components/ProblemBanner';
import { allergyMatches, unacknowledged, type AllergyMatch } from '../../../../shared/domain/allergies/allergy-match';
import { normalisedSubstance } from '../../../../shared/domain/allergies/allergy-list';
import { PatientBanner } from './PatientBanner';

const MEDICATION_NAMES_LIST = 'rx-medication-names';
type MedicationField = 'name' | 'dosage' | 'frequency' | 'duration' | 'quantity' | 'refillsAllowed' | 'instructions';

/** One warning per recorded allergy a medication matches; the doctor acknowledges each before signing. */
function AllergyWarnings({ matches, acknowledged, onAcknowledge, disabled }: { matches: readonly AllergyMatch[]; acknowledged: ReadonlySet<string>; onAcknowledge: (substance: string, seen: boolean) => void; disabled: boolean }) {
  if (matches.length === 0) return null;
  const bySubstance = new Map<string, AllergyMatch[]>();
  for (const match of matches) {
    const key = normalisedSubstance(match.substance);
    bySubstance.set(key, [...(bySubstance.get(key) ?? []), match]);
  }
  return (
    <div className="allergy-warning" role="alert" aria-label="Allergy warning">
      <p className="allergy-warning__title">Allergy warning</p>
      {[...bySubstance.entries()].map(([key, list]) => (
        <div key={key}>
          <p>
            {list.map((m) => (m.ingredient ? `${m.medication.trim()} (contains ${m.ingredient})` : m.medication.trim())).join(', ')} {list.length > 1 ? 'match' : 'matches'} the patient’s recorded allergy to <strong>{list[0]!.substance}</strong>.
          </p>
          <label className="checkbox">
            <input type="checkbox" checked={acknowledged.has(key)} disabled={disabled} onChange={(event) => onAcknowledge(key, event.target.checked)} />
            I have seen the allergy to {list[0]!.substance} and prescribe this anyway
          </label>
        </div>
      ))}
    </div>
  );
}

type Notice = { tone: 'info' | 'error'; title: string; text?: string };

function downloadPdf(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  saveFile(fileName, new Blob([bytes], { type: 'application/pdf' }));
}

/** Writes, changes (as a new version once signed), signs and exports a prescription. */
export function PrescriptionEditor({ appointmentId, prescriptionId, zone }: { appointmentId: number; prescriptionId: string | null; zone: string }) {
  const { show, getPrescription, savePrescription, signPrescription, signingKey, exportPdf, loadAppointment, medicationNames, page } = useDoctorStore();
  const visit = page?.appointment.appointmentId === appointmentId ? page : null;
  const [acknowledged, setAcknowledged] = useState<ReadonlySet<string>>(new Set());
  const [suggestions, setSuggestions] = useState<string[]>([]);
  /** Cards added after the last try to save (from this index on): not red until touched or saved again. */
  const [addedSince, setAddedSince] = useState<{ from: number; submits: number } | null>(null);
  const myId = useAppStore((state) => state.user?.id ?? null);
  const [rx, setRx] = useState<PrescriptionView | null>(null);
  const [loading, setLoading] = useState(prescriptionId !== null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [signing, setSigning] = useState<{ firstKey: boolean; target: PrescriptionView } | null>(null);
  const [busy, setBusy] = useState<'save' | 'sign' | 'pdf' | null>(null);

  const form = useForm<PrescriptionFormValues>({ resolver: zodResolver(PrescriptionForm), defaultValues: emptyForm() });
  const { register, control, handleSubmit, reset, formState } = form;
  const { errors, isDirty } = formState;
  const medications = useFieldArray({ control, name: 'medications' });
  const followUpRequired = useWatch({ control, name: 'followUpRequired' });
  const medicationValues = useWatch({ control, name: 'medications' });
  const medicationNameList = (medicationValues ?? []).map((m) => m?.name ?? '').join('\n');
  const matches = useMemo(
    () => (visit ? allergyMatches(medicationNameList.split('\n'), visit.patient.allergies.entries, visit.medicationIngredients) : []),
    [visit, medicationNameList],
  );
  const pending = unacknowledged(matches, [...acknowledged]);
  const { submitCount, touchedFields } = formState;
  /** A card's error shows once its field was left, or once a save was tried with the card on the form. */
  const medicationError = (index: number, name: MedicationField): string | undefined => {
    const touched = (touchedFields.medications?.[index] as Record<string, boolean | undefined> | undefined)?.[name];
    const addedAfterTry = addedSince !== null && index >= addedSince.from && submitCount <= addedSince.submits;
    const tried = submitCount > 0 && !addedAfterTry;
    const message = (errors.medications?.[index] as Record<string, { message?: string } | undefined> | undefined)?.[name]?.message;
    return touched || tried ? message : undefined;
  };

  useEffect(() => {
    if (!visit) void loadAppointment(appointmentId);
  }, [visit, appointmentId, loadAppointment]);

  useEffect(() => {
    void medicationNames('').then((result) => {
      if (result.ok) setSuggestions(result.data);
    });
  }, [medicationNames]);

  useEffect(() => {
    if (!prescriptionId) return;
    void getPrescription(prescriptionId).then((result) => {
      setLoading(false);
      if (result.ok) {
        setRx(result.data);
        reset(formFrom(result.data));
      } else setLoadError(result.error);
    });
  }, [prescriptionId, getPrescription, reset]);

  const readOnly = rx !== null && (rx.doctorId !== myId || rx.status !== 'Active');
  const signed = rx?.signature.state === 'valid' || rx?.signature.state === 'invalid';

  /** Saves the form; a signed prescription becomes the next version. null when refused. */
  async function save(values: PrescriptionFormValues): Promise<PrescriptionView | null> {
    const result = await savePrescription(appointmentId, rx?.id ?? null, toContent(values));
    if (!result.ok) {
      setNotice({ tone: 'error', title: 'Not saved', text: result.error.message });
      return null;
    }
    const previous = rx;
    setRx(result.data);
    reset(formFrom(result.data));
    if (previous && previous.id !== result.data.id) {
      setNotice({ tone: 'info', title: `Saved as version ${result.data.version}`, text: `Version ${previous.version} stays signed and is marked superseded. Sign this version to make it valid.` });
    } else setNotice({ tone: 'info', title: 'Saved as a draft', text: 'Sign it to make it valid for the pharmacy.' });
    return result.data;
  }

  async function sign(target: PrescriptionView, password?: string): Promise<AppError | null> {
    const result = await signPrescription(target.id, password, [...acknowledged]);
    if (!result.ok) {
      // the record changed since the page was opened: show the warning as it is now
      if (result.error.code === 'ALLERGY_NOT_ACKNOWLEDGED') {
        setSigning(null);
        void loadAppointment(appointmentId);
        setNotice({ tone: 'error', title: 'Not signed: check the allergy warning', text: result.error.message });
        return null;
      }
      return result.error;
    }
    setRx(result.data);
    setSigning(null);
    setNotice({ tone: 'info', title: 'Prescription signed', text: `Signed with key ${result.data.signature.state === 'valid' ? result.data.signature.keyId : ''}.` });
    return null;
  }

  const onSave = handleSubmit(async (values) => {
    setBusy('save');
    setNotice(null);
    await save(values);
    setBusy(null);
  });

  const onSign = handleSubmit(async (values) => {
    if (pending.length > 0) {
      setNotice({ tone: 'error', title: 'Not signed', text: `Confirm the allergy warning first: ${pending[0]!.medication.trim()} matches the recorded allergy to ${pending[0]!.substance}.` });
      return;
    }
    setBusy('sign');
    setNotice(null);
    const target = !rx || isDirty || signed ? await save(values) : rx;
    if (target) {
      const key = await signingKey();
      if (key.ok && key.data.needsPassword) setSigning({ firstKey: key.data.keyId === null, target });
      else {
        const failure = await sign(target);
        if (failure) setNotice({ tone: 'error', title: 'Not signed', text: failure.message });
      }
    }
    setBusy(null);
  });

  async function onExport() {
    if (!rx) return;
    setBusy('pdf');
    const result = await exportPdf(rx.id);
    setBusy(null);
    if (result.ok) {
      downloadPdf(result.data.fileName, result.data.base64);
      setNotice({ tone: 'info', title: 'PDF exported', text: `${result.data.fileName} is in your downloads.` });
    } else setNotice({ tone: 'error', title: 'No PDF', text: result.error.message });
  }

  const back = () => {
    void loadAppointment(appointmentId);
    show({ kind: 'appointment', appointmentId });
  };

  if (loading) return <div className="table-card__empty"><Spinner /> Opening the prescription…</div>;
  if (loadError) {
    return (
      <section className="doctor-page">
        <button type="button" className="back-link" onClick={back}>Back to the visit</button>
        <ProblemBanner title="This prescription could not be opened" error={loadError} />
      </section>
    );
  }

  const e = errors;
  return (
    <section className="doctor-page" aria-labelledby="rx-editor-title">
      <button type="button" className="back-link" onClick={back}>
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M12.5 4.5L7 10l5.5 5.5" />
        </svg>
        Back to the visit
      </button>
      <header className="doctor-page__header">
        <div>
          <h2 className="doctor-page__title" id="rx-editor-title">
            {rx ? `Prescription · version ${rx.version}` : 'New prescription'}
          </h2>
          <p className="doctor-page__lead">
            {rx ? `${rx.patientName} · ${rx.doctorName} · ${formatMoment(rx.prescriptionDate, zone)}` : 'Patient and prescriber are filled in from the visit.'}
          </p>
        </div>
        {rx ? <SignatureBadge signature={rx.signature} /> : null}
      </header>

      {visit ? <PatientBanner patient={visit.patient} prescriptions={visit.prescriptions} currentPrescriptionId={rx?.id ?? null} /> : null}

      {notice ? (
        <Banner tone={notice.tone} title={notice.title} key={`${notice.title}-${notice.text ?? ''}`}>
          {notice.text ? <p>{notice.text}</p> : null}
        </Banner>
      ) : null}
      {rx?.signature.state === 'invalid' ? (
        <Banner tone="error" title="The signature does not verify">
          <p>{rx.signature.reason} Do not dispense from this prescription.</p>
        </Banner>
      ) : null}
      {rx && rx.status === 'Superseded' ? (
        <Banner tone="info" title="A newer version replaces this one">
          <p>This version stays on record, signed as it was. Open the newest version to change it.</p>
        </Banner>
      ) : null}

      <div className="rx-layout">
        <form className="card rx-form" onSubmit={(event) => void onSave(event)} noValidate aria-label="Prescription">
          <fieldset className="rx-form__fields" disabled={readOnly}>
            <FormSection title="Diagnosis">
              <EditorField label="Diagnosis" registration={register('diagnosis')} error={e.diagnosis?.message} placeholder="e.g. Acute pharyngitis" />
            </FormSection>

            <FormSection title="Medications" lead="Each medication as the pharmacy should dispense it.">
              <ol className="med-list">
                {medications.fields.map((field, index) => {
                  const me = (name: MedicationField) => medicationError(index, name);
                  return (
                    <li key={field.id} className="med-card" aria-label={`Medication ${index + 1}`}>
                      <div className="med-card__head">
                        <span className="med-card__number">{index + 1}</span>
                        {medications.fields.length > 1 ? (
                          <button type="button" className="button button--secondary button--small" onClick={() => medications.remove(index)} aria-label={`Remove medication ${index + 1}`}>
                            Remove
                          </button>
                        ) : null}
                      </div>
                      <div className="med-card__grid">
                        <EditorField className="med-card__name" label="Medication" list={MEDICATION_NAMES_LIST} registration={register(`medications.${index}.name`)} error={me('name')} />
                        <EditorField label="Dosage" registration={register(`medications.${index}.dosage`)} error={me('dosage')} placeholder="500mg" />
                        <EditorField label="Frequency" registration={register(`medications.${index}.frequency`)} error={me('frequency')} placeholder="3 times daily" />
                        <EditorField label="Duration" registration={register(`medications.${index}.duration`)} error={me('duration')} placeholder="7 days" />
                        <EditorField label="Quantity" type="number" registration={register(`medications.${index}.quantity`, { setValueAs: asNumber })} error={me('quantity')} />
                        <EditorField label="Refills allowed" type="number" registration={register(`medications.${index}.refillsAllowed`, { setValueAs: asNumber })} error={me('refillsAllowed')} />
                        <EditorField className="med-card__wide" label="Instructions" registration={register(`medications.${index}.instructions`)} error={me('instructions')} placeholder="Take with food" />
                      </div>
                    </li>
                  );
                })}
              </ol>
              <datalist id={MEDICATION_NAMES_LIST}>
                {suggestions.map((name) => (
                  <option key={name} value={name} />
                ))}
              </datalist>
              <AllergyWarnings
                matches={matches}
                acknowledged={acknowledged}
                disabled={readOnly}
                onAcknowledge={(substance, seen) =>
                  setAcknowledged((current) => {
                    const next = new Set(current);
                    if (seen) next.add(substance);
                    else next.delete(substance);
                    return next;
                  })
                }
              />
              {e.medications?.root?.message || e.medications?.message ? <p className="field__error">{e.medications?.root?.message ?? e.medications?.message}</p> : null}
              <div>
                <button type="button" className="button button--secondary" onClick={() => {
                    const from = medications.fields.length;
                    setAddedSince((current) => (current && current.submits === submitCount ? current : { from, submits: submitCount }));
                    medications.append({ ...EMPTY_MEDICATION });
                  }}>
                  Add medication
                </button>
              </div>
            </FormSection>

            <FormSection title="Clinical notes">
              <EditorTextArea label="Clinical notes" registration={register('clinicalNotes')} error={e.clinicalNotes?.message} rows={4} />
            </FormSection>

            <FormSection title="Follow-up">
              <div className="form-row rx-follow-up">
                <label className="checkbox">
                  <input type="checkbox" {...register('followUpRequired')} />
                  Follow-up visit required
                </label>
                {followUpRequired ? (
                  <EditorField label="In days" type="number" registration={register('followUpDays', { setValueAs: asNumber })} error={e.followUpDays?.message} />
                ) : null}
              </div>
            </FormSection>

            <FormSection title="Pharmacy" lead="Optional: where the patient will collect the medication.">
              <div className="rx-pharmacy">
                <EditorField label="Pharmacy name" registration={register('pharmacy.name')} error={e.pharmacy?.name?.message} />
                <EditorField label="Address" registration={register('pharmacy.address')} error={e.pharmacy?.address?.message} />
                <EditorField label="Phone" registration={register('pharmacy.phone')} error={e.pharmacy?.phone?.message} />
                <EditorField label="Fax" registration={register('pharmacy.faxNumber')} error={e.pharmacy?.faxNumber?.message} />
              </div>
            </FormSection>
          </fieldset>

          {!readOnly ? (
            <div className="rx-form__actions">
              {signed ? <p className="rx-form__hint">This version is signed: saving a change makes version {(rx?.version ?? 1) + 1}.</p> : null}
              <button type="submit" className="button button--secondary" disabled={busy !== null || (signed && !isDirty)}>
                {busy === 'save' ? <Spinner /> : null}
                {signed ? 'Save as new version' : 'Save draft'}
              </button>
              {pending.length > 0 ? <p className="rx-form__hint">Confirm the allergy warning to sign.</p> : null}
              <button type="button" className="button button--primary" disabled={busy !== null || (signed && !isDirty) || pending.length > 0} onClick={() => void onSign()}>
                {busy === 'sign' ? <Spinner /> : null}
                {signed ? 'Save and sign new version' : 'Sign prescription'}
              </button>
            </div>
          ) : null}
        </form>

        <aside className="rx-side">
          <section className="card panel" aria-labelledby="rx-status-title">
            <h3 className="panel__title" id="rx-status-title">
              Status
            </h3>
            {rx ? (
              <dl className="details">
                <div className="detail"><dt>Signature</dt><dd><SignatureBadge signature={rx.signature} /></dd></div>
                {rx.signature.state !== 'unsigned' && rx.signature.keyId ? (
                  <div className="detail"><dt>Key id</dt><dd className="data-table__mono">{rx.signature.keyId}</dd></div>
                ) : null}
                {rx.signature.state === 'valid' && rx.signature.signedAt ? (
                  <div className="detail"><dt>Signed</dt><dd>{formatMoment(rx.signature.signedAt, zone)}</dd></div>
                ) : null}
                <div className="detail"><dt>Status</dt><dd>{rx.status}</dd></div>
                <div className="detail"><dt>Version</dt><dd>{rx.version}{rx.previousVersionId ? ' (replaces an earlier signed version)' : ''}</dd></div>
              </dl>
            ) : (
              <p className="panel__empty">Not saved yet.</p>
            )}
            <button type="button" className="button button--secondary rx-side__pdf" disabled={!rx || busy !== null} onClick={() => void onExport()}>
              {busy === 'pdf' ? <Spinner /> : null}
              Export PDF
            </button>
          </section>
          {rx && rx.followUpRequired && rx.followUpDays && rx.doctorId === myId ? <FollowUpPanel key={rx.id} rx={rx} /> : null}
        </aside>
      </div>

      {signing ? (
        <SignDialog firstKey={signing.firstKey} onClose={() => setSigning(null)} onSign={(password) => sign(signing.target, password)} />
      ) : null}
    </section>
  );
}
