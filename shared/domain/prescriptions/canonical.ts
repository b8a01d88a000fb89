import type { AllergyAcknowledgement, Medication, Pharmacy } from '../../documents/prescriptions';

/**
 * The content of a prescription that its signature covers, as one canonical JSON text: keys
 * sorted, absent optional fields as null, dates as ISO 8601 UTC. Left out on purpose: the
 * signature itself, `status` and `supersededById` (they change after signing: a prescription is
 * completed or superseded without its content changing) and the store's timestamps.
 */
export interface SignableFields {
  id: string;
  appointmentId: number;
  patientId: number;
  doctorId: number;
  patientName: string;
  doctorName: string;
  prescriptionDate: Date;
  medications: readonly Medication[];
  clinicalNotes?: string | undefined;
  diagnosis?: string | undefined;
  followUpRequired: boolean;
  followUpDays?: number | undefined;
  pharmacy?: Pharmacy | undefined;
  version?: number | undefined;
  previousVersionId?: string | undefined;
  allergyAcknowledgements?: readonly AllergyAcknowledgement[] | undefined;
}

type Canonical = string | number | boolean | null | Canonical[] | { [key: string]: Canonical };

function medication(m: Medication): Canonical {
  return {
    name: m.name,
    dosage: m.dosage,
    frequency: m.frequency,
    duration: m.duration,
    instructions: m.instructions ?? null,
    quantity: m.quantity,
    refillsAllowed: m.refillsAllowed,
  };
}

function pharmacy(p: Pharmacy | undefined): Canonical {
  if (!p) return null;
  return { name: p.name, address: p.address ?? null, phone: p.phone ?? null, faxNumber: p.faxNumber ?? null };
}

export function signableContent(doc: SignableFields): Canonical {
  return {
    format: 'clinic-desk/prescription@1',
    id: doc.id,
    appointmentId: doc.appointmentId,
    patientId: doc.patientId,
    doctorId: doc.doctorId,
    patientName: doc.patientName,
    doctorName: doc.doctorName,
    prescriptionDate: doc.prescriptionDate.toISOString(),
    medications: doc.medications.map(medication),
    clinicalNotes: doc.clinicalNotes ?? null,
    diagnosis: doc.diagnosis ?? null,
    followUpRequired: doc.followUpRequired,
    followUpDays: doc.followUpDays ?? null,
    pharmacy: pharmacy(doc.pharmacy),
    version: doc.version ?? 1,
    previousVersionId: doc.previousVersionId ?? null,
    // Only when there are some: prescriptions signed before warnings existed keep their digest.
    ...(doc.allergyAcknowledgements?.length
      ? {
          allergyAcknowledgements: doc.allergyAcknowledgements.map((a) => ({
            medication: a.medication,
            substance: a.substance,
            acknowledgedAt: a.acknowledgedAt.toISOString(),
          })),
        }
      : {}),
  };
}

/** JSON with object keys in code-point order at every level: one text for one content. */
export function canonicalJson(value: Canonical): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key]!)}`).join(',')}}`;
}

export const canonicalPrescription = (doc: SignableFields): string => canonicalJson(signableContent(doc));
