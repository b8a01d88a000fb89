import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getPatientRecord,
  registerPatient,
  searchPatients,
  setPatientActive,
  updatePatient,
} from '../../../electron/main/services/reception/patients';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { verifyPassword } from '../../../electron/main/security/password';
import { addDays } from '../../../shared/domain/plain-date';
import { PatientFields, RegisterPatientInput } from '../../../shared/ipc/reception/patient-schemas';
import type { PossibleDuplicateDetails } from '../../../shared/ipc/reception/types';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { refusal } from '../sql/fixtures';
import { fixedClock, MONDAY, seedClinic } from '../scheduling/clinic-fixture';

// Generated people only.
let n = 0;
const person = (overrides: Partial<Record<string, string>> = {}) =>
  PatientFields.parse({
    firstName: 'Orla',
    lastName: `Quenby${++n}`,
    email: `orla.quenby.${n}.${Date.now() % 100_000}@patients.example`,
    phone: `+1 555 02${String(n).padStart(2, '0')} 110`,
    dateOfBirth: '1984-06-02',
    gender: 'Female',
    ...overrides,
  });

describe.each(SQL_TARGETS)('patients on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let clinic: Awaited<ReturnType<typeof seedClinic>>;
  const clock = fixedClock();
  const register = (patient: ReturnType<typeof person>, acknowledgeDuplicates = false) =>
    registerPatient(store, { patient, acknowledgeDuplicates }, clock);
  const count = () => store.models.Patient.count();

  beforeAll(async () => {
    store = await openTestStore(target);
    clinic = await seedClinic(store, { patients: 1 });
  });
  afterAll(async () => store?.dispose());

  it('registers a patient with an unusable password hash and trimmed, optional fields empty', async () => {
    const saved = await register(person({ firstName: '  Tamsin ', address: '' }));
    expect(saved).toMatchObject({ firstName: 'Tamsin', isActive: true, address: '', emergencyContactName: '' });
    const row = await store.models.Patient.findByPk(saved.id);
    expect(row?.passwordHash).toMatch(/^unusable\$/);
    expect(await verifyPassword('', row!.passwordHash)).toBe(false);
    expect(row?.address).toBeNull();
  });

  it('refuses a taken email (any case), a birth date today or later, and changes nothing', async () => {
    const first = await register(person());
    const before = await count();
    const taken = await refusal(register(person({ email: first.email.toUpperCase() })));
    expect(taken.code).toBe('VALIDATION');
    expect((taken.details as { field: string }).field).toBe('patient.email');
    const future = await refusal(register(person({ dateOfBirth: MONDAY })));
    expect((future.details as { field: string }).field).toBe('patient.dateOfBirth');
    expect(await count()).toBe(before);
  });

  it('the schema refuses a bad phone, an unknown gender and half an emergency contact, naming the field', () => {
    const fields = (input: unknown) => {
      const parsed = RegisterPatientInput.safeParse(input);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    };
    const base = { ...person(), address: undefined };
    expect(fields({ patient: { ...base, phone: 'call me' } })).toEqual(['patient.phone']);
    expect(fields({ patient: { ...base, gender: 'Unknown' } })).toEqual(['patient.gender']);
    expect(fields({ patient: { ...base, emergencyContactName: 'Generated Contact' } })).toEqual([
      'patient.emergencyContactPhone',
    ]);
    expect(fields({ patient: { ...base, email: 'not-an-email' } })).toEqual(['patient.email']);
    expect(fields({ patient: base })).toEqual([]);
  });

  it('warns of likely duplicates (same name and birth date, or same phone), writes nothing, and registers once acknowledged', async () => {
    const existing = await register(
      person({ firstName: 'Ilse', lastName: 'Varnhold', dateOfBirth: '1990-01-31', phone: '+15550300300' }),
    );
    const before = await count();
    const twin = await refusal(
      register(person({ firstName: 'ilse', lastName: 'VARNHOLD', dateOfBirth: '1990-01-31' })),
    );
    expect(twin.code).toBe('POSSIBLE_DUPLICATE');
    expect((twin.details as PossibleDuplicateDetails).duplicates).toEqual([
      expect.objectContaining({ id: existing.id, reasons: ['same_name_and_birth_date'] }),
    ]);
    const samePhone = await refusal(register(person({ phone: '+15550300300' })));
    expect((samePhone.details as PossibleDuplicateDetails).duplicates.map((d) => d.reasons)).toEqual([['same_phone']]);
    expect(await count()).toBe(before);
    const anyway = await register(person({ firstName: 'Ilse', lastName: 'Varnhold', dateOfBirth: '1990-01-31' }), true);
    expect(anyway.id).not.toBe(existing.id);
    expect(await count()).toBe(before + 1);
  });

  it('updates a patient; an unchanged identity raises no duplicate warning, a refused update changes nothing', async () => {
    const saved = await register(
      person({ firstName: 'Mirren', lastName: 'Haskett', dateOfBirth: '1971-09-09', phone: '+15550100401' }),
    );
    await register(person({ phone: '+15550100402' }));
    const fields = person({
      firstName: 'Mirren',
      lastName: 'Haskett',
      dateOfBirth: '1971-09-09',
      phone: '+15550100401',
      email: saved.email,
      address: 'Generated Lane 4',
    });
    expect(
      (await updatePatient(store, { patientId: saved.id, patient: fields, acknowledgeDuplicates: false }, clock))
        .address,
    ).toBe('Generated Lane 4');
    const clash = await refusal(
      updatePatient(
        store,
        { patientId: saved.id, patient: { ...fields, phone: '+15550100402' }, acknowledgeDuplicates: false },
        clock,
      ),
    );
    expect(clash.code).toBe('POSSIBLE_DUPLICATE');
    expect((await store.models.Patient.findByPk(saved.id))?.phone).toBe('+15550100401');
  });

  it('finds patients by name prefix (either order, any case), phone, email and date of birth, within the limit', async () => {
    const found = await register(
      person({ firstName: 'Wendeline', lastName: 'Ostrakov', dateOfBirth: '1966-02-17', phone: '+15550100777' }),
    );
    const search = (query: string, limit = 20) =>
      searchPatients(store, { query, limit, includeInactive: false }).then((list) => list.map((p) => p.id));
    expect(await search('ostra')).toContain(found.id);
    expect(await search('Wendel')).toContain(found.id);
    expect(await search('wen ost')).toEqual([found.id]);
    expect(await search('ostrakov wendeline')).toEqual([found.id]);
    expect(await search('+1555010077')).toContain(found.id);
    // typed as people write it, the stored E.164 form is found too
    expect(await search('+1 555 010-07')).toContain(found.id);
    expect(await search('001 555 0100')).toContain(found.id);
    expect(await search(found.email.slice(0, 18))).toContain(found.id);
    expect(await search('1966-02-17')).toEqual([found.id]);
    expect(await search('17.02.1966')).toEqual([found.id]);
    expect(await search('%')).toEqual([]);
    expect((await search('o', 2)).length).toBeLessThanOrEqual(2);
  });

  it('deactivates instead of deleting: out of searches and bookings, history kept, reactivatable', async () => {
    const patient = await register(person({ firstName: 'Fennick', lastName: 'Dolbrae' }));
    const booked = await bookAppointment(
      store,
      {
        patientId: patient.id,
        doctorId: clinic.doctors[0]!.id,
        date: MONDAY,
        time: '09:00',
        idempotencyKey: `deact-${patient.id}-key`,
      },
      clock,
    );
    expect((await setPatientActive(store, { patientId: patient.id, active: false })).isActive).toBe(false);
    expect(await searchPatients(store, { query: 'Dolbrae', limit: 20, includeInactive: false })).toEqual([]);
    expect(
      (await searchPatients(store, { query: 'Dolbrae', limit: 20, includeInactive: true })).map((p) => p.id),
    ).toEqual([patient.id]);
    const refused = await refusal(
      bookAppointment(
        store,
        {
          patientId: patient.id,
          doctorId: clinic.doctors[0]!.id,
          date: MONDAY,
          time: '10:00',
          idempotencyKey: `deact2-${patient.id}-key`,
        },
        clock,
      ),
    );
    expect(refused.code).toBe('NOT_FOUND');
    const record = await getPatientRecord(store, patient.id, clock);
    expect([...record.today, ...record.upcoming].map((a) => a.id)).toEqual([booked.id]);
    expect([...record.today, ...record.upcoming][0]).toMatchObject({
      doctorName: expect.stringMatching(/^Dr\. /),
      status: 'Scheduled',
      time: '09:00',
    });
    expect((await setPatientActive(store, { patientId: patient.id, active: true })).isActive).toBe(true);
  });

  it("splits the record by the clinic's date: a visit under way is today's, not past", async () => {
    const patient = await register(person());
    const doctorId = clinic.doctors[1]!.id;
    await bookAppointment(
      store,
      { patientId: patient.id, doctorId, date: MONDAY, time: '08:00', idempotencyKey: `rec-a-${patient.id}` },
      clock,
    );
    await bookAppointment(
      store,
      { patientId: patient.id, doctorId, date: MONDAY, time: '11:00', idempotencyKey: `rec-b-${patient.id}` },
      clock,
    );
    await bookAppointment(
      store,
      { patientId: patient.id, doctorId, date: addDays(MONDAY, 1), time: '09:00', idempotencyKey: `rec-c-${patient.id}` },
      clock,
    );
    const later = fixedClock(clock() + 3 * 60 + 15); // 10:15: the 08:00 is over, the 11:00 ahead
    const record = await getPatientRecord(store, patient.id, later);
    expect(record.today.map((a) => a.time)).toEqual(['08:00', '11:00']);
    expect(record.upcoming.map((a) => [a.date, a.time])).toEqual([[addDays(MONDAY, 1), '09:00']]);
    expect(record.past).toEqual([]);
    const nextDay = await getPatientRecord(store, patient.id, fixedClock(clock() + 24 * 60));
    expect(nextDay.past.map((a) => a.time)).toEqual(['11:00', '08:00']);
    expect(nextDay.today.map((a) => a.time)).toEqual(['09:00']);
    expect((await refusal(getPatientRecord(store, 9_999_999, clock))).code).toBe('NOT_FOUND');
  });
});
