import type { AdminChannelName } from '../../../../shared/ipc/admin/channel-names';
import type { Role } from '../../../../shared/ipc/permissions';
import { doctorValues } from '../../sql/fixtures';
import { PASSWORD, tomorrow } from '../accounts-fixture';
import type { FeatureSamples, RoleFixture } from './types';

/** A 1×1 PNG: a real image for the picture channels. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
let sequence = 0;
const SPLIT_MONDAY = [
  { dayOfWeek: 1, startTime: '09:00', endTime: '12:00', isAvailable: true },
  { dayOfWeek: 1, startTime: '14:00', endTime: '18:00', isAvailable: true },
];
const dayOff = () => ({ date: tomorrow(), startTime: null, endTime: null, reason: 'Conference' });
/** A doctor of the role's own that the doctor channels may edit, deactivate and picture. */
const spareDoctor = (fixture: RoleFixture) => fixture.extra.get('admin.spareDoctor')!;
const doctorFields = (n: number) => ({
  firstName: 'Gen',
  lastName: `Erated${n}`,
  email: `matrix.doctor.${n}@clinic.example`,
  phone: '+49 30 555 01',
  specialization: 'General Practice',
  licenseNumber: `MATRIX-${n}`,
  yearsExperience: 3,
  consultationFee: '80.00',
  bio: null,
});

/**
 * A setting nobody has stored yet, one per role: an allowed role's first save (version null)
 * succeeds; a refused role's save would have stored it (the fingerprint would show it).
 */
const UNSTORED_SETTING: Record<Role, string> = {
  patient: 'clinicPhone',
  doctor: 'clinicEmail',
  front_desk: 'bookingHorizonDays',
  admin: 'reminderLeadHours',
  // not clinicAddress: the communications settings sample stores that one
  super_admin: 'mirrorPullSeconds',
};
const SAMPLE_VALUE: Record<string, unknown> = {
  clinicPhone: '+49 30 1234567',
  clinicEmail: 'desk@clinic.example',
  bookingHorizonDays: 90,
  reminderLeadHours: 48,
  mirrorPullSeconds: 120,
};

/** Sample calls of the admin channels. */
export const ADMIN_SAMPLES: FeatureSamples<AdminChannelName> = {
  samples: {
    'admin.settings.list': { input: () => ({}) },
    'admin.settings.save': {
      input: (_f, account) => {
        const name = UNSTORED_SETTING[account.role];
        return { name, value: SAMPLE_VALUE[name], version: null };
      },
    },
    'admin.medications.get': { input: () => ({}) },
    // The first allowed role (admin) stores the list over "nothing stored"; super_admin, next,
    // sends the same stale version and is refused for it, as a second admin would be.
    'admin.medications.save': {
      input: () => ({ entries: [{ medication: 'Augmentin', ingredients: ['Amoxicillin', 'Clavulanic acid'] }], version: null }),
      allowedOutcome: { super_admin: 'CONFLICT' },
    },
    'admin.doctors.list': { input: () => ({}) },
    'admin.doctors.create': { input: () => ({ ...doctorFields(++sequence), password: PASSWORD }) },
    'admin.doctors.update': { input: (f) => ({ doctorId: spareDoctor(f), ...doctorFields(++sequence) }) },
    'admin.doctors.setActive': { input: (f) => ({ doctorId: spareDoctor(f), active: false }) },
    'admin.doctors.resetPassword': { input: (f) => ({ doctorId: spareDoctor(f), newPassword: PASSWORD }) },
    'admin.doctors.setImage': { input: (f) => ({ doctorId: spareDoctor(f), mediaType: 'image/png', dataBase64: TINY_PNG }) },
    'admin.doctors.removeImage': { input: (f) => ({ doctorId: spareDoctor(f) }) },
    'admin.doctors.image': { input: (f) => ({ doctorId: spareDoctor(f) }) },
    'admin.schedule.get': { input: (f) => ({ doctorId: spareDoctor(f) }) },
    'admin.schedule.previewWeekly': { input: (f) => ({ doctorId: spareDoctor(f), weekly: SPLIT_MONDAY }) },
    'admin.schedule.saveWeekly': { input: (f) => ({ doctorId: spareDoctor(f), weekly: SPLIT_MONDAY, resolution: { conflicts: 'refuse' } }) },
    'admin.schedule.previewBlock': { input: (f) => ({ doctorId: spareDoctor(f), block: dayOff() }) },
    'admin.schedule.addBlock': { input: (f) => ({ doctorId: spareDoctor(f), block: dayOff(), resolution: { conflicts: 'refuse' } }) },
    'admin.reports.clinic': { input: () => ({ fromDate: tomorrow(), weeks: 4 }) },
    'admin.schedule.removeBlock': { input: (f) => ({ doctorId: spareDoctor(f), blockId: f.extra.get('admin.spareBlock')! }) },
  },
  async prepare(workstation, _role, fixture) {
    const doctor = await workstation.runtime.stores().sql.models.Doctor.create(doctorValues());
    fixture.extra.set('admin.spareDoctor', doctor.id);
    const block = await workstation.runtime.stores().sql.models.DoctorUnavailableDate.create({ doctorId: doctor.id, unavailableDate: tomorrow(), reason: 'Training' });
    fixture.extra.set('admin.spareBlock', block.id);
  },
  async fingerprint(workstation) {
    const { models } = workstation.runtime.stores().sql;
    const settings = await models.ClinicSetting.findAll({ attributes: ['settingKey', 'settingValue', 'updatedBy'], order: [['settingKey', 'ASC']], raw: true });
    const doctors = await models.Doctor.findAll({
      attributes: ['id', 'email', 'licenseNumber', 'lastName', 'isActive', 'passwordHash', 'profileImageUrl'],
      order: [['id', 'ASC']],
      raw: true,
    });
    const hours = await models.DoctorAvailability.findAll({ attributes: ['id', 'doctorId', 'dayOfWeek', 'startTime', 'endTime', 'isAvailable'], order: [['id', 'ASC']], raw: true });
    const blocks = await models.DoctorUnavailableDate.findAll({ attributes: ['id', 'doctorId', 'unavailableDate', 'startTime', 'endTime'], order: [['id', 'ASC']], raw: true });
    return { settings, doctors, hours, blocks };
  },
};
