import { addDays, daysBetween, instantToWall } from '../../../../shared/domain/scheduling';
import type { FollowUpSlots } from '../../../../shared/ipc/doctor/types';
import { AppFailure } from '../../../../shared/ipc/result';
import type { AppointmentView } from '../../../../shared/ipc/scheduling-types';
import type { SessionUser } from '../../../../shared/ipc/types';
import type { Prescription } from '../../../../shared/documents';
import type { OpenStores } from '../../runtime/stores';
import { bookAppointment } from '../scheduling/booking';
import type { EpochMinuteClock } from '../../../../shared/domain/clock';
import { cachedClinicSettings, loadClinicSettings } from '../scheduling/rules';
import { displayLocaleOf } from '../../../../shared/domain/settings-registry';
import { formatDayLong } from '../../../../shared/domain/display-format';
import { soonestSlots } from '../scheduling/slot-queries';
import { doctorIdOf, ownAppointment } from './own-records';
import { readablePrescription } from './prescriptions';

/** Free time is looked for from this many days before the follow-up date to this many after. */
const DAYS_BEFORE = 3;
const WINDOW_DAYS = 8;

async function followUpOf(stores: OpenStores, user: SessionUser, prescriptionId: string): Promise<{ doctorId: number; prescription: Prescription; visitDate: string; targetDate: string }> {
  const doctorId = doctorIdOf(user);
  const prescription = await readablePrescription(stores, doctorId, prescriptionId);
  if (prescription.doctorId !== doctorId) throw new AppFailure('FORBIDDEN', 'Only the doctor who wrote the prescription books its follow-up.');
  if (!prescription.followUpRequired || !prescription.followUpDays) {
    throw new AppFailure('VALIDATION', 'followUpDays: This prescription asks for no follow-up.', { fields: [{ field: 'followUpDays', message: 'No follow-up asked for' }] });
  }
  const visit = await ownAppointment(stores.sql, doctorId, prescription.appointmentId);
  return { doctorId, prescription, visitDate: visit.appointmentDate, targetDate: addDays(visit.appointmentDate, prescription.followUpDays) };
}

/** The doctor's free slots around the follow-up date, nearest to it first. */
export async function followUpSlots(stores: OpenStores, user: SessionUser, input: { prescriptionId: string; count: number }, clock: EpochMinuteClock): Promise<FollowUpSlots> {
  const { doctorId, targetDate } = await followUpOf(stores, user, input.prescriptionId);
  const settings = await loadClinicSettings(stores.sql.models);
  const today = instantToWall(clock(), settings.timezone).date;
  const notBefore = (date: string) => (date < today ? today : date);
  const from = notBefore(targetDate);
  const earliest = notBefore(addDays(targetDate, -DAYS_BEFORE));
  const search = (fromDate: string, days: number) => soonestSlots(stores.sql, { doctorIds: [doctorId], fromDate, days, count: 50 }, clock);
  // from the date on, and the few days before it: the nearest free times either side
  const [after, before] = await Promise.all([
    search(from, WINDOW_DAYS),
    earliest < from ? search(earliest, daysBetween(earliest, from)) : Promise.resolve([]),
  ]);
  const slots = [...after, ...before.filter((slot) => slot.date < from)]
    .map((slot) => ({ date: slot.date, time: slot.time, durationMinutes: slot.durationMinutes }))
    .sort((a, b) => Math.abs(daysBetween(targetDate, a.date)) - Math.abs(daysBetween(targetDate, b.date)) || a.date.localeCompare(b.date) || a.time.localeCompare(b.time))
    .slice(0, input.count);
  return { targetDate, slots };
}

/** Books the follow-up through the scheduling engine: same rules, same atomic booking. */
export async function bookFollowUp(
  stores: OpenStores,
  user: SessionUser,
  input: { prescriptionId: string; date: string; time: string; idempotencyKey: string },
  clock: EpochMinuteClock,
): Promise<AppointmentView> {
  const { doctorId, prescription, visitDate } = await followUpOf(stores, user, input.prescriptionId);
  // the note stays as written, so it is written the way the clinic reads dates
  const display = displayLocaleOf(await cachedClinicSettings(stores.sql));
  return bookAppointment(
    stores.sql,
    {
      patientId: prescription.patientId,
      doctorId,
      date: input.date,
      time: input.time,
      appointmentType: 'Follow-up',
      patientNotes: `Follow-up of the visit on ${formatDayLong(visitDate, display)}`,
      idempotencyKey: input.idempotencyKey,
    },
    clock,
  );
}
