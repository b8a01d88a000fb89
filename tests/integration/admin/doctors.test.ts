import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDoctorImage, removeDoctorImage, setDoctorImage } from '../../../electron/main/services/admin/doctor-images';
import { createDoctor, listDoctors, resetDoctorPassword, setDoctorActive, updateDoctor } from '../../../electron/main/services/admin/doctors-admin';
import { bookAppointment } from '../../../electron/main/services/scheduling/booking';
import { verifyPassword } from '../../../electron/main/security/password';
import { CreateDoctorInput, UpdateDoctorInput } from '../../../shared/ipc/admin/doctors';
import { createTempDir, type TempDir } from '../../support/services';
import { TINY_PNG } from '../auth/matrix/admin-samples';
import { refusal } from '../sql/fixtures';
import { openTestStore, SQL_TARGETS } from '../sql/stores';
import { fixedClock, MONDAY, seedClinic } from '../scheduling/clinic-fixture';

const PASSWORD = 'quiet meadow lantern 58';
let n = 0;
const form = (overrides: Record<string, unknown> = {}) =>
  CreateDoctorInput.parse({
    firstName: 'Rowan',
    lastName: `Testdoc${++n}`,
    email: `rowan.${n}.${randomUUID().slice(0, 6)}@clinic.example`,
    phone: '+49 30 555 0199',
    specialization: 'Dermatology',
    licenseNumber: `lic-${n}-${randomUUID().slice(0, 6)}`,
    yearsExperience: 7,
    consultationFee: '120.5',
    bio: 'Generated doctor for tests.',
    password: PASSWORD,
    ...overrides,
  });

describe('doctor accounts: schema', () => {
  it('keeps the fee as money with two decimals and refuses what is not money', () => {
    expect(form({ consultationFee: '120' }).consultationFee).toBe('120.00');
    expect(form({ consultationFee: '99,9' }).consultationFee).toBe('99.90');
    expect(form({ consultationFee: null }).consultationFee).toBeNull();
    for (const bad of ['12.345', '-5', 'free', '123456789.00']) {
      const parsed = CreateDoctorInput.safeParse({ ...form(), password: PASSWORD, consultationFee: bad });
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error!.issues[0]!.path).toEqual(['consultationFee']);
    }
  });

  it('names the field of every refused value', () => {
    const cases: [string, unknown][] = [
      ['yearsExperience', -1],
      ['yearsExperience', 2.5],
      ['phone', '+49 30 555 0199 12345'],
      ['email', 'not-an-email'],
      ['licenseNumber', '  '],
      ['firstName', ''],
      ['password', 'short'],
    ];
    for (const [field, value] of cases) {
      const parsed = CreateDoctorInput.safeParse({ ...form(), password: PASSWORD, [field]: value });
      expect(parsed.success, `${field} = ${String(value)}`).toBe(false);
      expect(parsed.error!.issues[0]!.path[0]).toBe(field);
    }
    expect(UpdateDoctorInput.safeParse({ ...form(), doctorId: 1 }).success).toBe(false); // no password on edit
  });
});

