import type { Workstation } from '../../../electron/main/compose';
import type { Prescription } from '../../../shared/documents';
import { runCopySyncPass, type CopySyncSummary } from '../../../electron/main/services/consistency/copy-sync';
import { book } from '../communications/comms-fixture';
import { MONDAY, seedClinic } from '../scheduling/clinic-fixture';

/** One scheduled pass; leases on the server's clock unless the test moves it (`serverNowMs`). */
export const pass = (workstation: Workstation, serverNowMs?: () => Promise<number>): Promise<CopySyncSummary> => {
  const { sql, documents } = workstation.runtime.stores();
  return runCopySyncPass({ sql, documents, workstation: workstation.session.workstation, ...(serverNowMs ? { serverNowMs } : {}) });
};

/** Generated people (no real-looking famous names). */
export const PEOPLE = [
  { firstName: 'Orlen', lastName: 'Vastreck' },
  { firstName: 'Pim', lastName: 'Carrowell' },
  { firstName: 'Tavi', lastName: 'Murrend' },
];

/**
 * A doctor, three patients each with an appointment, and prescriptions: patient 0 has two
 * unsigned and one signed, patient 1 two unsigned, patient 2 one unsigned.
 */
export async function seedPrescriptions(workstation: Workstation) {
  const { sql, documents } = workstation.runtime.stores();
  const { doctors, patients } = await seedClinic(sql, { doctors: 1, patients: 3 });
  const doctor = doctors[0]!;
  await doctor.update({ firstName: 'Ilse', lastName: 'Brandwick' });
  for (const [i, p] of patients.entries()) await p.update(PEOPLE[i]!);
  const appointments: { id: number }[] = [];
  for (const [i, p] of patients.entries()) appointments.push(await book(workstation, p.id, doctor.id, MONDAY, ['09:00', '10:00', '11:00'][i]!));
  const write = (i: number, signed: boolean, diagnosis: string): Promise<Prescription> =>
    documents.prescriptions.insert({
      appointmentId: appointments[i]!.id,
      patientId: patients[i]!.id,
      doctorId: doctor.id,
      patientName: `${PEOPLE[i]!.firstName} ${PEOPLE[i]!.lastName}`,
      doctorName: 'Dr. Ilse Brandwick',
      prescriptionDate: new Date('2026-12-07T09:30:00Z'),
      medications: [{ name: 'Amoxicillin', dosage: '500 mg', frequency: 'three times a day', duration: '7 days', quantity: 21 }],
      diagnosis,
      ...(signed ? { digitalSignature: 'header.payload.signature' } : {}),
    });
  const prescriptions = [
    await write(0, false, 'Acute sinusitis'),
    await write(0, false, 'Otitis media'),
    await write(0, true, 'Streptococcal pharyngitis'),
    await write(1, false, 'Bronchitis'),
    await write(1, false, 'Conjunctivitis'),
    await write(2, false, 'Cellulitis'),
  ];
  return { doctor, patients, appointments, prescriptions };
}
