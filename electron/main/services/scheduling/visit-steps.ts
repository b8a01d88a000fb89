import { checkTransition, checkVisitStep, instantToWall, VISIT_STEPS, type VisitStep } from '../../../../shared/domain/scheduling';
import { AppFailure } from '../../../../shared/ipc/result';
import type { AppointmentView } from '../../../../shared/ipc/scheduling-types';
import type { Appointment } from '../../data/sql/models';
import type { SqlStore } from '../../data/sql/open-sql-store';
import { inWriteTransaction } from '../../data/sql/write-retry';
import { toAppointmentView } from './appointment-view';
import { startInstant } from './booking';
import { systemMinuteClock, type EpochMinuteClock } from '../../../../shared/domain/clock';
import { displayLocaleOf } from '../../../../shared/domain/settings-registry';
import { loadClinicSettings } from './rules';

const COLUMN: Record<VisitStep, 'inRoomAt' | 'withDoctorAt' | 'checkedOutAt'> = {
  'in-room': 'inRoomAt',
  'with-doctor': 'withDoctorAt',
  'checked-out': 'checkedOutAt',
};

function recordedSteps(row: Appointment): VisitStep[] {
  return VISIT_STEPS.filter((step) => row[COLUMN[step]] != null);
}

/**
 * Records a step of today's visit after the arrival (in the room, with the doctor, checked out)
 * under the appointment's row lock, so two desks record it once. Checking out completes the
 * visit (Confirmed → Completed) when its start has passed; a patient seen and gone before the
 * booked time keeps Confirmed with the check-out recorded.
 */
export async function recordVisitStep(
  sql: SqlStore,
  input: { appointmentId: number; step: VisitStep },
  clock: EpochMinuteClock = systemMinuteClock,
): Promise<AppointmentView> {
  const settings = await loadClinicSettings(sql.models);
  const now = clock();
  const today = instantToWall(now, settings.timezone).date;
  return inWriteTransaction(sql.sequelize, async (transaction) => {
    const row = await sql.models.Appointment.findByPk(input.appointmentId, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw new AppFailure('NOT_FOUND', 'That appointment does not exist.');
    const check = checkVisitStep(
      { status: row.status, date: row.appointmentDate, arrived: row.checkedInAt != null, recorded: recordedSteps(row) },
      input.step,
      today,
      displayLocaleOf(settings),
    );
    if (!check.ok) throw new AppFailure(check.code, check.message);
    if (check.alreadyRecorded) return toAppointmentView(row);
    const completes =
      input.step === 'checked-out' && checkTransition(row.status, 'Completed', startInstant(row, settings.timezone), now).ok;
    await row.update({ [COLUMN[input.step]]: new Date(now * 60_000), ...(completes ? { status: 'Completed' } : {}) }, { transaction });
    return toAppointmentView(row);
  });
}
