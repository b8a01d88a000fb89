import type { PatientDetails, PrescriptionView } from '../../../../shared/ipc/doctor/types';
import { formatBirthDate } from '../../stores/display-format';
import { AllergyList } from '../../components/AllergyList';

/** Medications of the patient's prescriptions in force: active and signed, newest first, each once. */
function activeMedications(prescriptions: readonly PrescriptionView[], exceptId: string | null): string[] {
  const names = new Map<string, string>();
  for (const rx of prescriptions) {
    if (rx.id === exceptId || rx.status !== 'Active' || rx.signature.state !== 'valid') continue;
    for (const m of rx.medications) {
      const label = `${m.name} ${m.dosage}`.trim();
      if (!names.has(label.toLowerCase())) names.set(label.toLowerCase(), label);
    }
  }
  return [...names.values()];
}

/**
 * Who the prescription is for, always in view while prescribing: name, age, sex, allergies and
 * what the patient already takes.
 */
export function PatientBanner({
  patient,
  prescriptions,
  currentPrescriptionId = null,
  headingId,
}: {
  patient: PatientDetails;
  prescriptions: readonly PrescriptionView[];
  currentPrescriptionId?: string | null;
  /** The name is the page's heading (the visit page); without it, a line of the banner. */
  headingId?: string;
}) {
  const active = activeMedications(prescriptions, currentPrescriptionId);
  return (
    <section className="patient-banner" aria-label="Patient">
      <div className="patient-banner__who">
        {headingId ? (
          <h2 className="patient-banner__name" id={headingId}>
            {patient.firstName} {patient.lastName}
          </h2>
        ) : (
          <p className="patient-banner__name">
            {patient.firstName} {patient.lastName}
          </p>
        )}
        <p className="patient-banner__facts">
          {patient.ageYears} years · {patient.gender} · born {formatBirthDate(patient.dateOfBirth)}
        </p>
      </div>
      <div className="patient-banner__part">
        <p className="patient-banner__label">Allergies</p>
        <AllergyList allergies={patient.allergies} />
      </div>
      <div className="patient-banner__part">
        <p className="patient-banner__label">Active prescriptions</p>
        {active.length === 0 ? <p className="patient-banner__none">None</p> : <p className="patient-banner__meds">{active.join(' · ')}</p>}
      </div>
    </section>
  );
}