describe.each(SQL_TARGETS)('doctor accounts on $name', (target) => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let dataDir: TempDir;
  const clock = fixedClock();
  const snapshot = async () => JSON.stringify(await store.models.Doctor.findAll({ order: [['id', 'ASC']], raw: true }));

  beforeAll(async () => {
    store = await openTestStore(target);
    dataDir = createTempDir('clinic-desk-images-');
    await seedClinic(store, { doctors: 0, patients: 1 });
  });
  afterAll(async () => {
    await store?.dispose();
    dataDir?.remove();
  });

  it('creates a doctor who can sign in with the password set here, license in one case, fee exact', async () => {
    const created = await createDoctor(store, form({ licenseNumber: 'md-7781-b' }));
    expect(created).toMatchObject({ licenseNumber: 'MD-7781-B', consultationFee: '120.50', yearsExperience: 7, isActive: true, hasProfileImage: false });
    expect(created).not.toHaveProperty('passwordHash');
    const row = await store.models.Doctor.findByPk(created.id);
    expect(await verifyPassword(PASSWORD, row!.passwordHash)).toBe(true);
    expect((await listDoctors(store, true)).map((d) => d.id)).toContain(created.id);
  });

  it('refuses a taken email or license number (whatever the case) with DUPLICATE on the field, and writes nothing', async () => {
    const first = await createDoctor(store, form());
    const before = await snapshot();
    const byEmail = await refusal(createDoctor(store, form({ email: first.email.toUpperCase() })));
    expect(byEmail.code).toBe('DUPLICATE');
    expect(byEmail.details).toMatchObject({ field: 'email' });
    const byLicense = await refusal(createDoctor(store, form({ licenseNumber: first.licenseNumber.toLowerCase() })));
    expect(byLicense.code).toBe('DUPLICATE');
    expect(byLicense.details).toMatchObject({ field: 'licenseNumber' });
    // an edit onto another doctor's email: refused, both rows as they were
    const second = await createDoctor(store, form());
    const beforeEdit = await snapshot();
    const { password: _unused, ...fields } = form();
    const edit = await refusal(updateDoctor(store, UpdateDoctorInput.parse({ ...fields, email: first.email, doctorId: second.id })));
    expect(edit.code).toBe('DUPLICATE');
    expect(await snapshot()).toBe(beforeEdit);
    expect(before.length).toBeGreaterThan(0);
  });

  it('edits every field', async () => {
    const doctor = await createDoctor(store, form());
    const { password: _unused, ...fields } = form({ specialization: 'Cardiology', consultationFee: '95', bio: null, yearsExperience: 12 });
    const edited = await updateDoctor(store, { ...fields, doctorId: doctor.id });
    expect(edited).toMatchObject({ specialization: 'Cardiology', consultationFee: '95.00', bio: null, yearsExperience: 12, email: fields.email });
    expect((await refusal(updateDoctor(store, { ...fields, doctorId: 999_999 }))).code).toBe('NOT_FOUND');
  });

  it('deactivates only a doctor without upcoming appointments; an inactive doctor cannot be booked', async () => {
    const doctor = await createDoctor(store, form());
    const patient = (await store.models.Patient.findOne())!;
    await store.models.DoctorAvailability.create({ doctorId: doctor.id, dayOfWeek: 1, startTime: '08:00', endTime: '12:00' });
    const booked = await bookAppointment(store, { doctorId: doctor.id, patientId: patient.id, date: MONDAY, time: '09:00', idempotencyKey: randomUUID() }, clock);
    const before = await snapshot();
    const refused = await refusal(setDoctorActive(store, doctor.id, false, clock));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('1 upcoming appointment');
    expect(await snapshot()).toBe(before);
    await store.models.Appointment.update({ status: 'Cancelled' }, { where: { id: booked.id } });
    expect((await setDoctorActive(store, doctor.id, false, clock)).isActive).toBe(false);
    const failure = await refusal(bookAppointment(store, { doctorId: doctor.id, patientId: patient.id, date: MONDAY, time: '10:00', idempotencyKey: randomUUID() }, clock));
    expect(failure.code).toBe('NOT_FOUND');
    expect((await listDoctors(store, false)).map((d) => d.id)).not.toContain(doctor.id);
    expect((await setDoctorActive(store, doctor.id, true, clock)).isActive).toBe(true);
  });

  it('resets the password', async () => {
    const doctor = await createDoctor(store, form());
    await resetDoctorPassword(store, doctor.id, 'a whole new passphrase 9');
    const row = await store.models.Doctor.findByPk(doctor.id);
    expect(await verifyPassword('a whole new passphrase 9', row!.passwordHash)).toBe(true);
    expect(await verifyPassword(PASSWORD, row!.passwordHash)).toBe(false);
  });

  it('stores a profile picture in the data folder, checks its real type, replaces and removes it', async () => {
    const doctor = await createDoctor(store, form());
    const withImage = await setDoctorImage(store, dataDir.path, { doctorId: doctor.id, mediaType: 'image/png', dataBase64: TINY_PNG });
    expect(withImage.hasProfileImage).toBe(true);
    const row = await store.models.Doctor.findByPk(doctor.id);
    expect(row!.profileImageUrl).toMatch(/^doctor-images\/doctor-\d+-[0-9a-f]{16}\.png$/);
    expect(existsSync(join(dataDir.path, row!.profileImageUrl!))).toBe(true);
    expect((await readDoctorImage(store, dataDir.path, doctor.id)).dataUrl).toBe(`data:image/png;base64,${TINY_PNG}`);

    // text claiming to be a PNG, or a JPEG claiming to be a PNG: refused, the picture stays
    const before = await snapshot();
    const text = Buffer.from('this is not an image at all').toString('base64');
    expect((await refusal(setDoctorImage(store, dataDir.path, { doctorId: doctor.id, mediaType: 'image/png', dataBase64: text }))).code).toBe('VALIDATION');
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]).toString('base64');
    expect((await refusal(setDoctorImage(store, dataDir.path, { doctorId: doctor.id, mediaType: 'image/png', dataBase64: jpeg }))).code).toBe('VALIDATION');
    expect(await snapshot()).toBe(before);

    // a new picture replaces the file; removing leaves no file behind
    await setDoctorImage(store, dataDir.path, { doctorId: doctor.id, mediaType: 'image/jpeg', dataBase64: jpeg });
    const files = () => readdirSync(join(dataDir.path, 'doctor-images')).filter((f) => f.startsWith(`doctor-${doctor.id}-`));
    expect(files()).toHaveLength(1);
    expect(files()[0]).toMatch(/\.jpg$/);
    await removeDoctorImage(store, dataDir.path, doctor.id);
    expect(files()).toHaveLength(0);
    expect((await readDoctorImage(store, dataDir.path, doctor.id)).dataUrl).toBeNull();
  });
});
