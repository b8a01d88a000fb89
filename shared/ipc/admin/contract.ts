import { channel, type ChannelSpec } from '../channel-spec';
import type { AdminChannelName } from './channel-names';
import {
  CreateDoctorInput,
  DoctorListInput,
  DoctorRefInput,
  ResetDoctorPasswordInput,
  SetDoctorActiveInput,
  SetDoctorImageInput,
  UpdateDoctorInput,
  type DoctorImage,
  type DoctorView,
} from './doctors';
import {
  AddBlockInput,
  DoctorScheduleInput,
  PreviewBlockInput,
  PreviewWeeklyInput,
  RemoveBlockInput,
  SaveWeeklyInput,
  type AffectedAppointment,
  type DoctorScheduleView,
  type ScheduleChangeResult,
} from './availability';
import { ClinicReportInput, type ClinicReport } from './reports';
import { MedicationIngredientsGetInput, SaveMedicationIngredientsInput, type MedicationIngredientsView } from './medications';
import { SaveSettingInput, SettingsListInput, type KnownSettingView, type SettingsPage } from './settings';

const doctorAccount = (action: string) =>
  ({ action, resourceType: 'staff', resourceId: (input: { doctorId: number }) => input.doctorId }) as const;

/**
 * The admin channels: input schema, output type, permission and audit spec of each. Settings
 * carry their own record of who changed them (updated_by, updated_at) and hold no patient data;
 * changes to doctors' accounts are on the audit trail like staff accounts.
 */
export const adminContract = {
  'admin.settings.list': channel<SettingsPage>()({
    input: SettingsListInput,
    permission: 'clinic.configure',
    offline: 'read',
  }),
  'admin.settings.save': channel<KnownSettingView>()({
    input: SaveSettingInput,
    permission: 'clinic.configure',
    offline: {
      policy: 'queue',
      label: 'Setting',
      resolutions: ['keep-mine', 'keep-theirs'],
      detail: (input) => `${input.name} = ${JSON.stringify(input.value)}`,
      keepMine: {
        before: 'admin.settings.list',
        restate: (input, page) => ({
          ...input,
          version: (page as SettingsPage).known.find((s) => s.name === input.name)?.version ?? null,
        }),
      },
    },
  }),

  'admin.doctors.list': channel<DoctorView[]>()({
    input: DoctorListInput,
    permission: 'clinic.configure',
    offline: 'read',
  }),
  'admin.doctors.create': channel<DoctorView>()({
    input: CreateDoctorInput,
    permission: 'clinic.configure',
    offline: 'server',
    audit: {
      action: 'create_doctor_account',
      resourceType: 'staff',
      resourceId: (_input, output) => output?.id ?? null,
    },
  }),
  'admin.doctors.update': channel<DoctorView>()({
    input: UpdateDoctorInput,
    permission: 'clinic.configure',
    offline: 'server',
    audit: doctorAccount('update_doctor_profile'),
  }),
  'admin.doctors.setActive': channel<DoctorView>()({
    input: SetDoctorActiveInput,
    permission: 'clinic.configure',
    offline: 'server',
    audit: doctorAccount('change_doctor_account_status'),
  }),
  'admin.doctors.resetPassword': channel<DoctorView>()({
    input: ResetDoctorPasswordInput,
    permission: 'clinic.configure',
    offline: 'server',
    audit: doctorAccount('reset_doctor_password'),
  }),
  'admin.doctors.setImage': channel<DoctorView>()({
    input: SetDoctorImageInput,
    permission: 'clinic.configure',
    offline: 'server',
    audit: doctorAccount('change_doctor_image'),
  }),
  'admin.doctors.removeImage': channel<DoctorView>()({
    input: DoctorRefInput,
    permission: 'clinic.configure',
    offline: 'server',
    audit: doctorAccount('remove_doctor_image'),
  }),
  // Staff see the doctors' pictures (calendar, kiosk later); reading one changes nothing.
  'admin.doctors.image': channel<DoctorImage>()({
    input: DoctorRefInput,
    permission: 'clinic.read',
    offline: 'anywhere',
  }),

  'admin.schedule.get': channel<DoctorScheduleView>()({
    input: DoctorScheduleInput,
    permission: 'clinic.configure',
    offline: 'read',
  }),
  // The previews and changes list the patients of affected appointments (names, contact): on record.
  // Each appointment a change cancels gets its own cancel_appointment record besides.
  'admin.schedule.previewWeekly': channel<AffectedAppointment[]>()({
    input: PreviewWeeklyInput,
    permission: 'clinic.configure',
    offline: 'read',
    audit: {
      action: 'preview_doctor_hours_change',
      resourceType: 'appointment',
      resourceId: () => null,
      patientId: () => null,
    },
  }),
  'admin.schedule.saveWeekly': channel<ScheduleChangeResult>()({
    input: SaveWeeklyInput,
    permission: 'clinic.configure',
    offline: { policy: 'queue', label: 'Weekly hours', resolutions: ['keep-mine', 'keep-theirs'] },
    audit: {
      action: 'change_doctor_hours',
      resourceType: 'appointment',
      resourceId: () => null,
      patientId: () => null,
    },
  }),
  'admin.schedule.previewBlock': channel<AffectedAppointment[]>()({
    input: PreviewBlockInput,
    permission: 'clinic.configure',
    offline: 'read',
    audit: {
      action: 'preview_doctor_unavailable_date',
      resourceType: 'appointment',
      resourceId: () => null,
      patientId: () => null,
    },
  }),
  'admin.schedule.addBlock': channel<ScheduleChangeResult>()({
    input: AddBlockInput,
    permission: 'clinic.configure',
    offline: { policy: 'queue', label: 'Day off' },
    audit: {
      action: 'add_doctor_unavailable_date',
      resourceType: 'appointment',
      resourceId: () => null,
      patientId: () => null,
    },
  }),
  'admin.schedule.removeBlock': channel<DoctorScheduleView>()({
    input: RemoveBlockInput,
    permission: 'clinic.configure',
    offline: { policy: 'queue', label: 'Removal of a day off' },
  }),
  // Aggregates only (counts and minutes): no patient is identified, so no audit record.
  'admin.reports.clinic': channel<ClinicReport>()({
    input: ClinicReportInput,
    permission: 'reports.read',
    offline: 'read',
  }),

  // The ingredient list: read by every member of staff (the doctor's editor warns with it, also
  // from the mirror), changed by admins. It names no patient, but a change alters what every
  // prescriber is warned about, so each change is on the audit trail.
  'admin.medications.get': channel<MedicationIngredientsView>()({
    input: MedicationIngredientsGetInput,
    permission: 'clinic.read',
    offline: 'read',
  }),
  'admin.medications.save': channel<MedicationIngredientsView>()({
    input: SaveMedicationIngredientsInput,
    permission: 'clinic.configure',
    offline: {
      policy: 'queue',
      label: 'Medication ingredient list',
      resolutions: ['keep-mine', 'keep-theirs'],
      detail: (input) => `${input.entries.length} medication${input.entries.length === 1 ? '' : 's'}`,
      keepMine: {
        before: 'admin.medications.get',
        restate: (input, current) => ({ ...input, version: (current as MedicationIngredientsView).version }),
      },
    },
    audit: { action: 'change_medication_ingredients', resourceType: 'clinic_settings', resourceId: () => 'medication_ingredients', patientId: () => null },
  }),
} as const satisfies Record<AdminChannelName, ChannelSpec>;
