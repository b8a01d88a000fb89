/**
 * Phones as people write them and patients without email, through the dispatcher on a standalone
 * SQLite file and on MariaDB + FerretDB: stored as E.164 and a `.invalid` placeholder, refusals
 * name the field and change nothing, old unparsable rows keep working, doctors follow the same
 * phone rule, and the clinic's default phone country reaches every screen through app.status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkstation, type Workstation } from '../../../electron/main/compose';
import { isNoEmailPlaceholder } from '../../../shared/domain/reception/no-email';
import type { DoctorView } from '../../../shared/ipc/admin/doctors';
import type { PatientDetails, PatientSearchPage } from '../../../shared/ipc/reception/types';
import type { AppStatus } from '../../../shared/ipc/types';
import { createTempDir, type TempDir } from '../../support/services';
import { errorCode, expectOk, WORKSTATION_STORES } from '../../support/workstation-stores';
import { createAccounts, type RoleAccount } from '../auth/accounts-fixture';
import type { Role } from '../../../shared/ipc/permissions';
import { patientValues } from '../sql/fixtures';
import { seedClinic, workstationClock } from '../scheduling/clinic-fixture';

// Generated people; fictional number ranges (Ofcom drama numbers, NANP 555-01xx).
const child = {
  firstName: 'Tilly',
  lastName: 'Wrenhaven',
  phone: '+44 7700 900 123',
  dateOfBirth: '2019-03-14',
  gender: 'Female',
  noEmail: true,
  emergencyContactName: 'Generated Parent',
  emergencyContactPhone: '+1 (555) 010-0100',
};

describe.each(WORKSTATION_STORES)('phones and "no email" on the $name', (store) => {
  let dir: TempDir;
  let workstation: Workstation;
  let cleanup: () => Promise<void>;
  let accounts: Record<Role, RoleAccount>;
  const dispatch = (channel: Parameters<Workstation['dispatch']>[0], input: unknown = {}) => workstation.dispatch(channel, input);
  const patientCount = () => workstation.runtime.stores().sql.models.Patient.count();
  const stored = async (id: number) => (await workstation.runtime.stores().sql.models.Patient.findByPk(id))!;

  beforeAll(async () => {
    dir = createTempDir();
    const opened = await store.open();
    cleanup = opened.cleanup;
    workstation = await startWorkstation({ dataDir: dir.path, env: opened.env, secretBox: null, appVersion: '0.0.0-test', nowMs: workstationClock() });
    const { sql } = workstation.runtime.stores();
    await seedClinic(sql, { patients: 0 });
    accounts = await createAccounts(sql);
    workstation.session.signIn(accounts.front_desk.user);
  }, 120_000);

  afterAll(async () => {
    await workstation?.close();
    await cleanup?.();
    dir?.remove();
  });

  it('registers a patient without email and with phones as written: E.164 stored, a unique .invalid placeholder', async () => {
    const saved = expectOk<PatientDetails>(await dispatch('patients.register', { patient: child }));
    const row = await stored(saved.id);
    expect(row.phone).toBe('+447700900123');
    expect(row.emergencyContactPhone).toBe('+15550100100');
    expect(isNoEmailPlaceholder(row.email)).toBe(true);
    expect(row.email.length).toBeLessThanOrEqual(100);

    // A sibling without email too: the placeholders never collide on the unique key.
    const sibling = expectOk<PatientDetails>(
      await dispatch('patients.register', { patient: { ...child, firstName: 'Odo', phone: '+44 7700 900 456' }, acknowledgeDuplicates: true }),
    );
    expect(isNoEmailPlaceholder(sibling.email)).toBe(true);
    expect(sibling.email).not.toBe(saved.email);

    // Editing keeps the placeholder (no churn); giving an address replaces it.
    const edited = expectOk<PatientDetails>(await dispatch('patients.update', { patientId: saved.id, patient: { ...child, address: 'Generated Lane 3' } }));
    expect(edited.email).toBe(saved.email);
    const withEmail = expectOk<PatientDetails>(
      await dispatch('patients.update', { patientId: saved.id, patient: { ...child, noEmail: false, email: 'tilly.parent@patients.example' } }),
    );
    expect(withEmail.email).toBe('tilly.parent@patients.example');
  });

  it('refuses bad phones and a missing email on their fields, and writes nothing', async () => {
    const before = await patientCount();
    const refusals: [Record<string, unknown>, string][] = [
      [{ phone: 'ring ring' }, 'patient.phone'],
      [{ phone: '0664 1234567' }, 'patient.phone'], // national: only the form knows the clinic's country
      [{ phone: '+1 555 0808 1' }, 'patient.phone'],
      [{ emergencyContactPhone: '12' }, 'patient.emergencyContactPhone'],
      [{ noEmail: false }, 'patient.email'],
      [{ noEmail: false, email: 'someone@mail.invalid' }, 'patient.email'],
    ];
    for (const [change, field] of refusals) {
      const result = await dispatch('patients.register', { patient: { ...child, firstName: 'Refused', ...change }, acknowledgeDuplicates: true });
      expect(errorCode(result), JSON.stringify(change)).toBe('VALIDATION');
      expect(result.ok ? null : result.error.details, JSON.stringify(change)).toMatchObject({ fields: [{ field }] });
    }
    expect(await patientCount()).toBe(before);
  });

  it('compares phones as stored for duplicates, and never a placeholder email with another', async () => {
    const first = expectOk<PatientDetails>(
      await dispatch('patients.register', { patient: { ...child, firstName: 'Aster', lastName: 'Kettleby', phone: '+43 664 5550123' }, acknowledgeDuplicates: true }),
    );
    // the same number written another way is the same phone
    const again = await dispatch('patients.register', { patient: { ...child, firstName: 'Bram', lastName: 'Otherley', phone: '0043 664 555 0123' } });
    expect(errorCode(again)).toBe('POSSIBLE_DUPLICATE');
    expect(again.ok ? null : again.error.details).toMatchObject({ duplicates: [{ id: first.id, reasons: ['same_phone'] }] });
  });

  it('keeps an old unparsable row readable and searchable, and normalises it when next saved', async () => {
    const { sql } = workstation.runtime.stores();
    const old = await sql.models.Patient.create(patientValues({ firstName: 'Legacy', lastName: 'Rowena', phone: '+1-555-1018' }));
    const record = expectOk<{ patient: PatientDetails }>(await dispatch('patients.get', { patientId: old.id }));
    expect(record.patient.phone).toBe('+1-555-1018');
    const found = expectOk<PatientSearchPage>(await dispatch('patients.search', { query: '+1-555-1018' })).patients;
    expect(found.map((p) => p.id)).toContain(old.id);
    const fixed = {
      firstName: 'Legacy',
      lastName: 'Rowena',
      email: old.email,
      phone: '+1 555 010 1018',
      dateOfBirth: String(old.dateOfBirth).slice(0, 10),
      gender: old.gender,
    };
    expectOk(await dispatch('patients.update', { patientId: old.id, patient: fixed, acknowledgeDuplicates: true }));
    expect((await stored(old.id)).phone).toBe('+15550101018');
  });

  it("stores doctors' phones as E.164 and refuses a bad one", async () => {
    workstation.session.signIn(accounts.admin.user);
    const doctor = {
      firstName: 'Halvard',
      lastName: 'Generated',
      email: `halvard.generated.${store.name.length}@clinic.example`,
      phone: '+43 1 555 0177',
      specialization: 'General Practice',
      licenseNumber: `PHONE-${store.name.length}`,
      yearsExperience: 4,
      consultationFee: null,
      bio: null,
      password: 'meadow pencil harbour 44',
    };
    const before = await workstation.runtime.stores().sql.models.Doctor.count();
    const refused = await dispatch('admin.doctors.create', { ...doctor, phone: '+43 1' });
    expect(errorCode(refused)).toBe('VALIDATION');
    expect(refused.ok ? null : refused.error.details).toMatchObject({ fields: [{ field: 'phone' }] });
    expect(await workstation.runtime.stores().sql.models.Doctor.count()).toBe(before);
    const created = expectOk<DoctorView>(await dispatch('admin.doctors.create', doctor));
    expect(created.phone).toBe('+4315550177');
    workstation.session.signIn(accounts.front_desk.user);
  });

  it('guesses the default phone country from the time zone; an admin sets it, and a bad code changes nothing', async () => {
    const status = async () => expectOk<AppStatus>(await dispatch('app.status'));
    // the fixture clinic is in Europe/Berlin
    expect((await status()).phoneCountry).toBe('DE');
    workstation.session.signIn(accounts.admin.user);
    expect(errorCode(await dispatch('admin.settings.save', { name: 'defaultPhoneCountry', value: 'XX', version: null }))).toBe('VALIDATION');
    expect((await status()).phoneCountry).toBe('DE');
    expectOk(await dispatch('admin.settings.save', { name: 'defaultPhoneCountry', value: 'gb', version: null }));
    expect((await status()).phoneCountry).toBe('GB');
    workstation.session.signIn(accounts.front_desk.user);
    expect(errorCode(await dispatch('admin.settings.save', { name: 'defaultPhoneCountry', value: 'AT', version: null }))).toBe('FORBIDDEN');
  });
});
